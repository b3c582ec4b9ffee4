import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../store/memory-store.ts';
import { authenticate, authorize, type Action, type Surface } from './identity.ts';
import type { Role } from './model.ts';
import { World } from './world.ts';

const reader = new World(new MemoryStore(), {
  seed: 1,
  clock: { mode: 'frozen' },
  wallClock: () => 0,
}).read();

const user = (token: string) => {
  const r = authenticate(reader, `Bearer ${token}`);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

// api.md, Identity and roles: the whole table (SIM-3, CCW-7).
const table: [Role, Surface, Action, boolean][] = [];
const allow: Record<Role, Record<Surface, Action[]>> = {
  admin: {
    v1: ['read', 'write', 'validate'],
    partnerHub: ['read', 'write', 'validate'],
    ccw: ['read', 'write', 'validate'],
  },
  readonly: {
    v1: ['read', 'validate'],
    partnerHub: ['read', 'validate'],
    ccw: ['read', 'validate'],
  },
  orderer: { v1: [], partnerHub: [], ccw: ['read', 'write', 'validate'] },
  viewer: { v1: [], partnerHub: [], ccw: ['read', 'validate'] },
};
for (const role of ['admin', 'readonly', 'orderer', 'viewer'] as const)
  for (const surface of ['v1', 'partnerHub', 'ccw'] as const)
    for (const action of ['read', 'write', 'validate'] as const)
      table.push([role, surface, action, allow[role][surface].includes(action)]);

describe('identity and roles (SIM-3)', () => {
  it.each(table)('%s on %s, %s: allowed %s', (role, surface, action, allowed) => {
    const r = authorize(user(`acme-${role}`), surface, action);
    expect(r.ok).toBe(allowed);
    if (!r.ok) expect(r.error.status).toBe(403);
  });

  it('a viewer refused a CCW change is told to ask the person who placed the order (CCW-7)', () => {
    const r = authorize(user('acme-viewer'), 'ccw', 'write');
    expect(!r.ok && r.error.message).toMatch(/ask the person who placed the order/);
  });

  it.each([
    [undefined, /missing/],
    ['Basic abc', /must be "Bearer <token>"/],
    ['Bearer nobody', /not known/],
  ])('Authorization %j answers 401', (header, message) => {
    const r = authenticate(reader, header);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.status).toBe(401);
      expect(r.error.errors[0]?.description).toMatch(message);
    }
  });

  it('each token belongs to its own partner', () => {
    expect(user('acme-admin').partnerId).not.toBe(user('globex-admin').partnerId);
  });
});
