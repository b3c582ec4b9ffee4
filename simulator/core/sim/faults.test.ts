import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../store/memory-store.ts';
import { addFault, hitRequestFault, takeStepFault } from './fault-ops.ts';
import { effectOf, parseFault, pathMatches } from './faults.ts';
import { ok } from '../kernel/result.ts';
import { World } from '../kernel/world.ts';

const world = (seed = 1): World =>
  new World(new MemoryStore(), { seed, clock: { mode: 'frozen' }, wallClock: () => 0 });

const inject = (w: World, body: unknown): void => {
  const r = w.transact((tx) => {
    const input = parseFault(body);
    return input.ok ? ok(addFault(tx, input.value)) : input;
  });
  if (!r.ok) throw new Error(r.error.message);
};

const hits = (w: World, method: string, path: string, n: number): (number | undefined)[] =>
  Array.from({ length: n }, () => {
    const r = w.transact((tx) => ok(hitRequestFault(tx, method, path)));
    return r.ok ? r.value?.error?.status : undefined;
  });

describe('fault injection (SIM-4)', () => {
  it('matches exact paths and * patterns', () => {
    expect(pathMatches('/v1/wholesale/customers', '/v1/wholesale/customers')).toBe(true);
    expect(pathMatches('/v1/wholesale/customers', '/v1/wholesale/customers/x')).toBe(false);
    expect(pathMatches('/v1/*/customers*', '/v1/wholesale/customers/abc')).toBe(true);
    expect(pathMatches('/v1/(x).+', '/v1/(x).+')).toBe(true);
  });

  it('hits `times` matching requests of its method, then is gone', () => {
    const w = world();
    inject(w, { method: 'post', path: '/v1/*', status: 503, times: 2 });
    expect(hits(w, 'GET', '/v1/x', 1)).toEqual([undefined]);
    expect(hits(w, 'POST', '/v1/x', 3)).toEqual([503, 503, undefined]);
    expect(w.read().count('faults')).toBe(0);
  });

  it('draws its probability from the seeded source: same seed, same hits', () => {
    const pattern = (seed: number) => {
      const w = world(seed);
      inject(w, { path: '/p', status: 500, probability: 0.5 });
      return hits(w, 'GET', '/p', 40)
        .map((s) => (s ? 1 : 0))
        .join('');
    };
    expect(pattern(11)).toBe(pattern(11));
    expect(pattern(11)).toMatch(/1/);
    expect(pattern(11)).toMatch(/0/);
  });

  it('defaults: 500 for a bare fault, 429 with retryAfter, a delay alone lets the request through', () => {
    expect(effectOf({ path: '/x' }).error?.status).toBe(500);
    expect(effectOf({ path: '/x', retryAfter: 3 }).error).toMatchObject({
      status: 429,
      retryAfter: 3,
    });
    expect(effectOf({ path: '/x', latencyMs: 200 })).toEqual({ latencyMs: 200 });
  });

  it('step faults are taken by the next steps of their kind, in order', () => {
    const w = world();
    inject(w, { on: 'customer', errorCode: 7001, description: 'first', times: 1 });
    inject(w, { on: 'customer', errorCode: 7002, description: 'second' });
    const take = () => {
      const r = w.transact((tx) => ok(takeStepFault(tx, 'customer')));
      return r.ok ? r.value?.errorCode : undefined;
    };
    const other = w.transact((tx) => ok(takeStepFault(tx, 'subscriber')));
    expect(other.ok && other.value).toBeUndefined();
    expect([take(), take(), take()]).toEqual([7001, 7002, 7002]);
  });

  it.each([
    [{ path: 'v1/x' }, /^path: must start with \//],
    [{ path: '/x', status: 200 }, /^status: /],
    [{ path: '/x', probability: 2 }, /^probability: /],
    [{ path: '/x', method: 'FETCH' }, /^method: must be one of/],
    [{ status: 500 }, /^path: is required/],
    [{ path: '/x', colour: 'red' }, /^colour: unknown field/],
    [{ on: 'customer', description: 'x' }, /^errorCode: is required/],
    [{ on: 'planet', errorCode: 1, description: 'x' }, /^on: must be one of/],
  ])('rejects %j naming the field', (body, message) => {
    const r = parseFault(body);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.errors.map((e) => e.description).join('\n')).toMatch(message);
  });
});
