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
 * skipping strings, counting brackets. Malformed text is left for `JSON.parse` to name.
 */
export const nestsDeeperThan = (text: string, max: number): boolean => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return false;
};

const tooBig = (path: string, problem: string): ErrorItem => ({
  description: `${path}: ${problem}`,
  errorCode: ErrorCode.tooLong,
});

const join = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path === 'body' ? key : `${path}.${key}`;

/** The first string or array of a parsed body that is over its bound, named by its path. No recursion. */
export const overLimit = (value: unknown, limits: JsonLimits): ErrorItem | undefined => {
  const stack: [unknown, string][] = [[value, 'body']];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.length > limits.string)
        return tooBig(path, `must be at most ${limits.string} characters`);
    } else if (Array.isArray(v)) {
      if (v.length > limits.items) return tooBig(path, `must be at most ${limits.items} items`);
      for (let i = v.length - 1; i >= 0; i -= 1) stack.push([v[i], join(path, i)]);
    } else if (typeof v === 'object' && v !== null) {
      for (const [k, item] of Object.entries(v)) {
        if (k.length > limits.string)
          return tooBig(path, `has a field name longer than ${limits.string} characters`);
        stack.push([item, join(path, k)]);
      }
    }
  }
  return undefined;
};
