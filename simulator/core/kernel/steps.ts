/**
 * Long work done in steps. A step is about STEP items (records read, rows sorted or written); a
 * generator of steps yields TURN between two, a place where its reader (the HTTP layer) may give
 * the event loop a turn, and returns its result: at a million users, a billing report is seconds
 * of work, which then holds the server milliseconds at a time (issue 13). Steps compose with
 * `yield*`; the core itself never waits.
 */
export const STEP = 4_096;

/** A place to take a turn: an empty piece, which adds nothing to a text made of pieces. */
export const TURN = '';

/** Work in steps: yields TURNs (and, for a text, its pieces) and returns its result. */
export type Steps<R = void> = Generator<string, R, void>;

/** Work in steps run to its end at once, without a turn: for work that must stay in one transaction. */
export const finished = <R>(steps: Steps<R>): R => {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
};

/** Two sorted runs merged, ties from `a` first (so a sort stays stable), in steps. */
function* merged<T>(
  a: readonly T[],
  b: readonly T[],
  compare: (x: T, y: T) => number,
  step: number,
): Steps<T[]> {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    out.push(compare(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!);
    if (out.length % step === 0) yield TURN;
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/**
 * `items` sorted as a stable sort sorts them (`Array.prototype.sort`), in steps: runs of `step`
 * items sorted at once, then merged pairwise, `step` items a step.
 */
export function* sortInSteps<T>(
  items: readonly T[],
  compare: (a: T, b: T) => number,
  step = STEP,
): Steps<T[]> {
  let runs: T[][] = [];
  for (let i = 0; i < items.length; i += step) {
    runs.push(items.slice(i, i + step).sort(compare));
    yield TURN;
  }
  while (runs.length > 1) {
    const next: T[][] = [];
    for (let i = 0; i < runs.length; i += 2)
      next.push(
        i + 1 < runs.length ? yield* merged(runs[i]!, runs[i + 1]!, compare, step) : runs[i]!,
      );
    runs = next;
  }
  return runs[0] ?? [];
}
