import { describe, expect, it } from 'vitest';
import { addDuration, parseDuration } from './duration.ts';

const add = (iso: string, d: string): string => {
  const p = parseDuration(d);
  if (!p.ok) throw new Error(p.error.message);
  return new Date(addDuration(Date.parse(iso), p.value)).toISOString();
};

describe('ISO 8601 durations (SIM-1)', () => {
  it('adds days, hours, minutes, seconds and weeks', () => {
    expect(add('2026-01-01T00:00:00Z', 'P7D')).toBe('2026-01-08T00:00:00.000Z');
    expect(add('2026-01-01T00:00:00Z', 'PT90M')).toBe('2026-01-01T01:30:00.000Z');
    expect(add('2026-01-01T00:00:00Z', 'P1DT2H3M4.5S')).toBe('2026-01-02T02:03:04.500Z');
    expect(add('2026-01-01T00:00:00Z', 'P2W')).toBe('2026-01-15T00:00:00.000Z');
  });

  it('adds years and months on the calendar', () => {
    expect(add('2026-01-15T00:00:00Z', 'P1M')).toBe('2026-02-15T00:00:00.000Z');
    expect(add('2026-01-15T00:00:00Z', 'P1Y')).toBe('2027-01-15T00:00:00.000Z');
  });

  it.each(['', 'P', 'PT', '7D', 'P-1D', 'P1H', 'PT1D', 'P1.5D'])(
    'rejects %j with a message naming the field',
    (text) => {
      const r = parseDuration(text, 'advance');
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.error.errors[0]?.description).toMatch(/^advance: must be an ISO 8601 duration/);
    },
  );

  it.each(['P101Y', 'P1201M', 'P36526D', 'P300000Y', `P${'9'.repeat(60)}D`, 'PT876600H1S'])(
    'refuses %s: longer than 100 years',
    (text) => {
      const r = parseDuration(text, 'delays.customer');
      expect(!r.ok && r.error.errors[0]?.description).toBe(
        `delays.customer: must be at most 100 years (P100Y) (got ${JSON.stringify(text)})`,
      );
    },
  );

  it('accepts 100 years exactly', () => {
    expect(parseDuration('P100Y').ok).toBe(true);
    expect(parseDuration('P36525D').ok).toBe(true);
  });

  it('refuses a text longer than any duration before matching it', () => {
    const r = parseDuration(`P${'1'.repeat(100_000)}`, 'advance');
    expect(!r.ok && r.error.errors[0]?.description).toMatch(/^advance: must be an ISO 8601/);
  });
});
