import { describe, expect, it } from 'vitest';
import {
  applyClockCommand,
  clockNow,
  initialClock,
  parseInstant,
  type ClockState,
} from './clock.ts';

const at = (iso: string): number => Date.parse(iso);

describe('virtual clock (SIM-1)', () => {
  const frozen = initialClock({ mode: 'frozen' }, 1_000);

  it('starts frozen at 2026-01-01T00:00:00Z and stands still however much wall time passes', () => {
    expect(clockNow(frozen, 1_000)).toBe(at('2026-01-01T00:00:00Z'));
    expect(clockNow(frozen, 9_999_999)).toBe(at('2026-01-01T00:00:00Z'));
  });

  it('runs at its speed from its anchor', () => {
    const running = initialClock(
      { mode: 'running', start: '2026-03-01T00:00:00Z', speed: 60 },
      10_000,
    );
    expect(clockNow(running, 11_000)).toBe(at('2026-03-01T00:01:00Z'));
  });

  it('running without a start begins at the wall-clock time', () => {
    const wall = at('2026-11-21T10:00:00Z');
    expect(clockNow(initialClock({ mode: 'running' }, wall), wall + 5_000)).toBe(wall + 5_000);
  });

  it('advances by an ISO duration and sets forward', () => {
    const a = applyClockCommand(frozen, { advance: 'P7D' }, 1_000);
    expect(a.ok && clockNow(a.value, 1_000)).toBe(at('2026-01-08T00:00:00Z'));
    const s = applyClockCommand(frozen, { set: '2026-02-01T12:00:00Z' }, 1_000);
    expect(s.ok && clockNow(s.value, 1_000)).toBe(at('2026-02-01T12:00:00Z'));
  });

  it('refuses to go backwards with 409 and code 1201', () => {
    const r = applyClockCommand(frozen, { set: '2025-12-31T23:59:59Z' }, 1_000);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.status).toBe(409);
      expect(r.error.errors[0]?.errorCode).toBe(1201);
      expect(r.error.message).toContain('2026-01-01T00:00:00.000Z');
    }
  });

  it('switching mode re-anchors, so time neither jumps nor rewinds', () => {
    const running = initialClock({ mode: 'running', start: '2026-01-01T00:00:00Z' }, 0);
    const stopped = applyClockCommand(running, { mode: 'frozen' }, 60_000);
    expect(stopped.ok && clockNow(stopped.value, 600_000)).toBe(at('2026-01-01T00:01:00Z'));
    const restarted = stopped.ok
      ? applyClockCommand(stopped.value, { mode: 'running' }, 600_000)
      : stopped;
    expect(restarted.ok && clockNow(restarted.value, 660_000)).toBe(at('2026-01-01T00:02:00Z'));
  });

  it('rejects a bad speed or duration naming the field', () => {
    const bad = (cmd: Parameters<typeof applyClockCommand>[1]): string => {
      const r = applyClockCommand(frozen, cmd, 0);
      return r.ok ? 'accepted' : (r.error.errors[0]?.description ?? '');
    };
    expect(bad({ speed: 0 })).toMatch(/^speed: /);
    expect(bad({ advance: '7 days' })).toMatch(/^advance: must be an ISO 8601 duration/);
    expect(bad({ set: 'yesterday' })).toMatch(/^set: must be an ISO 8601 date-time/);
  });

  it('applies mode, speed, set and advance together, in that order', () => {
    const r = applyClockCommand(
      frozen,
      { set: '2026-05-01T00:00:00Z', advance: 'PT1H', mode: 'running', speed: 2 },
      0,
    );
    const s = r.ok ? r.value : (undefined as unknown as ClockState);
    expect(clockNow(s, 0)).toBe(at('2026-05-01T01:00:00Z'));
    expect(clockNow(s, 1_000)).toBe(at('2026-05-01T01:00:02Z'));
  });

  it('reads a bare date as midnight UTC', () => {
    const r = parseInstant('2026-04-02', 'x');
    expect(r.ok && r.value).toBe(at('2026-04-02T00:00:00Z'));
  });

  it('bounds the clock: steps of 100 years at most, speed at most 10^6, never past year 9999', () => {
    const bad = (cmd: Parameters<typeof applyClockCommand>[1], from = frozen): string => {
      const r = applyClockCommand(from, cmd, 0);
      return r.ok ? 'accepted' : `${r.error.status} ${r.error.errors[0]?.description ?? ''}`;
    };
    expect(bad({ advance: 'P300000Y' })).toMatch(/^400 advance: must be at most 100 years/);
    expect(bad({ advance: 'P100Y' })).toBe('accepted');
    expect(bad({ set: '2126-01-01T00:00:00Z' })).toBe('accepted');
    expect(bad({ set: '2126-01-01T00:00:00.001Z' })).toMatch(
      /^400 set: may move the clock at most 100 years ahead/,
    );
    expect(bad({ speed: 1e308 })).toBe(
      '400 speed: must be a number greater than 0 and at most 1000000',
    );
    expect(bad({ speed: 1e6 })).toBe('accepted');
    const late = initialClock({ mode: 'frozen', start: '9999-06-01T00:00:00Z' }, 0);
    expect(bad({ advance: 'P1Y' }, late)).toMatch(
      /^400 advance: would take the clock past 9999-12-31T23:59:59.999Z/,
    );
    expect(bad({ set: '9999-12-31T23:59:59.999-01:00' }, late)).toMatch(
      /^400 set: would take the clock past/,
    );
  });

  it('a running clock stops at the last instant it can show', () => {
    const fast = initialClock({ mode: 'running', start: '9999-12-31T00:00:00Z', speed: 1e6 }, 0);
    expect(new Date(clockNow(fast, 10 ** 9)).toISOString()).toBe('9999-12-31T23:59:59.999Z');
  });
});
