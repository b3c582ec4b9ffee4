import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../adapters/testing.ts';
import { REPLACE_STEP } from '../../../store/memory-store.ts';
import { ADMIN, customerBody, provisioningId } from '../../../../test/fixtures/wholesale.ts';

const dump = (t: TestApp): string => JSON.stringify(t.store.dump());

/** A customer still `provisioning` (its step pending), a fault, a changed delay and a mail. */
const busyWorld = async (): Promise<{ t: TestApp; customerId: string }> => {
  const t = createTestApp();
  const pid = await provisioningId(t);
  const created = await t.call('POST', '/v1/wholesale/customers', {
    ...ADMIN,
    json: customerBody(pid),
  });
  expect(created.status).toBe(202);
  const customerId = created.headers.get('location')!.split('/').pop()!;
  await t.call('POST', '/sim/faults', {
    json: { method: 'GET', path: '/v1/wholesale/subscribers', status: 503 },
  });
  await t.call('PATCH', '/sim/config', { json: { delays: { customerUpdate: 'PT9M' } } });
  await t.call('POST', '/ccw/api/orders', {
    ...ADMIN,
    json: {
      lines: [
        {
          offer: 'A-FLEX',
          provisioningContactEmail: 'buyer@pizza.example',
          requestedStartDate: '2025-12-01',
        },
      ],
    },
  });
  return { t, customerId };
};

const customerStatus = async (t: TestApp, id: string): Promise<string> =>
  (await t.call('GET', `/v1/wholesale/customers/${id}`, ADMIN)).body.status;

