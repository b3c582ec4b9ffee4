import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../store/memory-store.ts';
import { invalidField } from './errors.ts';
import { fail, ok } from './result.ts';
import { World, type EventHandlers } from './world.ts';

const newWorld = (seed = 1, store = new MemoryStore(), handlers: EventHandlers = {}): World =>
  new World(store, { seed, clock: { mode: 'frozen' }, wallClock: () => 0, handlers });

describe('seeded world (SIM-4: deterministic for a seed)', () => {
  it('the same seed gives the same world, to the byte', () => {
    expect(JSON.stringify(newWorld(7).store.dump())).toBe(JSON.stringify(newWorld(7).store.dump()));
  });

  it('another seed gives other ids and names, but the same documented tokens', () => {
    const a = newWorld(1).read();
    const b = newWorld(2).read();
    expect(a.list('partners').map((p) => p.id)).not.toEqual(b.list('partners').map((p) => p.id));
    expect(a.list('users').map((u) => u.token)).toEqual(b.list('users').map((u) => u.token));
    expect(a.list('users').map((u) => u.token)).toEqual([
      'acme-admin',
      'acme-readonly',
      'acme-orderer',
      'acme-viewer',
      'globex-admin',
      'globex-readonly',
      'globex-orderer',
      'globex-viewer',
    ]);
  });

  it('has two partners with subscriptions, templates of both offers and enterprises with directories', () => {
    const w = newWorld().read();
    expect(w.list('partners').map((p) => p.name)).toEqual(['Acme Wholesale', 'Globex Telecom']);
    for (const p of w.list('partners')) {
      expect(w.list('subscriptions').filter((s) => s.partnerId === p.id).length).toBeGreaterThan(0);
      const offers = w
        .list('templates')
        .filter((t) => t.partnerId === p.id)
        .map((t) => t.offer);
      expect(offers).toContain('wholesale');
      expect(offers).toContain('broadworks');
      const enterprises = w.list('enterprises').filter((e) => e.partnerId === p.id);
      expect(enterprises.every((e) => e.directory.length > 0)).toBe(true);
    }
    expect(w.meta.freeAccounts.length).toBeGreaterThan(0);
  });

  it('keeps drawing new ids after a restart over the same store, never repeating one', () => {
    const store = new MemoryStore();
    const first = newWorld(3, store);
    const draw = (w: World): string => {
      const r = w.transact((tx) => ok(tx.uuid()));
      return r.ok ? r.value : '';
    };
    const before = [draw(first), draw(first)];
    const reopened = newWorld(3, store);
    expect(before).not.toContain(draw(reopened));
  });
});

describe('transactions (SIM-2: nothing partly applied)', () => {
  it('a failed command leaves the store exactly as it was', () => {
    const w = newWorld();
    const before = JSON.stringify(w.store.dump());
    const r = w.transact((tx) => {
      tx.put('subscriptions', { id: 'x', partnerId: 'p', name: 'half-made' });
      tx.uuid();
      return fail(invalidField('name', 'is wrong'));
    });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(w.store.dump())).toBe(before);
  });
});

describe('the commit hook (what every successful transaction does before it is stored)', () => {
  it('sees the changes and the store as it was, adds to the same batch, and never runs for a failed command', () => {
    const seen: string[] = [];
    const store = new MemoryStore();
    const w = new World(store, {
      seed: 1,
      clock: { mode: 'frozen' },
      wallClock: () => 0,
      onCommit: (tx, before) => {
        for (const c of tx.pending())
          if (c.op === 'put' && c.collection === 'mail') {
            seen.push(`${c.value.id}:${before.get('mail', c.value.id) ? 'old' : 'new'}`);
            tx.put('subscriptions', { id: `note-${c.value.id}`, partnerId: 'p', name: 'note' });
          }
      },
    });
    const send = () =>
      w.transact((tx) =>
        ok(
          tx.sendMail({
            from: 'a@x.example',
            to: ['b@x.example'],
            subject: 's',
            text: 't',
            links: [],
          }),
        ),
      );
    const id = send();
    expect(id.ok && seen).toEqual([`${id.ok ? id.value : ''}:new`]);
    expect(store.get('subscriptions', `note-${id.ok ? id.value : ''}`)).toBeDefined();
    const before = JSON.stringify(store.dump());
    w.transact((tx) => {
      tx.sendMail({ from: 'a@x.example', to: ['b@x.example'], subject: 's', text: 't', links: [] });
      return fail(invalidField('x', 'no'));
    });
    expect(seen).toHaveLength(1);
    expect(JSON.stringify(store.dump())).toBe(before);
  });
});

