import { describe, expect, it } from 'vitest';
import { canMove, transition, TRANSITIONS } from './states.ts';
import type { BroadWorksStatus } from './model.ts';

const ALL = Object.keys(TRANSITIONS) as BroadWorksStatus[];

// rules.md, "Sim: BroadWorks subscriber transitions": the whole table, and nothing else.
const ALLOWED: [BroadWorksStatus, BroadWorksStatus][] = [
  ['pending_email_input', 'pending_email_validation'],
  ['pending_email_input', 'error'],
  ['pending_email_validation', 'provisioning'],
  ['pending_email_validation', 'pending_user_migration'],
  ['pending_email_validation', 'pending_email_validation'],
  ['pending_user_migration', 'provisioning'],
  ['pending_user_migration', 'pending_email_validation'],
  ['provisioning', 'provisioned'],
  ['provisioning', 'error'],
  ['provisioned', 'updating'],
  ['updating', 'provisioned'],
  ['updating', 'error'],
  ['error', 'pending_email_validation'],
  ['error', 'error'],
];

describe('BroadWorks transition table', () => {
  it.each(ALL.flatMap((from) => ALL.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    const allowed = ALLOWED.some(([f, t]) => f === from && t === to);
    expect(canMove(from, to)).toBe(allowed);
    const r = transition(from, to, 'Test');
    expect(r.ok).toBe(allowed);
    if (!r.ok) expect(r.error).toMatchObject({ status: 409, errors: [{ errorCode: 1202 }] });
  });
});
