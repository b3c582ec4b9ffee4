import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/catalog.ts';

/**
 * Issue 17: every door of every rule has a scenario. A door is where a change comes in: `/v1`,
 * the Partner Hub API, its users CSV, the activation portal, the CCW API and setup form (api.md,
 * "One behaviour whichever door"). The table names the doors each rule is reached from; a scenario
 * tagged with the rule must send a request through each of them.
 */
type Door = 'v1' | 'partner-hub' | 'csv' | 'portal' | 'ccw';

const RULE_DOORS: Readonly<Record<string, readonly Door[]>> = {
  'TPL-1': ['v1', 'partner-hub'],
  'TPL-4': ['v1', 'partner-hub', 'portal'],
  'ORG-1': ['v1', 'partner-hub', 'ccw'],
  'ORG-2': ['v1', 'partner-hub', 'ccw'],
  'ORG-4': ['v1', 'partner-hub', 'csv'],
  'USR-1': ['v1', 'partner-hub'],
  'USR-5': ['v1', 'partner-hub', 'csv'],
  'FT-1': ['v1', 'portal'],
  'FT-4': ['partner-hub', 'portal'],
  'FT-5': ['v1', 'partner-hub', 'portal'],
  'SIM-2': ['v1', 'partner-hub', 'csv', 'portal', 'ccw'],
  'SIM-3': ['v1', 'partner-hub', 'ccw'],
  'SIM-4': ['v1', 'partner-hub', 'portal', 'ccw'],
};

const doorOf = (path: string): Door | undefined =>
  path.startsWith('/v1/')
    ? 'v1'
    : /^\/partner-hub\/api\/.*\/users\/csv\b/.test(path)
      ? 'csv'
      : path.startsWith('/partner-hub/')
        ? 'partner-hub'
        : path.startsWith('/activation/')
          ? 'portal'
          : path.startsWith('/ccw/')
            ? 'ccw'
            : undefined;

type Step = { request?: { path?: string }; waitFor?: { request?: { path?: string } } };

/** For each rule, the doors its scenarios send requests through. */
const doorsByRule = (dir: string): Map<string, Set<Door>> => {
  const seen = new Map<string, Set<Door>>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    const s = parse(readFileSync(`${dir}/${file}`, 'utf8')) as { rules: string[]; steps: Step[] };
    const doors = s.steps
      .map((step) => doorOf(step.request?.path ?? step.waitFor?.request?.path ?? ''))
      .filter((d): d is Door => d !== undefined);
    for (const rule of s.rules)
      for (const d of doors) seen.set(rule, (seen.get(rule) ?? new Set()).add(d));
  }
  return seen;
};

describe('the scenario library and the doors (issue 17)', () => {
  it('sends each rule through every door it is reached from', () => {
    const seen = doorsByRule('scenarios');
    const missing = Object.entries(RULE_DOORS).flatMap(([rule, doors]) =>
      doors.filter((d) => !seen.get(rule)?.has(d)).map((d) => `${rule} at ${d}`),
    );
    expect(missing).toEqual([]);
  });

  it('names only catalog rules, and tells the doors apart by path', () => {
    const ids = new Set(RULES.map((r) => r.id));
    expect(Object.keys(RULE_DOORS).filter((id) => !ids.has(id))).toEqual([]);
    expect(
      [
        '/v1/wholesale/subscribers',
        '/partner-hub/api/customers/x/users/csv',
        '/partner-hub/api/customers/x/users',
        '/activation/api/abc',
        '/ccw/api/setup/t',
        '/sim/world',
      ].map(doorOf),
    ).toEqual(['v1', 'csv', 'partner-hub', 'portal', 'ccw', undefined]);
  });
});
