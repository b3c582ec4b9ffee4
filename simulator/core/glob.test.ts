import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GLOB_MAX_LENGTH, globMatch } from './glob.ts';

/** The meaning of a pattern, written the obvious (backtracking) way, for comparison. */
const reference = (pattern: string, text: string): boolean =>
  new RegExp(
    `^${pattern
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s\\S]*')}$`,
  ).test(text);

describe('globMatch (* is any run of characters)', () => {
  it('matches exact paths and star patterns', () => {
    expect(globMatch('/v1/wholesale/customers', '/v1/wholesale/customers')).toBe(true);
    expect(globMatch('/v1/wholesale/customers', '/v1/wholesale/customers/x')).toBe(false);
    expect(globMatch('/v1/*/customers*', '/v1/wholesale/customers/abc')).toBe(true);
    expect(globMatch('/v1/*', '/v1/')).toBe(true);
    expect(globMatch('/v1/*', '/v1')).toBe(false);
    expect(globMatch('*', '')).toBe(true);
    expect(globMatch('a*a', 'a')).toBe(false);
    expect(globMatch('/v1/(x).+', '/v1/(x).+')).toBe(true);
    expect(globMatch('/v1/*.json', '/v1/x/openapi.json')).toBe(true);
  });

  it('agrees with the backtracking definition on any pattern and text', () => {
    const alphabet = fc.constantFrom('a', 'b', '/', '*', '.');
    fc.assert(
      fc.property(
        fc.string({ unit: alphabet, maxLength: 8 }),
        fc.string({ unit: fc.constantFrom('a', 'b', '/', '.'), maxLength: 12 }),
        (pattern, text) => globMatch(pattern, text) === reference(pattern, text),
      ),
      { numRuns: 3000 },
    );
  });

  it('answers a pattern built to make a backtracking matcher explode (and a long path) correctly', () => {
    const pattern = `/${'*a'.repeat(40)}b`;
    expect(pattern.length).toBeLessThan(GLOB_MAX_LENGTH);
    expect(globMatch(pattern, `/${'a'.repeat(50_000)}`)).toBe(false);
    expect(globMatch(pattern, `/${'a'.repeat(50_000)}b`)).toBe(true);
  });

  it('matches nothing with a pattern over the length limit', () => {
    expect(globMatch(`/${'*'.repeat(GLOB_MAX_LENGTH)}`, '/x')).toBe(false);
  });
});
