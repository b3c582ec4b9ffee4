import { describe, expect, it } from 'vitest';
import {
  allowedMoves,
  canMove,
  defineStateTable,
  illegalChanges,
  removal,
  stepApplies,
  transition,
} from './state-table.ts';

type Light = 'red' | 'green' | 'amber';
const LIGHTS = defineStateTable<Light>({
  resource: 'light',
  statuses: ['red', 'green', 'amber'],
  moves: { red: { green: 'go' }, green: { amber: 'slow' }, amber: { red: 'stop' } },
  removable: ['red'],
});

describe('state tables (architecture.md, principle 6)', () => {
  it('allows exactly the listed moves; an illegal one is a 409 with 1202 naming both statuses', () => {
    expect(allowedMoves(LIGHTS)).toEqual([
      ['red', 'green', 'go'],
      ['green', 'amber', 'slow'],
      ['amber', 'red', 'stop'],
    ]);
    expect(canMove(LIGHTS, 'red', 'green')).toBe(true);
    expect(canMove(LIGHTS, 'red', 'amber')).toBe(false);
    expect(transition(LIGHTS, 'green', 'amber', 'Slow down')).toEqual({ ok: true, value: 'amber' });
    const r = transition(LIGHTS, 'green', 'red', 'Stop');
    expect(r).toMatchObject({
      ok: false,
      error: {
        status: 409,
        message: 'Stop: a light in green cannot move to red.',
        errors: [{ errorCode: 1202 }],
      },
    });
  });

  it('removes only from the removable statuses', () => {
    expect(removal(LIGHTS, 'red', 'Remove').ok).toBe(true);
    expect(removal(LIGHTS, 'green', 'Remove')).toMatchObject({
      ok: false,
      error: { status: 409, message: 'Remove: a light in green cannot be removed.' },
    });
  });

  it('runs a scheduled step only while its resource is in the status it expects', () => {
    expect(stepApplies({ status: 'green' as Light }, { expect: 'green' })).toBe(true);
    expect(stepApplies({ status: 'amber' as Light }, { expect: 'green' })).toBe(false);
    expect(stepApplies(undefined, { expect: 'green' })).toBe(false);
  });

  it('finds the changes between two readings that the table does not allow', () => {
    const before = new Map<string, Light>([
      ['a', 'red'],
      ['b', 'green'],
      ['c', 'green'],
    ]);
    const after = new Map<string, Light>([
      ['a', 'green'],
      ['b', 'red'],
      ['d', 'amber'],
      ['e', 'red'],
    ]);
    expect(illegalChanges(LIGHTS, before, after, ['red'])).toEqual([
      'b: green → red',
      'c: removed from green',
      'd: created in amber',
    ]);
  });
});