describe('time-driven events (SIM-1)', () => {
  const recorder = () => {
    const log: string[] = [];
    const handlers: EventHandlers = {
      note: (tx, e) => {
        log.push(`${e.payload.name as string}@${tx.nowIso}`);
        if (e.payload.then)
          tx.schedule('note', tx.now + 60_000, { name: e.payload.then as string });
      },
    };
    return { log, handlers };
  };

  const plan = (w: World): void => {
    w.transact((tx) => {
      tx.schedule('note', tx.now + 3 * 3_600_000, { name: 'c' });
      tx.schedule('note', tx.now + 60_000, { name: 'a', then: 'a2' });
      tx.schedule('note', tx.now + 3_600_000, { name: 'b' });
      return ok(undefined);
    });
  };

  it('runs each due event at its own instant, in order, including events that events schedule', () => {
    const { log, handlers } = recorder();
    const w = newWorld(1, new MemoryStore(), handlers);
    plan(w);
    w.changeClock({ advance: 'PT2H' });
    expect(log).toEqual([
      'a@2026-01-01T00:01:00.000Z',
      'a2@2026-01-01T00:02:00.000Z',
      'b@2026-01-01T01:00:00.000Z',
    ]);
    expect(w.read().count('events')).toBe(1);
  });

  it('advancing in one step or in many gives the same world', () => {
    const one = recorder();
    const many = recorder();
    const w1 = newWorld(1, new MemoryStore(), one.handlers);
    const w2 = newWorld(1, new MemoryStore(), many.handlers);
    plan(w1);
    plan(w2);
    w1.changeClock({ advance: 'PT4H' });
    for (let i = 0; i < 16; i++) w2.changeClock({ advance: 'PT15M' });
    expect(many.log).toEqual(one.log);
    expect(JSON.stringify(w2.store.dump())).toBe(JSON.stringify(w1.store.dump()));
  });

  it('runs due events a few at a time when asked to stop, the rest on the next call, to the same world', () => {
    const whole = recorder();
    const sliced = recorder();
    const w1 = newWorld(1, new MemoryStore(), whole.handlers);
    const w2 = newWorld(1, new MemoryStore(), sliced.handlers);
    plan(w1);
    plan(w2);
    w1.changeClock({ advance: 'PT4H' });
    // Moving the clock alone runs nothing; each call below runs one event, then stops.
    expect(w2.moveClock({ advance: 'PT4H' }).ok).toBe(true);
    expect(sliced.log).toEqual([]);
    const calls: boolean[] = [];
    for (let done = false; !done;) calls.push((done = w2.tickWhile(() => false)));
    expect(calls).toEqual([false, false, false, false, true]);
    expect(sliced.log).toEqual(whole.log);
    expect(JSON.stringify(w2.store.dump())).toBe(JSON.stringify(w1.store.dump()));
    expect(w2.tickWhile(() => false)).toBe(true);
  });
});

describe('reset', () => {
  it('restores the seeded state, clock, faults and mail included', () => {
    const w = newWorld(5);
    const seeded = JSON.stringify(w.store.dump());
    w.changeClock({ advance: 'P3D' });
    w.transact((tx) => {
      tx.sendMail({ from: 'a@b.example', to: ['c@d.example'], subject: 's', text: 't', links: [] });
      return ok(undefined);
    });
    w.reset();
    expect(JSON.stringify(w.store.dump())).toBe(seeded);
  });

  it('takes a new seed when given one', () => {
    const w = newWorld(5);
    w.reset(9);
    expect(w.meta.seed).toBe(9);
    expect(JSON.stringify(w.store.dump())).toBe(JSON.stringify(newWorld(9).store.dump()));
  });
});
