import { ErrorCode, type ErrorItem } from '../core/kernel/errors.ts';

/**
 * Bounds on a JSON body, checked before any schema (and so any pattern) sees it. The schemas bound
 * each field more tightly; these hold for every field, including ones a schema keeps as given.
 */
export interface JsonLimits {
  /** Nesting of objects and arrays. */
  readonly depth: number;
  /** Characters in any string, object keys included. */
  readonly string: number;
  /** Items in any array. */
  readonly items: number;
}

export const JSON_LIMITS: JsonLimits = { depth: 32, string: 16 * 1024, items: 1_000 };

/**
 * Whether a JSON text nests deeper than `max`, told without parsing it: one pass over the text,
 * counting brackets, each string passed over whole (`indexOf` finds its closing quote: one not
 * escaped, after an even run of backslashes). Malformed text is left for `JSON.parse` to name.
 */
export const nestsDeeperThan = (text: string, max: number): boolean => {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = closingQuote(text, i);
      if (end < 0) return false;
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return false;
};

/** The index of the quote that closes the string opened at `open`, or -1 when none does. */
const closingQuote = (text: string, open: number): number => {
  for (let from = open + 1; ;) {
    const q = text.indexOf('"', from);
    if (q < 0) return -1;
    let b = q - 1;
    while (b > open && text.charCodeAt(b) === 0x5c) b -= 1;
    if ((q - 1 - b) % 2 === 0) return q;
    from = q + 1;
  }
};

const tooBig = (path: string, problem: string): ErrorItem => ({
  description: `${path}: ${problem}`,
  errorCode: ErrorCode.tooLong,
});

const join = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path === 'body' ? key : `${path}.${key}`;

/**
 * The first string or array of a parsed body that is over its bound, named by its path. No
 * recursion; a path is written out only for the value over its bound (each container visited
 * keeps its parent and its key there), so a large body costs a visit a value.
 */
export const overLimit = (value: unknown, limits: JsonLimits): ErrorItem | undefined => {
  // What is left to visit, each with its parent (a container visited, by number) and its key there.
  const values: unknown[] = [value];
  const under: number[] = [-1];
  const at: (string | number)[] = [''];
  // The containers visited: their parents and keys.
  const parents: number[] = [];
  const keys: (string | number)[] = [];
  const pathOf = (parent: number, key: string | number): string => {
    if (parent < 0) return 'body';
    const trail = [key];
    for (let n = parent; parents[n]! >= 0; n = parents[n]!) trail.push(keys[n]!);
    return trail.reduceRight<string>(join, 'body');
  };
  const visit = (v: unknown, parent: number, key: string | number) => {
    if (typeof v !== 'string' && (typeof v !== 'object' || v === null)) return;
    values.push(v);
    under.push(parent);
    at.push(key);
  };
  while (values.length > 0) {
    const v = values.pop();
    const parent = under.pop()!;
    const key = at.pop()!;
    if (typeof v === 'string') {
      if (v.length > limits.string)
        return tooBig(pathOf(parent, key), `must be at most ${limits.string} characters`);
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    const self = parents.length;
    parents.push(parent);
    keys.push(key);
    if (Array.isArray(v)) {
      if (v.length > limits.items)
        return tooBig(pathOf(parent, key), `must be at most ${limits.items} items`);
      for (let i = v.length - 1; i >= 0; i -= 1) visit(v[i], self, i);
    } else
      // A parsed body's objects are plain: `for…in` gives their own keys, in `Object.keys` order.
      for (const k in v) {
        if (k.length > limits.string)
          return tooBig(
            pathOf(parent, key),
            `has a field name longer than ${limits.string} characters`,
          );
        visit((v as Record<string, unknown>)[k], self, k);
      }
  }
  return undefined;
};
