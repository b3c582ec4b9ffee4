/**
 * Watches every regular expression run while a function runs (`RegExp.prototype.exec` and `test`,
 * which `String.prototype.match`, `replace`, `split` and Zod's `.regex()` all go through), and tells
 * the longest input any of them was given. A structural proof that a pattern never sees an
 * over-long input: no timing involved.
 */
/**
 * Patterns that run on whole inputs yet are linear by construction (one character class, looked
 * for once per character), so they may see anything: Zod's length check probes for a high
 * surrogate before counting code points; Hono's HTML escaping looks for the characters it escapes;
 * CSV export quoting looks for the characters that need quotes; reading a CSV file finds its line
 * breaks.
 */
export const LINEAR_PROBES: readonly string[] = [
  String(/[\uD800-\uDBFF]/),
  String(/[&<>'"]/),
  String(/[",\r\n]/),
  String(/\r\n?/g),
  String(/\n/g),
];

export interface RegexSeen {
  /** Runs of any pattern but the linear probes. */
  readonly runs: number;
  /** The longest input given to any pattern but the linear probes (0 if none ran). */
  readonly longest: number;
  /** The patterns that were given an input longer than `limit` (when one was passed). */
  readonly over: readonly string[];
}

export const watchRegexes = async <T>(
  fn: () => T | Promise<T>,
  limit = Infinity,
): Promise<{ value: T; seen: RegexSeen }> => {
  const proto = RegExp.prototype;
  const exec = proto.exec;
  const test = proto.test;
  let runs = 0;
  let longest = 0;
  const over = new Set<string>();
  const note = (re: RegExp, input: unknown): void => {
    if (LINEAR_PROBES.includes(String(re))) return;
    const n = String(input).length;
    runs += 1;
    if (n > longest) longest = n;
    if (n > limit) over.add(String(re));
  };
  proto.exec = function (this: RegExp, input: string) {
    note(this, input);
    return exec.call(this, input);
  };
  proto.test = function (this: RegExp, input: string) {
    note(this, input);
    return test.call(this, input);
  };
  try {
    const value = await fn();
    return { value, seen: { runs, longest, over: [...over] } };
  } finally {
    proto.exec = exec;
    proto.test = test;
  }
};