describe('/sim/snapshots (api.md, Snapshots)', () => {
  it('restores the world byte for byte, pending steps, faults, config and mail included', async () => {
    const { t, customerId } = await busyWorld();
    const taken = await t.call('POST', '/sim/snapshots', { json: { name: 'before' } });
    expect(taken.status).toBe(201);
    expect(taken.body).toEqual({
      id: expect.stringMatching(/^snap-\d+$/),
      name: 'before',
      at: '2026-01-01T00:00:00.000Z',
      createdAt: expect.any(String),
    });
    const before = dump(t);
    const exported = (await t.call('GET', '/sim/export')).text;
    // Written a piece at a time, it is still one JSON text, exactly as JSON.stringify writes it.
    expect(JSON.stringify(JSON.parse(exported))).toBe(exported);

    // Everything moves on: the clock, the pending step runs, faults and config change, more mail.
    await t.call('POST', '/sim/clock', { json: { advance: 'PT1H' } });
    expect(await customerStatus(t, customerId)).toBe('provisioned');
    await t.call('DELETE', '/sim/faults');
    await t.call('PATCH', '/sim/config', { json: { delays: { customer: 'PT1M' } } });
    expect(dump(t)).not.toBe(before);

    const restored = await t.call('POST', `/sim/snapshots/${taken.body.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.clock.now).toBe('2026-01-01T00:00:00.000Z');
    expect(dump(t)).toBe(before);
    expect((await t.call('GET', '/sim/export')).text).toBe(exported);
    // The pending step is there again: the customer is provisioning, and becomes provisioned.
    expect(await customerStatus(t, customerId)).toBe('provisioning');
    expect((await t.call('GET', '/sim/faults')).body.items).toHaveLength(1);
    expect((await t.call('GET', '/sim/config')).body.delays.customerUpdate).toBe('PT9M');
    await t.call('POST', '/sim/clock', { json: { advance: 'PT1H' } });
    expect(await customerStatus(t, customerId)).toBe('provisioned');
  });

  it('restores a large world in steps: other worlds answer meanwhile, its own requests wait for it', async () => {
    const t = createTestApp();
    // Several steps' worth of stored entities (a step puts REPLACE_STEP of them).
    t.store.apply(
      Array.from({ length: 4 * REPLACE_STEP }, (_, i) => ({
        op: 'put' as const,
        collection: 'notes',
        value: { id: `n${i}`, text: `note ${i}` },
      })),
    );
    const taken = await t.call('POST', '/sim/snapshots', { json: {} });
    await t.call('PATCH', '/sim/config', { json: { delays: { customerUpdate: 'PT9M' } } });
    t.store.apply([{ op: 'delete', collection: 'notes', id: 'n7' }]);
    const other = (await t.call('POST', '/sim/worlds', { json: {} })).body.id as string;

    let restored = false;
    const restoring = t.call('POST', `/sim/snapshots/${taken.body.id}/restore`).then((r) => {
      restored = true;
      return r;
    });
    // Another world answers while the restore is under way.
    const elsewhere = await t.call('GET', `/w/${other}/v1/people/me`, ADMIN);
    expect(elsewhere.status).toBe(200);
    expect(restored).toBe(false);
    expect(t.store.get('notes', 'n7')).toBeUndefined();
    // This world's request, made meanwhile, waits for the restore and sees the world it restored.
    const here = await t.call('GET', '/sim/config');
    expect(here.body.delays.customerUpdate).not.toBe('PT9M');
    expect((await restoring).status).toBe(200);
    expect(t.store.get('notes', 'n7')).toEqual({ id: 'n7', text: 'note 7' });
    expect(t.store.count('notes')).toBe(4 * REPLACE_STEP);
  });

  it('keeps the request journal when it restores', async () => {
    const t = createTestApp();
    await t.call('POST', '/sim/snapshots', { json: { name: 's' } });
    await t.call('GET', '/v1/wholesale/customers', ADMIN);
    const before = (await t.call('GET', '/sim/requests')).body.items;
    expect(before.map((e: { path: string }) => e.path)).toContain('/v1/wholesale/customers');
    await t.call('POST', '/sim/snapshots/s/restore');
    expect((await t.call('GET', '/sim/requests')).body.items).toEqual(before);
  });

  it('lists snapshots oldest first; a name stands for the id; delete answers 204, then 404', async () => {
    const t = createTestApp();
    const a = (await t.call('POST', '/sim/snapshots')).body;
    expect(a.name).toBeNull();
    await t.call('POST', '/sim/clock', { json: { advance: 'P1D' } });
    const b = (await t.call('POST', '/sim/snapshots', { json: { name: 'day-2' } })).body;
    expect(b.at).toBe('2026-01-02T00:00:00.000Z');
    expect((await t.call('GET', '/sim/snapshots')).body.items).toEqual([a, b]);
    expect((await t.call('POST', '/sim/snapshots/day-2/restore')).status).toBe(200);
    expect((await t.call('DELETE', '/sim/snapshots/day-2')).status).toBe(204);
    expect((await t.call('DELETE', '/sim/snapshots/day-2')).status).toBe(404);
    expect((await t.call('GET', '/sim/snapshots')).body.items).toEqual([a]);
    expect((await t.call('POST', `/sim/snapshots/${a.id}/restore`)).body.clock.now).toBe(
      '2026-01-01T00:00:00.000Z',
    );
  });

  it('refuses a name in use (409), a bad name or field (400) and an unknown snapshot (404), changing nothing', async () => {
    const t = createTestApp();
    await t.call('POST', '/sim/snapshots', { json: { name: 'one' } });
    const before = dump(t);
    const listed = (await t.call('GET', '/sim/snapshots')).body;
    const twice = await t.call('POST', '/sim/snapshots', { json: { name: 'one' } });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({
      message: expect.stringContaining('one'),
      errors: [{ errorCode: 1200 }],
      trackingId: expect.any(String),
    });
    const bad = await t.call('POST', '/sim/snapshots', { json: { name: 'a b/c', extra: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { description: string }) => e.description)).toEqual([
      expect.stringMatching(/^name: must be 1 to 100 letters/),
      'extra: unknown field',
    ]);
    const missing = await t.call('POST', '/sim/snapshots/nope/restore');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('Snapshot nope not found.');
    expect(dump(t)).toBe(before);
    expect((await t.call('GET', '/sim/snapshots')).body).toEqual(listed);
  });

  it('keeps snapshots per world: another world does not see them', async () => {
    const t = createTestApp();
    await t.call('POST', '/sim/snapshots', { json: { name: 'root' } });
    const w = (await t.call('POST', '/sim/worlds')).body;
    const other = await t.call('GET', `/w/${w.id}/sim/snapshots`);
    expect(other.body.items).toEqual([]);
    expect((await t.call('POST', `/w/${w.id}/sim/snapshots/root/restore`)).status).toBe(404);
  });
});

describe('/sim/export and /sim/import (api.md, Snapshots)', () => {
  it('exports a versioned document that another world imports exactly', async () => {
    const { t, customerId } = await busyWorld();
    const doc = (await t.call('GET', '/sim/export')).body;
    expect(doc).toMatchObject({
      format: 'provisim-world',
      version: 1,
      at: '2026-01-01T00:00:00.000Z',
      collections: { meta: [{ id: 'world', seed: 1 }] },
    });
    expect(doc.collections.events.length).toBeGreaterThan(0);

    const other = createTestApp({ seed: 9 });
    const imported = await other.call('POST', '/sim/import', { json: doc });
    expect(imported.status).toBe(200);
    expect(imported.body.seed).toBe(1);
    expect(dump(other)).toBe(dump(t));
    expect(await customerStatus(other, customerId)).toBe('provisioning');
    await other.call('POST', '/sim/clock', { json: { advance: 'PT1H' } });
    expect(await customerStatus(other, customerId)).toBe('provisioned');
  });

  it('a running clock runs on from the exported time', async () => {
    let wall = 1_000_000;
    const t = createTestApp({ wallClock: () => wall, clock: { mode: 'running' } });
    const doc = (await t.call('GET', '/sim/export')).body;
    wall += 60_000;
    await t.call('POST', '/sim/import', { json: doc });
    expect((await t.call('GET', '/sim/clock')).body).toEqual({
      now: doc.at,
      mode: 'running',
      speed: 1,
    });
    wall += 5_000;
    expect((await t.call('GET', '/sim/clock')).body.now).toBe(
      new Date(Date.parse(doc.at) + 5_000).toISOString(),
    );
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- an exported document, spoiled
  const badDocuments: readonly (readonly [string, (doc: any) => unknown, string])[] = [
    ['another version', (d) => ({ ...d, version: 2 }), 'version: this simulator reads version 1'],
    ['another format', (d) => ({ ...d, format: 'other' }), 'format: must be one of'],
    [
      'an unknown collection',
      (d) => ({ ...d, collections: { ...d.collections, widgets: [] } }),
      'collections.widgets: unknown field',
    ],
    [
      'an entity without an id',
      (d) => ({ ...d, collections: { ...d.collections, customers: [{ name: 'x' }] } }),
      'collections.customers[0].id: is required',
    ],
    [
      'an id twice',
      (d) => ({
        ...d,
        collections: {
          ...d.collections,
          partners: [d.collections.partners[0], d.collections.partners[0]],
        },
      }),
      'collections.partners[1].id: ',
    ],
    [
      'no world meta',
      (d) => ({ ...d, collections: { ...d.collections, meta: [] } }),
      'collections.meta: must hold exactly one entity',
    ],
    [
      'a broken clock',
      (d) => ({
        ...d,
        collections: {
          ...d.collections,
          meta: [{ ...d.collections.meta[0], clock: { mode: 'sideways' } }],
        },
      }),
      'collections.meta[0].clock.mode: must be one of',
    ],
    [
      'a delay that is no duration',
      (d) => ({
        ...d,
        collections: {
          ...d.collections,
          meta: [
            {
              ...d.collections.meta[0],
              config: { delays: { ...d.collections.meta[0].config.delays, customer: 'soon' } },
            },
          ],
        },
      }),
      'collections.meta[0].config.delays.customer: ',
    ],
    ['not an object', () => [1, 2], 'body: must be an object'],
  ];

  it.each(badDocuments)(
    'refuses %s with 400 in the Webex shape and changes nothing',
    async (_, spoil, description) => {
      const t = createTestApp();
      const doc = (await t.call('GET', '/sim/export')).body;
      await t.call('POST', '/sim/clock', { json: { advance: 'P1D' } });
      const before = dump(t);
      const r = await t.call('POST', '/sim/import', { json: spoil(doc) });
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ message: expect.any(String), trackingId: expect.any(String) });
      expect(r.body.errors.map((e: { description: string }) => e.description)).toContainEqual(
        expect.stringContaining(description),
      );
      expect(dump(t)).toBe(before);
    },
  );

  it('refuses a body that is not JSON (415, 400) and changes nothing', async () => {
    const t = createTestApp();
    const before = dump(t);
    expect((await t.call('POST', '/sim/import', { body: '{}' })).status).toBe(415);
    const broken = await t.call('POST', '/sim/import', {
      body: '{"format":',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.errors[0].errorCode).toBe(1101);
    expect(dump(t)).toBe(before);
  });

  it('is documented in /openapi.json from the route table, with the rest of /sim', async () => {
    const doc = (await createTestApp().call('GET', '/openapi.json')).body;
    for (const [path, method] of [
      ['/sim/snapshots', 'post'],
      ['/sim/snapshots', 'get'],
      ['/sim/snapshots/{id}/restore', 'post'],
      ['/sim/snapshots/{id}', 'delete'],
      ['/sim/export', 'get'],
      ['/sim/import', 'post'],
      ['/sim/clock', 'post'],
    ] as const)
      expect(doc.paths[path]?.[method]?.tags, `${method} ${path}`).toEqual(['sim']);
    expect(
      doc.paths['/sim/snapshots'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('name');
  });
});
