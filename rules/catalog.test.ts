import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_SOURCES, RULES, ruleById } from './catalog.ts';

// The catalog and the project's copy of the rules (docs/spec/rules.md) must name the same rules.
const documented = [
  ...readFileSync('docs/spec/rules.md', 'utf8').matchAll(/\*\*([A-Z]+-\d+)\*\*/g),
].map((m) => m[1]);

describe('rule catalog', () => {
  it('has exactly the rules of docs/spec/rules.md, in the same order', () => {
    expect(RULES.map((r) => r.id)).toEqual(documented);
  });

  it('gives every rule a title, an area matching its ID, and known sources', () => {
    for (const r of RULES) {
      expect(r.title.length).toBeGreaterThan(10);
      expect(r.id.startsWith(`${r.area}-`)).toBe(true);
      for (const s of r.sources) expect(RULE_SOURCES[s], `${r.id} cites ${s}`).toBeDefined();
    }
  });

  it('finds a rule by ID', () => {
    expect(ruleById('CCW-5')?.title).toMatch(/7 days/);
    expect(ruleById('XYZ-1')).toBeUndefined();
  });
});
