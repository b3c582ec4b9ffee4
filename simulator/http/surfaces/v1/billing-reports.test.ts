import { describe, expect, it } from 'vitest';
import { TEST_ORIGIN, type TestApp } from '../../../adapters/testing.ts';
import type { BillingReport } from '../../../core/billing/model.ts';
import type { Entity } from '../../../core/kernel/store-port.ts';
import { bwBody, bwWorld } from '../../../../test/fixtures/broadworks.ts';
import { ciscoRequestExample } from '../../../../test/fixtures/cisco-examples.ts';
import {
  ADMIN,
  advance,
  customerBody,
  provisionedCustomer,
  provisioningId,
} from '../../../../test/fixtures/wholesale.ts';
import { createValidatingApp } from '../../../../test/openapi/validating-app.ts';

const W = '/v1/wholesale/billing/reports';
const B = '/v1/broadworks/billing/reports';
/** A world whose clock stands where Cisco's examples make sense: June 2021. */
const june2021 = (start = '2021-06-16T12:00:00Z') =>
  createValidatingApp({ clock: { mode: 'frozen', start } });
const state = (t: TestApp) => JSON.stringify(t.store.dump());
const download = async (t: TestApp, url: string) => t.call('GET', new URL(url).pathname);
/** The CSV's lines without the header, cells split. */
const rows = (csv: string) =>
  csv
    .trimEnd()
    .split('\r\n')
    .slice(1)
    .map((l) => l.split(','));

/** The partner's active sub-partner (seeded per partner). */
const subPartnerOf = async (t: TestApp, token = 'acme-admin'): Promise<string> =>
  (await t.call('GET', '/v1/wholesale/subPartners?provisioningState=active', { token })).body
    .items[0].orgId;
/** Cisco's example of a wholesale report, its sub-partner this world's. */
const wholesaleExample = async (t: TestApp) => ({
  ...ciscoRequestExample('POST', W),
  subPartnerOrgId: await subPartnerOf(t),
});

const completed = async (t: TestApp, path: string, body: unknown) => {
  const r = await t.call('POST', path, { ...ADMIN, json: body });
  expect(r.status).toBe(200);
  await advance(t, 'PT2M');
  const got = await t.call('GET', `${path}/${r.body.id}`, ADMIN);
  expect(got.body.status).toBe('COMPLETED');
  return (await download(t, got.body.tempDownloadURL)).text;
};

