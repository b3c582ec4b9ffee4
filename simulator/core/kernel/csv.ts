/**
 * CSV cells a spreadsheet cannot run (OWASP, CSV injection): a cell that starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return is a formula to Excel and its kin, so the export prefixes it with
 * `'`, which they show as text. A cell that already starts with quotes before such a character gets
 * one more, so the import, which takes one off, reads back exactly what was exported.
 */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/** Whether `v` is quotes (at least `minQuotes`) then a formula character. One pass, no pattern. */
const quotedFormula = (v: string, minQuotes: number): boolean => {
  let i = 0;
  while (v[i] === "'") i += 1;
  return i >= minQuotes && FORMULA_START.has(v.charAt(i));
};

export const escapeFormula = (v: string): string => (quotedFormula(v, 0) ? `'${v}` : v);

/** The import's side: a cell the export escaped reads back as it was. */
export const unescapeFormula = (v: string): string => (quotedFormula(v, 1) ? v.slice(1) : v);

/** One cell of an export: formula-escaped, then quoted where CSV needs it. */
export const csvField = (v: string): string => {
  const e = escapeFormula(v);
  return /[",\r\n]/.test(e) || e !== e.trim() ? `"${e.replace(/"/g, '""')}"` : e;
};
