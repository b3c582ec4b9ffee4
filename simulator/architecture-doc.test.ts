import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/catalog.ts';

// docs/architecture.md: from a rule's ID to its code, in under a minute.
const doc = readFileSync('docs/architecture.md', 'utf8');
const table = doc.slice(doc.indexOf("## From a rule's ID to its code"));
const rows = [...table.matchAll(/^\| ([A-Z][^|]+) \| ([^|]+) \|$/gm)].filter(
  ([, rules]) => rules !== 'rule ',
);

/** `CCW-1 … CCW-6` and `TPL-1, TPL-2` as the IDs they stand for. */
const idsOf = (cell: string): string[] =>
  cell.split(',').flatMap((part) => {
    const range = /([A-Z]+)-(\d+) … [A-Z]+-(\d+)/.exec(part);
    if (!range) return [part.trim()];
    return Array.from(
      { length: Number(range[3]) - Number(range[2]) + 1 },
      (_, i) => `${range[1]}-${Number(range[2]) + i}`,
    );
  });

/** A rule's ID, or a range of its area that covers it (`USR-1..6`). */
const mentions = (text: string, id: string): boolean => {
  if (new RegExp(`\\b${id}\\b`).test(text)) return true;
  const [area, n] = id.split('-');
  return [...text.matchAll(new RegExp(`\\b${area}-(\\d+)\\.\\.(\\d+)`, 'g'))].some(
    (m) => Number(m[1]) <= Number(n) && Number(n) <= Number(m[2]),
  );
};

describe('docs/architecture.md', () => {
  it('names where every rule of the catalog lives, and each file named mentions the rule', () => {
    const listed = new Map<string, string[]>();
    for (const [, rules, where] of rows) {
      const files = [...where!.matchAll(/`([\w/.-]+\.tsx?)`/g)].map((m) => `simulator/${m[1]}`);
      for (const id of idsOf(rules!)) listed.set(id, files);
    }
    for (const rule of RULES) {
      const files = listed.get(rule.id);
      expect(files, rule.id).toBeDefined();
      const first = files![0]!;
      expect(existsSync(first), first).toBe(true);
      expect(mentions(readFileSync(first, 'utf8'), rule.id), `${rule.id} in ${first}`).toBe(true);
    }
  });

  it('names files that exist', () => {
    for (const m of doc.matchAll(/`((?:core|http|store|adapters)\/[\w/.-]+\.tsx?)`/g))
      expect(existsSync(`simulator/${m[1]}`), m[1]).toBe(true);
  });
});