describe('wholesale billing reports (webex-wholesale.json; SIM-1)', () => {
  it("Cisco's example: 200, IN_PROGRESS, then COMPLETED after the billingReport delay with a tempDownloadURL serving the CSV", async () => {
    const t = june2021();
    const example = await wholesaleExample(t);
    const r = await t.call('POST', W, { ...ADMIN, json: example });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      id: expect.any(String),
      billingStartDate: '2020-05-21',
      billingEndDate: '2020-05-30',
      type: 'PARTNER',
      category: 'RECONCILIATION',
    });
    const path = `${W}/${r.body.id}`;
    const pending = (await t.call('GET', path, ADMIN)).body;
    expect(pending).toMatchObject({
      status: 'IN_PROGRESS',
      errors: [],
      created: expect.any(String),
    });
    expect(pending.tempDownloadURL).toBeUndefined();
    expect((await t.call('GET', W, ADMIN)).body.items).toEqual([
      expect.objectContaining({ id: r.body.id, status: 'IN_PROGRESS' }),
    ]);
    await advance(t, 'PT1M59S');
    expect((await t.call('GET', path, ADMIN)).body.status).toBe('IN_PROGRESS');
    await advance(t, 'PT1S');
    const done = (await t.call('GET', path, ADMIN)).body;
    expect(done.status).toBe('COMPLETED');
    expect(done.createdBy).toBe((await t.call('GET', '/v1/people/me', ADMIN)).body.id);
    expect(done.tempDownloadURL).toMatch(new RegExp(`^${TEST_ORIGIN}/billing-reports/\\w+\\.csv$`));
    const csv = await download(t, done.tempDownloadURL);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.csv"/);
    expect(csv.text).toBe(
      'Billing Start Date,Billing End Date,Partner Org ID,Partner Name,Package,Customers,Peak Quantity,Quantity Days\r\n',
    );
  });

  it("counts the world's history by day: provisioning, a package change and a removal, for each type", async () => {
    const t = june2021('2021-06-01T00:00:00Z');
    const cid = await provisionedCustomer(t); // provisioned at 00:05; john@pizza.example, its admin, holds webex_calling
    await advance(t, 'P2DT10H'); // 2021-06-03T10:05
    const ana = await t.call('POST', '/v1/wholesale/subscribers', {
      ...ADMIN,
      json: {
        customerId: cid,
        email: 'ana@pizza.example',
        package: 'webex_meetings',
        provisioningParameters: {},
      },
    });
    expect(ana.status).toBe(200);
    await advance(t, 'P2D'); // 06-05: to calling
    const changed = await t.call('PUT', `/v1/wholesale/subscribers/${ana.body.id}`, {
      ...ADMIN,
      json: { packages: ['webex_calling'], provisioningParameters: { extension: '4321' } },
    });
    expect(changed.status).toBe(200);
    await advance(t, 'P2D'); // 06-07: removed
    expect((await t.call('DELETE', `/v1/wholesale/subscribers/${ana.body.id}`, ADMIN)).status).toBe(
      204,
    );
    await advance(t, 'P3D'); // 06-10
    const period = { billingStartDate: '2021-06-01', billingEndDate: '2021-06-09' };

    const users = rows(await completed(t, W, { ...period, type: 'USER' }));
    expect(users.map((r) => [r[3], r[7], r[8], r[9], r[10], r[11]])).toEqual([
      ["John's Pizza", 'ana@pizza.example', 'webex_meetings', '2021-06-03', '2021-06-04', '2'],
      ["John's Pizza", 'ana@pizza.example', 'webex_calling', '2021-06-05', '2021-06-06', '2'],
      ["John's Pizza", 'john@pizza.example', 'webex_calling', '2021-06-01', '2021-06-09', '9'],
    ]);
    const orgId = (await t.call('GET', `/v1/wholesale/customers/${cid}`, ADMIN)).body.orgId;
    expect(users.every((r) => r[2] === orgId && r[4] === 'ext-1')).toBe(true);

    const customers = rows(await completed(t, W, { ...period, type: 'CUSTOMER' }));
    expect(customers.map((r) => r.slice(5))).toEqual([
      ['webex_calling', '9', '2', '11'],
      ['webex_meetings', '9', '1', '2'],
    ]);
    const partner = rows(await completed(t, W, period));
    expect(partner.map((r) => [r[3], ...r.slice(4)])).toEqual([
      ['Acme Wholesale', 'webex_calling', '1', '2', '11'],
      ['Acme Wholesale', 'webex_meetings', '1', '1', '2'],
    ]);
    // Before the customer existed there is nothing to bill; another partner's report is its own.
    expect(
      rows(await completed(t, W, { billingStartDate: '2021-05-01', billingEndDate: '2021-05-31' })),
    ).toEqual([]);
    const globex = await t.call('POST', W, { token: 'globex-admin', json: period });
    await advance(t, 'PT2M');
    const g = (await t.call('GET', `${W}/${globex.body.id}`, { token: 'globex-admin' })).body;
    expect(rows((await download(t, g.tempDownloadURL)).text)).toEqual([]);
  });

  it("subPartnerOrgId (Cisco's body field): the report counts only that sub-partner's customers; an unknown one is 404", async () => {
    const t = june2021('2021-06-01T00:00:00Z');
    const sub = await subPartnerOf(t);
    await provisionedCustomer(t); // the partner's own: John's Pizza
    const made = await t.call('POST', `/v1/wholesale/customers?onBehalfOfSubPartnerOrgId=${sub}`, {
      ...ADMIN,
      json: customerBody(await provisioningId(t), {
        externalId: 'ext-sub',
        customerInfo: { name: 'Sub Pizza', primaryEmail: 'sub@pizza.example' },
      }),
    });
    expect(made.status).toBe(202);
    await advance(t, 'P3D');
    const period = { billingStartDate: '2021-06-01', billingEndDate: '2021-06-02' };
    const names = (csv: string) => [...new Set(rows(csv).map((r) => r[3]))];
    const scoped = await completed(t, W, { ...period, type: 'CUSTOMER', subPartnerOrgId: sub });
    expect(names(scoped)).toEqual(['Sub Pizza']);
    const all = await completed(t, W, { ...period, type: 'CUSTOMER' });
    expect(names(all).sort()).toEqual(["John's Pizza", 'Sub Pizza']);
    const listed = await t.call('GET', `${W}?subPartnerOrgId=${sub}`, ADMIN);
    expect(listed.body.items).toHaveLength(1);
    // Another partner's sub-partner, or none at all: 404, nothing made.
    const before = state(t);
    for (const other of [await subPartnerOf(t, 'globex-admin'), 'no-such-org']) {
      const r = await t.call('POST', W, { ...ADMIN, json: { ...period, subPartnerOrgId: other } });
      expect(r.status).toBe(404);
      expect(r.body.errors[0].description).toContain(other);
    }
    expect(state(t)).toBe(before);
  });

  it('writes formula-leading names and ids with a leading quote (OWASP, CSV injection)', async () => {
    const t = june2021('2021-06-01T00:00:00Z');
    const made = await t.call('POST', '/v1/wholesale/customers', {
      ...ADMIN,
      json: customerBody(await provisioningId(t), {
        externalId: '+cmd',
        customerInfo: { name: '=HYPERLINK(1)', primaryEmail: 'evil@pizza.example' },
      }),
    });
    expect(made.status).toBe(202);
    await advance(t, 'P3D');
    const csv = await completed(t, W, {
      billingStartDate: '2021-06-01',
      billingEndDate: '2021-06-02',
      type: 'CUSTOMER',
    });
    const row = rows(csv).find((r) => r.includes("'=HYPERLINK(1)"));
    expect(row, csv).toBeDefined();
    expect(row).toContain("'+cmd");
    expect(csv).not.toMatch(/(^|,)[=+]/m);
  });

  it('DELETE: 204 from any status; then 404, and its download link is gone', async () => {
    const t = june2021();
    const a = (await t.call('POST', W, { ...ADMIN, json: await wholesaleExample(t) })).body;
    expect((await t.call('DELETE', `${W}/${a.id}`, ADMIN)).status).toBe(204);
    expect((await t.call('GET', `${W}/${a.id}`, ADMIN)).status).toBe(404);
    await advance(t, 'PT2M'); // its step finds nothing to do
    expect((await t.call('GET', W, ADMIN)).body.items).toEqual([]);
    const b = (await t.call('POST', W, { ...ADMIN, json: await wholesaleExample(t) })).body;
    await advance(t, 'PT2M');
    const url = (await t.call('GET', `${W}/${b.id}`, ADMIN)).body.tempDownloadURL;
    expect((await download(t, url)).status).toBe(200);
    expect((await t.call('DELETE', `${W}/${b.id}`, ADMIN)).status).toBe(204);
    const gone = await download(t, url);
    expect(gone.status).toBe(404);
    expect(gone.body.errors[0].description).toMatch(/no longer exists/);
    expect((await t.call('DELETE', `${W}/${b.id}`, ADMIN)).status).toBe(404);
  });

  it('serves the CSV a report completed by an earlier version kept; one completed now is made when downloaded', async () => {
    const t = june2021();
    const made = (await t.call('POST', W, { ...ADMIN, json: await wholesaleExample(t) })).body;
    await advance(t, 'PT2M');
    const stored = t.store.get('billingReports', made.id) as unknown as BillingReport;
    expect(stored.csv).toBeUndefined();
    const fresh = await download(t, `${TEST_ORIGIN}/billing-reports/${stored.downloadToken!}.csv`);
    expect(fresh.status).toBe(200);
    expect(fresh.text).toMatch(/^Billing Start Date,Billing End Date,Partner Org ID/);
    // As a data file of an earlier version holds it: the CSV generated at completion.
    const kept = 'Billing Start Date,Billing End Date\r\n2020-05-21,2020-05-30\r\n';
    t.store.apply([
      {
        op: 'put',
        collection: 'billingReports',
        value: { ...stored, id: 'old', csv: kept, downloadToken: 'old1' } as Entity,
      },
    ]);
    const old = await download(t, `${TEST_ORIGIN}/billing-reports/old1.csv`);
    expect(old.status).toBe(200);
    expect(old.text).toBe(kept);
  });

  it('a step fault on billingReport ends generation FAILED with its error, and no download', async () => {
    const t = june2021();
    await t.call('POST', '/sim/faults', {
      json: {
        on: 'billingReport',
        errorCode: 2024,
        description: 'Billing data unavailable',
        times: 1,
      },
    });
    const r = (await t.call('POST', W, { ...ADMIN, json: await wholesaleExample(t) })).body;
    await advance(t, 'PT2M');
    const got = (await t.call('GET', `${W}/${r.id}`, ADMIN)).body;
    expect(got).toMatchObject({
      status: 'FAILED',
      errors: [{ code: 2024, description: 'Billing data unavailable' }],
    });
    expect(got.tempDownloadURL).toBeUndefined();
    expect((await t.call('GET', `${W}?status=FAILED`, ADMIN)).body.items).toHaveLength(1);
  });

  it('readonly lists and reads, but may not create or delete (403); another partner gets 404', async () => {
    const t = june2021();
    const RO = { token: 'acme-readonly' };
    const r = (await t.call('POST', W, { ...ADMIN, json: await wholesaleExample(t) })).body;
    expect((await t.call('GET', `${W}/${r.id}`, RO)).status).toBe(200);
    expect((await t.call('GET', W, RO)).body.items).toHaveLength(1);
    expect((await t.call('POST', W, { ...RO, json: await wholesaleExample(t) })).status).toBe(403);
    expect((await t.call('DELETE', `${W}/${r.id}`, RO)).status).toBe(403);
    const G = { token: 'globex-admin' };
    expect((await t.call('GET', `${W}/${r.id}`, G)).status).toBe(404);
    expect((await t.call('DELETE', `${W}/${r.id}`, G)).status).toBe(404);
    expect((await t.call('GET', W, G)).body.items).toEqual([]);
    // A wholesale report is not a BroadWorks one.
    expect((await t.call('GET', `${B}/${r.id}`, ADMIN)).status).toBe(404);
  });

  it('filters by billingStartDate, billingEndDate, type and status, sorts, and pages with Link', async () => {
    const t = june2021();
    const make = (s: string, e: string, type: string) =>
      t.call('POST', W, { ...ADMIN, json: { billingStartDate: s, billingEndDate: e, type } });
    await make('2021-03-01', '2021-03-31', 'USER');
    await make('2021-01-01', '2021-05-31', 'CUSTOMER');
    await advance(t, 'PT2M');
    await make('2021-02-01', '2021-02-28', 'PARTNER');
    const list = async (q: string) =>
      (await t.call('GET', `${W}?${q}`, ADMIN)).body.items.map(
        (x: { billingStartDate: string }) => x.billingStartDate,
      );
    expect(await list('')).toEqual(['2021-01-01', '2021-02-01', '2021-03-01']);
    expect(await list('sortBy=billingEndDate')).toEqual(['2021-02-01', '2021-03-01', '2021-01-01']);
    // Equal ones in the order they were made.
    expect(await list('sortBy=status')).toEqual(['2021-03-01', '2021-01-01', '2021-02-01']);
    expect(await list('type=USER')).toEqual(['2021-03-01']);
    expect(await list('status=IN_PROGRESS')).toEqual(['2021-02-01']);
    expect(await list('billingStartDate=2021-01-01')).toEqual(['2021-01-01']);
    expect(await list('billingEndDate=2021-02-28')).toEqual(['2021-02-01']);
    const first = await t.call('GET', `${W}?max=2`, ADMIN);
    expect(first.body.items).toHaveLength(2);
    const next = new URL(/<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')![1]!);
    const second = await t.call('GET', `${next.pathname}${next.search}`, ADMIN);
    expect(second.body.items.map((x: { billingStartDate: string }) => x.billingStartDate)).toEqual([
      '2021-03-01',
    ]);
    const links = second.headers.get('link') ?? '';
    expect(links).not.toContain('rel="next"');
    const back = new URL(/<([^>]+)>; rel="first"/.exec(links)![1]!);
    expect(back.searchParams.get('cursor')).toBeNull();
    expect(/<([^>]+)>; rel="prev"/.exec(links)![1]).toBe(back.toString());
  });
});

