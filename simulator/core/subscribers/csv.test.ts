import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finished, TURN } from '../kernel/steps.ts';
import { EMAIL_COLUMN, readUsersCsv } from './csv.ts';

const read = (text: string, stepChars?: number) =>
  finished(readUsersCsv(new TextEncoder().encode(text), stepChars));

/** Turns a file read in steps gives. */
const turnsOf = (text: string, stepChars: number): number => {
  const steps = readUsersCsv(new TextEncoder().encode(text), stepChars);
  let turns = 0;
  for (let r = steps.next(); !r.done; r = steps.next()) {
    expect(r.value).toBe(TURN);
    turns += 1;
  }
  return turns;
};

/** A cell as a user's spreadsheet may write it: plain, or quoted with commas, quotes, line breaks. */
const cell = fc.oneof(
  fc.stringMatching(/^[a-z@.]{0,6}$/),
  fc
    .array(fc.constantFrom('a', ',', '""', '\n', '\r\n', ' ', 'é'), { maxLength: 6 })
    .map((parts) => `"${parts.join('')}"`),
);

/** A line of the file: a record of the header's width, a wrong width, an empty line, or a stray quote. */
const fileLine = fc.oneof(
  { weight: 12, arbitrary: fc.array(cell, { minLength: 3, maxLength: 3 }).map((c) => c.join(',')) },
  { weight: 1, arbitrary: fc.array(cell, { minLength: 1, maxLength: 4 }).map((c) => c.join(',')) },
  { weight: 1, arbitrary: fc.constantFrom('', ',,', '   ') },
  { weight: 1, arbitrary: fc.constant('ab"c,d,e') },
);

const HEADER = `"${EMAIL_COLUMN}",First Name,"Last Name"`;

describe('readUsersCsv: a file read in parts, a few hundred kilobytes a step', () => {
  it('reads every file as reading it whole does: the same records and lines, or the same error and line', () => {
    fc.assert(
      fc.property(
        fc.array(fileLine, { maxLength: 40 }),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 60 }),
        (lines, eol, stepChars) => {
          const text = [HEADER, ...lines].join(eol);
          expect(read(text, stepChars)).toEqual(read(text, Number.POSITIVE_INFINITY));
        },
      ),
      { numRuns: 400, endOnFailure: true },
    );
  });

  it('gives a turn between two parts, and names a line far into the file', () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => `u${i}@x.example,"A, ""B""\nC",D`);
    const text = [HEADER, ...rows, 'bad"quote,x,y'].join('\n');
    expect(turnsOf(text, 1_000)).toBeGreaterThan(40);
    const whole = read(text, Number.POSITIVE_INFINITY);
    expect(read(text, 1_000)).toEqual(whole);
    expect(whole.ok).toBe(false);
    // The header is line 1 and every row takes two lines: the bad one starts on line 4,002.
    if (!whole.ok) expect(whole.error.errors[0]!.description).toMatch(/line 4002/);
  });
});
