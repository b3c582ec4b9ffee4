import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, escapeFormula, unescapeFormula } from './csv.ts';

const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'];

describe('CSV cells a spreadsheet cannot run (OWASP)', () => {
  it.each([
    [
      '=HYPERLINK("http://evil.example","click")',
      `"'=HYPERLINK(""http://evil.example"",""click"")"`,
    ],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['-2+3', "'-2+3"],
    ['@SUM(1+1)', "'@SUM(1+1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ["'=already", "''=already"],
    ['Ana', 'Ana'],
    ["O'Brien", "O'Brien"],
    ['a=b', 'a=b'],
  ])('writes %j as %s', (value, cell) => {
    expect(csvField(value)).toBe(cell);
  });

  it('never starts an exported cell with a formula character, and the import reads back the value', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.constantFrom('', "'", "''", ...FORMULA_STARTS), fc.string()),
        ([start, rest]) => {
          const value = start + rest;
          const escaped = escapeFormula(value);
          expect(FORMULA_STARTS.includes(escaped.charAt(0))).toBe(false);
          expect(unescapeFormula(escaped)).toBe(value);
        },
      ),
      { numRuns: 500, seed: 16 },
    );
  });
});