describe('wholesale billing reports: what is refused (400 in the Webex shape, nothing changed)', () => {
  const refused = async (body: unknown, description: RegExp | string, errorCode = 1100) => {
    const t = june2021();
    const before = state(t);
    const r = await t.call('POST', W, { ...ADMIN, json: body });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ message: expect.any(String), trackingId: expect.any(String) });
    expect(r.body.errors).toContainEqual({
      description:
        typeof description === 'string' ? description : expect.stringMatching(description),
      errorCode,
    });
    expect(state(t)).toBe(before);
  };
  const example = () => ciscoRequestExample('POST', W);

  it.each(['billingStartDate', 'billingEndDate'])('without the required %s', async (field) => {
    const { [field]: _gone, ...rest } = example();
    await refused(rest, `${field}: is required`, 1001);
  });

  it('a type outside PARTNER, CUSTOMER, USER (the enum its description gives)', async () => {
    await refused(
      { ...example(), type: 'MONTHLY' },
      /^type: must be one of "PARTNER", "CUSTOMER", "USER"/,
    );
  });

  it('fields of the wrong type', async () => {
    await refused({ ...example(), internal: 'yes' }, 'internal: must be a boolean');
    await refused(
      { ...example(), billingStartDate: 20200521 },
      'billingStartDate: must be a string',
    );
  });

  it('dates that are not YYYY-MM-DD calendar dates', async () => {
    await refused(
      { ...example(), billingStartDate: '2020/05/21' },
      /^billingStartDate: must be a calendar date/,
    );
    await refused(
      { ...example(), billingEndDate: '2021-02-30' },
      /^billingEndDate: must be a calendar date/,
    );
  });

  it('an end before the start, today or later, a start over five years back', async () => {
    await refused(
      { ...example(), billingEndDate: '2020-05-20' },
      /^billingEndDate: must not be before/,
    );
    await refused(
      { ...example(), billingEndDate: '2021-06-16' },
      /^billingEndDate: must be before today \(2021-06-16\)/,
    );
    await refused(
      { billingStartDate: '2016-06-15', billingEndDate: '2016-06-30' },
      /^billingStartDate: must be within the last five years \(on or after 2016-06-16\)/,
    );
  });

  it('list parameters outside their enums, and max over 100', async () => {
    const t = june2021();
    for (const [q, d] of [
      ['type=MONTHLY', /^type: must be one of "PARTNER", "CUSTOMER", "USER"/],
      ['status=DONE', /^status: must be one of "IN_PROGRESS", "COMPLETED", "FAILED"/],
      [
        'sortBy=created',
        /^sortBy: must be one of "id", "billingStartDate", "billingEndDate", "status"/,
      ],
    ] as const) {
      const r = await t.call('GET', `${W}?${q}`, ADMIN);
      expect(r.status).toBe(400);
      expect(r.body.errors[0].description).toMatch(d);
    }
    expect((await t.call('GET', `${W}?max=101`, ADMIN)).body.errors[0].errorCode).toBe(1002);
    expect((await t.call('GET', `${W}?cursor=!!`, ADMIN)).status).toBe(400);
  });
});

