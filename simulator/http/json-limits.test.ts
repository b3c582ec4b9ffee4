import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ErrorCode, type ErrorItem } from '../core/kernel/errors.ts';
import { nestsDeeperThan, overLimit, type JsonLimits } from './json-limits.ts';

// The plain readings of the two checks, a character and a value at a time: what the fast ones must answer.
const deeperByCharacter = (text: string, max: number): boolean => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      depth += 1;
      if (depth > max) return true;
    } else if (c === '}' || c === ']') depth -= 1;
  }
  return false;
};

const overByValue = (value: unknown, limits: JsonLimits): ErrorItem | undefined => {
  const join = (path: string, key: string | number) =>
    typeof key === 'number' ? `${path}[${key}]` : path === 'body' ? key : `${path}.${key}`;
  const over = (path: string, problem: string) => ({
    description: `${path}: ${problem}`,
    errorCode: ErrorCode.tooLong,
  });
  const stack: [unknown, string][] = [[value, 'body']];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.length > limits.string)
        return over(path, `must be at most ${limits.string} characters`);
    } else if (Array.isArray(v)) {
      if (v.length > limits.items) return over(path, `must be at most ${limits.items} items`);
      for (let i = v.length - 1; i >= 0; i -= 1) stack.push([v[i], join(path, i)]);
    } else if (typeof v === 'object' && v !== null) {
      for (const [k, item] of Object.entries(v)) {
        if (k.length > limits.string)
          return over(path, `has a field name longer than ${limits.string} characters`);
        stack.push([item, join(path, k)]);
      }
    }
  }
  return undefined;
};

/** JSON texts with strings full of quotes and backslashes, compact or indented. */
const texts = fc
  .tuple(
    fc.jsonValue({
      maxDepth: 6,
      stringUnit: fc.constantFrom('a', '"', '\\', '{', ']', ' ', 'é'),
    }),
    fc.constantFrom(undefined, 1, '\t'),
  )
  .map(([value, indent]) => JSON.stringify(value, null, indent));

describe('json-limits: the bounds on a JSON body, in one pass', () => {
  it('tells nesting as a character-by-character reading does, strings passed over whole', () => {
    fc.assert(
      fc.property(texts, fc.nat(8), (text, max) => {
        expect(nestsDeeperThan(text, max)).toBe(deeperByCharacter(text, max));
      }),
      { numRuns: 500, endOnFailure: true },
    );
    expect(nestsDeeperThan('{"a":"\\\\"}', 1)).toBe(false);
    expect(nestsDeeperThan('{"a\\"":[{}]}', 2)).toBe(true);
  });

  it('names the first value over its bound, by the path a value-by-value reading gives', () => {
    fc.assert(
      fc.property(
        texts,
        fc.record({ depth: fc.constant(32), string: fc.nat(6), items: fc.nat(4) }),
        (text, limits) => {
          const value: unknown = JSON.parse(text);
          expect(overLimit(value, limits)).toEqual(overByValue(value, limits));
        },
      ),
      { numRuns: 500, endOnFailure: true },
    );
    expect(overLimit({ a: [{ b: 'xxxx' }] }, { depth: 32, string: 3, items: 9 })).toEqual({
      description: 'a[0].b: must be at most 3 characters',
      errorCode: ErrorCode.tooLong,
    });
  });
});
