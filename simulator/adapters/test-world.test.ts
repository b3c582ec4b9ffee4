import { describe, expect, it } from 'vitest';
import type { RequestFaultInput, StepFaultInput, StepKind } from '../core/sim/faults.ts';
import type {
  Fault,
  FaultView,
  RequestFault,
  SnapshotView,
  StepFault,
  StepFaultKind,
  WorldExport,
} from './sim-types.ts';
import { createTestWorld } from './testing.ts';
import { customerBody } from '../../test/fixtures/wholesale.ts';

// The public fault types and the validation schemas agree (checked by `tsc`, in `npm test`).
// Optional fields compare as optional, whether or not their type also names `undefined`.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Shape<T> = {
  fields: { [K in keyof T]-?: Exclude<T[K], undefined> };
  optional: { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T];
};
const agree = <T extends true>(): T | undefined => undefined;
agree<Same<StepFaultKind, StepKind>>();
agree<Same<Shape<StepFault>, Shape<StepFaultInput>>>();
agree<Same<Shape<Omit<RequestFault, 'method' | 'on'>>, Shape<Omit<RequestFaultInput, 'method'>>>>();
agree<
  Same<Uppercase<NonNullable<RequestFault['method']>>, NonNullable<RequestFaultInput['method']>>
>();

describe('createTestWorld (provisim/testing)', () => {
  it('gives each test its own world with tokens, clock, mail, faults and a bound fetch', async () => {
    const a = await createTestWorld();
    const b = await createTestWorld();
    expect(a.tokens.acme).toEqual({
      admin: 'acme-admin',
      readonly: 'acme-readonly',
      orderer: 'acme-orderer',
      viewer: 'acme-viewer',
    });
    const pid = a.world.partners[0]!.templates.find((t) => t.offer === 'wholesale')!.provisioningId;
    const auth = {
      authorization: `Bearer ${a.tokens.acme!.admin}`,
      'content-type': 'application/json',
    };
    const res = await a.fetch('/v1/wholesale/customers', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify(customerBody(pid)),
    });
    expect(res.status).toBe(202);
    expect(await a.clock.advance('PT5M')).toBe('2026-01-01T00:05:00.000Z');
    const list = await (await a.fetch('/v1/wholesale/customers', { headers: auth })).json();
    expect(list.items.map((c: { status: string }) => c.status)).toEqual(['provisioned']);
    expect(await b.clock.now()).toBe('2026-01-01T00:00:00.000Z');
    expect(
      (await (await b.fetch('/v1/wholesale/customers', { headers: auth })).json()).items,
    ).toEqual([]);
    await a.faults.add({ path: '/v1/people/me', status: 503, times: 1 });
    expect((await a.fetch('/v1/people/me', { headers: auth })).status).toBe(503);
    expect((await b.fetch('/v1/people/me', { headers: auth })).status).toBe(200);
    expect(await a.requests({ status: 503 })).toMatchObject([{ path: '/v1/people/me' }]);
    expect(await b.requests({ status: 503 })).toEqual([]);
    expect(await a.mail()).toEqual([]);
    await a.reset();
    expect(await a.clock.now()).toBe('2026-01-01T00:00:00.000Z');
    expect(await a.requests()).toEqual([]);
  });

  it('types faults (request or step), the journal and the world, and lists and removes faults', async () => {
    const w = await createTestWorld({ seed: 3 });
    expect(w.world.seed).toBe(3);
    const step: Fault = { on: 'customer', errorCode: 7001, description: 'Org creation failed' };
    const added: FaultView = await w.faults.add(step);
    const slow = await w.faults.add({ method: 'get', path: '/v1/*', latencyMs: 1, times: 1 });
    expect(added).toMatchObject({ on: 'customer', hits: 0 });
    expect(slow).toMatchObject({ method: 'GET', path: '/v1/*', hits: 0 });
    expect((await w.faults.list()).map((f) => f.id)).toEqual([added.id, slow.id]);
    await w.faults.remove(added.id);
    expect((await w.faults.list()).map((f) => f.id)).toEqual([slow.id]);
    await w.fetch('/v1/people/me', { headers: { authorization: 'Bearer acme-admin' } });
    const [entry] = await w.requests({ method: 'GET', status: '2xx' });
    expect(entry?.path).toBe('/v1/people/me');
    expect(entry?.status).toBe(200);
    expect((await w.clock.get()).mode).toBe('frozen');
    await expect(w.faults.remove('nope')).rejects.toThrow(
      /DELETE \/sim\/faults\/nope answered 404/,
    );
    // What does not type-check is what the simulator refuses (400):
    // @ts-expect-error a status is a number, and a request fault needs a path
    await expect(w.faults.add({ status: 'x' })).rejects.toThrow(/answered 400/);
    // @ts-expect-error a step fault needs a description and an error code
    await expect(w.faults.add({ on: 'customer' })).rejects.toThrow(/answered 400/);
    const both = w.faults.add({
      on: 'customer',
      errorCode: 1,
      description: 'x',
      // @ts-expect-error a step fault is not also a request fault
      path: '/v1/*',
    });
    await expect(both).rejects.toThrow(/answered 400/);
  });

  it('snapshots, restores and exports the world: a restored world is the snapshot, byte for byte', async () => {
    const w = await createTestWorld();
    const pid = w.world.partners[0]!.templates.find((t) => t.offer === 'wholesale')!.provisioningId;
    const auth = { authorization: 'Bearer acme-admin', 'content-type': 'application/json' };
    const created = await w.fetch('/v1/wholesale/customers', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify(customerBody(pid)),
    });
    const location = created.headers.get('location')!;
    const status = async () => (await (await w.fetch(location, { headers: auth })).json()).status;
    const snap: SnapshotView = await w.snapshot('provisioning');
    expect(snap).toMatchObject({ name: 'provisioning', at: '2026-01-01T00:00:00.000Z' });
    const doc: WorldExport = await w.export();
    expect(doc).toMatchObject({ format: 'provisim-world', version: 1, at: snap.at });

    await w.clock.advance('PT5M');
    expect(await status()).toBe('provisioned');
    await w.restore('provisioning');
    expect(JSON.stringify(await w.export())).toBe(JSON.stringify(doc));
    expect(await status()).toBe('provisioning');

    const other = await createTestWorld({ seed: 4 });
    await other.import(doc);
    expect(JSON.stringify(await other.export())).toBe(JSON.stringify(doc));
    await expect(w.restore('nope')).rejects.toThrow(/answered 404/);
    await expect(w.snapshot('provisioning')).rejects.toThrow(/answered 409/);
    await expect(other.import({ ...doc, version: 2 as 1 })).rejects.toThrow(/answered 400/);
  });
});