describe('BroadWorks billing reports (webex-broadworks.json; SIM-1)', () => {
  it("Cisco's example: 200 {id}; IN_PROGRESS, then COMPLETED with the month's CSV", async () => {
    const t = june2021();
    const r = await t.call('POST', B, { ...ADMIN, json: ciscoRequestExample('POST', B) });
    expect(r.status).toBe(200);
    expect(Object.keys(r.body)).toEqual(['id']);
    expect((await t.call('GET', `${B}/${r.body.id}`, ADMIN)).body).toMatchObject({
      billingPeriod: '2020-11',
      status: 'IN_PROGRESS',
    });
    await advance(t, 'PT2M');
    const done = (await t.call('GET', `${B}/${r.body.id}`, ADMIN)).body;
    expect(done).toMatchObject({ status: 'COMPLETED', errors: [] });
    expect((await download(t, done.tempDownloadURL)).text).toBe(
      'Billing Period,Enterprise,Enterprise Org ID,Subscriber ID,User ID,Email,Package,First Day,Last Day,Days\r\n',
    );
    expect((await t.call('GET', B, ADMIN)).body.items).toEqual([
      { id: r.body.id, billingPeriod: '2020-11', status: 'COMPLETED' },
    ]);
    expect((await t.call('GET', `${W}/${r.body.id}`, ADMIN)).status).toBe(404);
    expect((await t.call('DELETE', `${B}/${r.body.id}`, ADMIN)).status).toBe(204);
    expect((await t.call('GET', B, ADMIN)).body.items).toEqual([]);
  });

  it("counts each subscriber's provisioned days of the month, the current month up to yesterday", async () => {
    const t = june2021('2021-05-30T12:00:00Z');
    const w = await bwWorld(t);
    const s = await t.call('POST', '/v1/broadworks/subscribers', {
      ...ADMIN,
      json: bwBody(w.trusted.provisioningId, w.spEnterpriseId, { email: 'ana@acme.example' }),
    });
    await advance(t, 'P3D'); // provisioned since 2021-05-30T12:00:30
    await t.call('PUT', `/v1/broadworks/subscribers/${s.body.id}`, {
      ...ADMIN,
      json: { package: 'premium' },
    });
    await advance(t, 'P2D'); // 2021-06-04T12:00:30
    const may = rows(await completed(t, B, { billingPeriod: '2021-05' }));
    const enterprise = (await t.call('GET', '/v1/broadworks/enterprises', ADMIN)).body.items[0];
    expect(may).toEqual([
      [
        '2021-05',
        w.spEnterpriseId,
        enterprise.orgId,
        s.body.id,
        s.body.userId,
        'ana@acme.example',
        'standard',
        '2021-05-30',
        '2021-05-31',
        '2',
      ],
    ]);
    const june = rows(await completed(t, B, { billingPeriod: '2021-06' }));
    expect(june.map((r) => r.slice(6))).toEqual([
      ['standard', '2021-06-01', '2021-06-01', '1'],
      ['premium', '2021-06-02', '2021-06-03', '2'],
    ]);
  });

  it('lists with before, after and sortBy', async () => {
    const t = june2021();
    await t.call('POST', B, { ...ADMIN, json: { billingPeriod: '2021-03' } });
    await advance(t, 'P20D'); // July 2021
    await t.call('POST', B, { ...ADMIN, json: { billingPeriod: '2021-01' } });
    const periods = async (q: string) =>
      (await t.call('GET', `${B}?${q}`, ADMIN)).body.items.map(
        (x: { billingPeriod: string }) => x.billingPeriod,
      );
    expect(await periods('')).toEqual(['2021-01', '2021-03']);
    expect(await periods('before=2021-07')).toEqual(['2021-03']);
    expect(await periods('after=2021-07-01')).toEqual(['2021-01']);
    expect(await periods('after=2021-06-16T11:00:00Z&before=2021-06-16T13:00:00.000Z')).toEqual([
      '2021-03',
    ]);
    expect(await periods('sortBy=status')).toEqual(['2021-03', '2021-01']);
    for (const q of ['sortBy=created', 'before=yesterday', 'after=2021-13']) {
      const r = await t.call('GET', `${B}?${q}`, ADMIN);
      expect(r.status).toBe(400);
      expect(r.body.errors[0].description).toMatch(new RegExp(`^${q.split('=')[0]}: must be`));
    }
  });

  it('refuses a missing, malformed or future billingPeriod (400, nothing changed)', async () => {
    const t = june2021();
    const before = state(t);
    for (const [body, description] of [
      [{}, 'billingPeriod: is required'],
      [{ billingPeriod: 202011 }, 'billingPeriod: must be a string'],
      [
        { billingPeriod: '2020-13' },
        'billingPeriod: must be a year and month YYYY-MM (got "2020-13")',
      ],
      [
        { billingPeriod: '2021-07' },
        'billingPeriod: must not be after the current month (2021-06)',
      ],
    ] as const) {
      const r = await t.call('POST', B, { ...ADMIN, json: body });
      expect(r.status).toBe(400);
      expect(r.body.errors).toEqual([
        { description, errorCode: description.endsWith('required') ? 1001 : 1100 },
      ]);
    }
    expect((await t.call('POST', B, { ...ADMIN, body: 'billingPeriod=2020-11' })).status).toBe(415);
    expect(state(t)).toBe(before);
  });
});
