import { STEP } from '../core/kernel/steps.ts';

/**
 * The timer a turn waits for, as the module found it when loaded: a frontend test that fakes timers
 * afterwards (Vitest's and Jest's fake timers replace `setImmediate` and `setTimeout`) would
 * otherwise hold every long answer of the MSW handlers until it advanced its timers.
 */
const immediate = typeof setImmediate === 'function' ? setImmediate.bind(globalThis) : undefined;
const timeout = setTimeout.bind(globalThis);
const turnTimer = (resolve: () => void): unknown =>
  immediate ? immediate(resolve) : timeout(resolve, 0);

/**
 * A turn of the event loop: `setImmediate` on Node, a timer in a browser (under MSW). Long work
 * (a large CSV import, a large export) awaits one between two pieces, so that other requests, of
 * this world and of the others, are answered meanwhile (issue 13). A promise or `nextTick` would
 * not do: Node can run a whole response's writes from those without once reading a socket.
 */
export const nextTurn = (): Promise<void> => new Promise((resolve) => turnTimer(resolve));

/** Runs core work in steps (core/kernel/steps.ts) to its end, a turn of the event loop at each step. */
export const inTurns = async <R>(steps: Generator<string, R, void>): Promise<R> => {
  for (let next = steps.next(); ; next = steps.next()) {
    if (next.done) return next.value;
    await nextTurn();
  }
};

/**
 * Pieces of work between two turns when a request's work is long: rows of a list page read or
 * compared, lines of an export written. A page over a customer's million users then holds the
 * server a few milliseconds at a time, not seconds.
 */
export const ITEMS_A_TURN = STEP;

/**
 * Items written out a turn when each costs a view and its JSON (a customer with its locations, an
 * order with its lines, a mail with its links): tens of microseconds each, so a turn stays short.
 */
export const VIEWS_A_TURN = 512;

/**
 * A body made of text pieces (CSV lines, JSON items), written as the client reads it: up to
 * `perTurn` pieces at a time, with a turn of the event loop before each batch but the first. A
 * long export is never one string, and the server answers other requests while it is written. An
 * empty piece writes nothing: a producer yields one where a turn may be taken in long work.
 */
export const bodyInTurns = (
  pieces: Iterable<string>,
  perTurn = ITEMS_A_TURN,
): ReadableStream<Uint8Array> => {
  const it = pieces[Symbol.iterator]();
  const utf8 = new TextEncoder();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Empty pieces are turns alone: a pull ends with text (or the end), else the stream waits.
      let text = '';
      for (;;) {
        if (started) await nextTurn();
        started = true;
        for (let n = 0; n < perTurn; n += 1) {
          const next = it.next();
          if (next.done) {
            if (text !== '') controller.enqueue(utf8.encode(text));
            controller.close();
            return;
          }
          text += next.value;
        }
        if (text !== '') {
          controller.enqueue(utf8.encode(text));
          return;
        }
      }
    },
  });
};

/** `{"items":[…]}` as pieces, an item a piece: what `JSON.stringify({ items })` writes. */
export function* jsonItems<T>(items: Iterable<T>, view: (item: T) => unknown): Generator<string> {
  yield '{"items":[';
  let first = true;
  for (const item of items) {
    yield `${first ? '' : ','}${JSON.stringify(view(item))}`;
    first = false;
  }
  yield ']}';
}
