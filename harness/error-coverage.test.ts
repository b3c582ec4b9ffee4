import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { STEP_KINDS, requestFaultSchema } from '../simulator/core/sim/faults.ts';

/**
 * Issue 17: the library covers every error code and status the README lists ("Errors") and every
 * fault kind. Read from the scenario files: what their `expect` steps check, and what their
 * `fault` steps inject.
 */

/** Statuses Node's HTTP server answers before any request reaches a world; the adapter's tests hold them. */
const TRANSPORT_ONLY = [408, 431];

const scenarios = (): { steps: unknown[] }[] =>
  readdirSync('scenarios')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => parse(readFileSync(`scenarios/${f}`, 'utf8')) as { steps: unknown[] });

/** The error codes and statuses the scenarios expect, and the faults they inject. */
const checked = () => {
  const codes = new Set<number>();
  const statuses = new Set<number>();
  const stepFaults = new Set<string>();
  const requestFaultFields = new Set<string>();
  const walk = (v: unknown, inExpect: boolean): void => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x, inExpect));
    if (v === null || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      if (inExpect && k === 'errorCode' && typeof x === 'number') codes.add(x);
      if (inExpect && k === 'status')
        for (const s of [x].flat()) if (typeof s === 'number') statuses.add(s);
      if (k === 'fault' && x && typeof x === 'object' && 'add' in x) {
        const add = (x as { add: Record<string, unknown> }).add;
        if (typeof add.on === 'string') stepFaults.add(add.on);
        else for (const field of Object.keys(add)) requestFaultFields.add(field);
      }
      walk(x, inExpect || k === 'expect');
    }
  };
  for (const s of scenarios()) walk(s.steps, false);
  return { codes, statuses, stepFaults, requestFaultFields };
};

/** The README's table under "Errors (SIM-2)": its statuses and error codes. */
const readmeErrors = () => {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Errors (SIM-2)'));
  const table = section.slice(section.indexOf('| condition')).split('\n\n')[0]!;
  const rows = table.split('\n').slice(2);
  const numbers = (cell: string) => [...cell.matchAll(/\b\d{3,5}\b/g)].map((m) => Number(m[0]));
  return {
    statuses: rows.flatMap((r) => numbers(r.split('|')[2] ?? '')),
    codes: rows.flatMap((r) => numbers(r.split('|')[3] ?? '')),
  };
};

describe('the scenario library, errors and faults (issue 17)', () => {
  it('expects every status and error code of the README table in some scenario', () => {
    const listed = readmeErrors();
    const seen = checked();
    expect(listed.codes.length).toBeGreaterThan(10);
    expect(listed.codes.filter((c) => !seen.codes.has(c))).toEqual([]);
    expect(
      listed.statuses.filter((s) => !seen.statuses.has(s) && !TRANSPORT_ONLY.includes(s)),
    ).toEqual([]);
  });

  it('injects every kind of step fault and uses every field of a request fault', () => {
    const seen = checked();
    expect(STEP_KINDS.filter((k) => !seen.stepFaults.has(k))).toEqual([]);
    expect(
      Object.keys(requestFaultSchema.shape).filter((f) => !seen.requestFaultFields.has(f)),
    ).toEqual([]);
  });
});
