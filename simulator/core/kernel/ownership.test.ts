import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../store/memory-store.ts';
import { ownedBy, ownList } from './ownership.ts';
import { World } from './world.ts';

const w = new World(new MemoryStore(), {
  seed: 1,
  clock: { mode: 'frozen' },
  wallClock: () => 0,
}).read();
const [acme, globex] = w.list('partners');

describe('partner isolation (SIM-3)', () => {
  it("finds a partner's own object", () => {
    const t = ownList(w, 'templates', acme!.id)[0]!;
    const r = ownedBy(w, 'templates', t.id, acme!.id, 'Template');
    expect(r.ok && r.value.id).toBe(t.id);
  });

  it("answers another partner's object exactly like a missing one: 404", () => {
    const t = ownList(w, 'templates', acme!.id)[0]!;
    const theirs = ownedBy(w, 'templates', t.id, globex!.id, 'Template');
    const missing = ownedBy(w, 'templates', 'no-such-id', globex!.id, 'Template');
    expect(!theirs.ok && theirs.error.status).toBe(404);
    expect(!missing.ok && missing.error.status).toBe(404);
    expect(!theirs.ok && theirs.error.message.replace(t.id, 'X')).toBe(
      !missing.ok && missing.error.message.replace('no-such-id', 'X'),
    );
  });

  it("lists only a partner's own objects", () => {
    const mine = ownList(w, 'enterprises', globex!.id);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.partnerId === globex!.id)).toBe(true);
  });
});
