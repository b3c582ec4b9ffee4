import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../adapters/testing.ts';

const ORDERER = { token: 'acme-orderer' };
const HQ = { addressLine1: '1 Main St', city: 'Austin', country: 'US' };

const order = async (t: TestApp, lines: Record<string, unknown>[], token = ORDERER) =>
  t.call('POST', '/ccw/api/orders', { ...token, json: { lines } });
const line = (offer: string, rsd: string, email = 'contact@buyer.example') => ({
  offer,
  provisioningContactEmail: email,
  requestedStartDate: rsd,
});
const advance = (t: TestApp, by: string) => t.call('POST', '/sim/clock', { json: { advance: by } });
const setClock = (t: TestApp, iso: string) => t.call('POST', '/sim/clock', { json: { set: iso } });
const getOrder = async (t: TestApp, id: string) =>
  (await t.call('GET', `/ccw/api/orders/${id}`, ORDERER)).body;
const mails = async (t: TestApp, to = 'contact@buyer.example') =>
  (await t.call('GET', `/sim/mail?to=${to}`)).body.items;
const resend = (t: TestApp, o: { id: string; lines: { id: string }[] }, token = ORDERER, i = 0) =>
  t.call('POST', `/ccw/api/orders/${o.id}/lines/${o.lines[i]!.id}/resend`, token);
const setupPath = async (t: TestApp, to = 'contact@buyer.example') =>
  new URL((await mails(t, to))[0].links[0].url).pathname;
const setup = async (t: TestApp, to?: string) => {
  const token = (await setupPath(t, to)).split('/').pop();
  return t.call('POST', `/ccw/api/setup/${token}`, {
    json: { companyName: 'Buyer Inc', adminEmail: 'it@buyer.example', headquarters: HQ },
  });
};

describe('the provisioning email (CCW-1)', () => {
  it('goes to the contact at the requested start date, from webex_comm@webex.com, not before', async () => {
    const t = createTestApp();
    const o = (await order(t, [line('EA', '2026-01-10')])).body;
    expect(o.lines[0]).toMatchObject({
      status: 'awaiting_provisioning_details',
      requestedStartDate: '2026-01-10T00:00:00.000Z',
      emailSentAt: null,
      packages: ['webex_meetings'],
    });
    await setClock(t, '2026-01-09T23:59:00Z');
    expect(await mails(t)).toEqual([]);
    await advance(t, 'PT1M');
    const [mail] = await mails(t);
    expect(mail).toMatchObject({
      from: 'webex_comm@webex.com',
      to: ['contact@buyer.example'],
      subject: 'Set up your Webex service',
      sentAt: '2026-01-10T00:00:00.000Z',
    });
    expect(mail.links).toEqual([
      {
        label: 'Set Up Your Service',
        url: expect.stringMatching(/^http:\/\/provisim\.test\/ccw\/setup\/[0-9a-f]{32}$/),
      },
    ]);
    expect((await getOrder(t, o.id)).lines[0].emailSentAt).toBe('2026-01-10T00:00:00.000Z');
  });

  it('goes at once when the RSD has already passed when the order is placed', async () => {
    const t = createTestApp();
    await setClock(t, '2026-02-01T08:00:00Z');
    const o = (await order(t, [line('A-FLEX', '2026-01-15T00:00:00Z')])).body;
    expect(o.lines[0]).toMatchObject({
      emailSentAt: '2026-02-01T08:00:00.000Z',
      closesAt: '2026-02-08T08:00:00.000Z',
    });
    expect(await mails(t)).toHaveLength(1);
  });

  it('rejects a bad order naming the line field, and places nothing', async () => {
    const t = createTestApp();
    const r = await order(t, [
      { offer: 'B-FLEX', provisioningContactEmail: 'x', requestedStartDate: 'soon' },
    ]);
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { description: string }) => e.description)).toEqual([
      expect.stringMatching(/^lines\[0\]\.offer: must be one of/),
      expect.stringMatching(/^lines\[0\]\.provisioningContactEmail: /),
    ]);
    expect((await order(t, [line('EA', 'soon')])).body.errors[0].description).toMatch(
      /^lines\[0\]\.requestedStartDate: must be an ISO 8601 date-time/,
    );
    expect((await t.call('GET', '/ccw/api/orders', ORDERER)).body.items).toEqual([]);
  });
});

describe('resend (CCW-2, CCW-7)', () => {
  it('resends while awaiting details, also after the RSD: 202 and a new mail', async () => {
    const t = createTestApp();
    const o = (await order(t, [line('EA', '2026-01-02')])).body;
    await advance(t, 'P3D');
    const r = await resend(t, o);
    expect(r.status).toBe(202);
    expect(r.body).toEqual({ sentAt: '2026-01-04T00:00:00.000Z', to: 'contact@buyer.example' });
    expect(await mails(t)).toHaveLength(2);
  });

  it('refuses a resend before the RSD (409)', async () => {
    const t = createTestApp();
    const o = (await order(t, [line('EA', '2026-01-05')])).body;
    const r = await resend(t, o);
    expect(r.status).toBe(409);
    expect(r.body.message).toMatch(
      /goes out on the requested start date \(2026-01-05T00:00:00.000Z\)/,
    );
    expect(await mails(t)).toEqual([]);
  });

  it('lets only users with resend access resend: viewer and readonly get 403 telling them to ask the orderer', async () => {
    const t = createTestApp();
    const o = (await order(t, [line('EA', '2026-01-01')])).body;
    for (const token of ['acme-viewer', 'acme-readonly']) {
      const r = await resend(t, o, { token });
      expect(r.status).toBe(403);
      expect(r.body.message).toMatch(/ask the person who placed the order/);
    }
    expect((await resend(t, o, { token: 'acme-admin' })).status).toBe(202);
    expect((await t.call('GET', `/ccw/api/orders/${o.id}`, { token: 'acme-viewer' })).status).toBe(
      200,
    );
  });

  it("hides another partner's orders (404, SIM-3)", async () => {
    const t = createTestApp();
    const o = (await order(t, [line('EA', '2026-01-01')])).body;
    expect((await resend(t, o, { token: 'globex-orderer' })).status).toBe(404);
    expect(
      (await t.call('GET', '/ccw/api/orders', { token: 'globex-orderer' })).body.items,
    ).toEqual([]);
  });
});

describe('provisioning contact (CCW-3)', () => {
  it('changes one line or all lines until PONR; the next mail goes to the new contact', async () => {
    const t = createTestApp();
    const o = (await order(t, [line('EA', '2026-01-03'), line('A-FLEX', '2026-01-03')])).body;
    const one = await t.call('PATCH', `/ccw/api/orders/${o.id}/lines/${o.lines[1].id}`, {
      ...ORDERER,
      json: { provisioningContactEmail: 'new@buyer.example' },
    });
    expect(
      one.body.lines.map((l: { provisioningContactEmail: string }) => l.provisioningContactEmail),
    ).toEqual(['contact@buyer.example', 'new@buyer.example']);
    const all = await t.call('PATCH', `/ccw/api/orders/${o.id}`, {
      ...ORDERER,
      json: { provisioningContactEmail: 'all@buyer.example' },
    });
    expect(
      all.body.lines.every(
        (l: { provisioningContactEmail: string }) =>
          l.provisioningContactEmail === 'all@buyer.example',
      ),
    ).toBe(true);
    await advance(t, 'P2D');
    expect(await mails(t, 'all@buyer.example')).toHaveLength(2);
    expect(
      (
        await t.call('PATCH', `/ccw/api/orders/${o.id}`, {
          token: 'acme-viewer',
          json: { provisioningContactEmail: 'v@buyer.example' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.call('PATCH', `/ccw/api/orders/${o.id}`, {
          ...ORDERER,
          json: { provisioningContactEmail: 'nope' },
        })
      ).status,
    ).toBe(400);
  });
});

describe('point of no return (CCW-4)', () => {
  it('setup creates the customer for the partner, maps the order, and ends resends and contact changes', async () => {
    const t = createTestApp();
    const o = (
      await order(t, [
        line('COLLAB-FLEX', '2026-01-01', 'a@buyer.example'),
        line('EA', '2026-01-01', 'b@buyer.example'),
      ])
    ).body;
    const s = await setup(t, 'a@buyer.example');
    expect(s.status).toBe(201);
    const after = await getOrder(t, o.id);
    expect(after).toMatchObject({ ponrReached: true, customerId: s.body.id });
    expect(
      (await t.call('GET', `/partner-hub/api/customers/${s.body.id}`, { token: 'acme-admin' }))
        .body,
    ).toMatchObject({ companyName: 'Buyer Inc', source: 'ccw' });
    expect(
      (await t.call('GET', `/v1/wholesale/customers/${s.body.id}`, { token: 'acme-admin' })).status,
    ).toBe(200);
    for (const i of [0, 1]) {
      const r = await resend(t, o, ORDERER, i);
      expect(r.status).toBe(409);
      expect(r.body.message).toMatch(/admin\.webex\.com/);
    }
    expect(
      (
        await t.call('PATCH', `/ccw/api/orders/${o.id}`, {
          ...ORDERER,
          json: { provisioningContactEmail: 'x@buyer.example' },
        })
      ).status,
    ).toBe(409);
    expect((await setup(t, 'a@buyer.example')).status).toBe(409);
    expect(after.lines.map((l: { status: string }) => l.status)).toEqual([
      'awaiting_provisioning_details',
      'awaiting_provisioning_details',
    ]);
    await advance(t, 'PT5M');
    expect((await getOrder(t, o.id)).lines.map((l: { status: string }) => l.status)).toEqual([
      'provisioned',
      'provisioned',
    ]);
  });

  it('rejects a bad setup naming the field and sets nothing up; an unknown link is 404', async () => {
    const t = createTestApp();
    await order(t, [line('EA', '2026-01-01')]);
    const token = (await setupPath(t)).split('/').pop();
    const r = await t.call('POST', `/ccw/api/setup/${token}`, {
      json: { companyName: 'X', adminEmail: 'x@x.example', headquarters: { ...HQ, country: 'KP' } },
    });
    expect(r.status).toBe(400);
    expect(
      (await t.call('GET', '/partner-hub/api/customers', { token: 'acme-admin' })).body.items,
    ).toEqual([]);
    expect((await t.call('POST', '/ccw/api/setup/nope', { json: {} })).status).toBe(404);
  });
});

describe('closing windows (CCW-5, CCW-6, SIM-1)', () => {
  const windowCase = async (offer: string, days: number) => {
    const t = createTestApp();
    const o = (await order(t, [line(offer, '2026-01-01')])).body;
    const end = new Date(Date.parse('2026-01-01T00:00:00Z') + days * 86_400_000);
    expect((await getOrder(t, o.id)).lines[0].closesAt).toBe(end.toISOString());
    await setClock(t, new Date(end.getTime() - 60_000).toISOString());
    expect((await getOrder(t, o.id)).lines[0].status).toBe('awaiting_provisioning_details');
    await advance(t, 'PT1M');
    expect((await getOrder(t, o.id)).lines[0].status).toBe('closed');
  };

  it.each([
    ['A-FLEX', 7],
    ['A-FLEX-3', 7],
    ['COLLAB-FLEX', 30],
    ['EA', 30],
  ])('%s closes %i days after the first mail, to the minute', windowCase);

  it('runs from the first mail: a resend does not extend it', async () => {
    const t = createTestApp();
    const o = (await order(t, [line('A-FLEX', '2026-01-01')])).body;
    await advance(t, 'P6D');
    await resend(t, o);
    await advance(t, 'P1D');
    expect((await getOrder(t, o.id)).lines[0].status).toBe('closed');
  });

  it('a closed line shows provisioning pending on the subscriptions view, and can still change contact, resend and set up', async () => {
    const t = createTestApp();
    const o = (await order(t, [line('A-FLEX', '2026-01-01'), line('EA', '2026-01-01')])).body;
    await advance(t, 'P8D');
    const closed = (await t.call('GET', '/ccw/api/subscriptions?status=closed', ORDERER)).body
      .items;
    expect(closed).toEqual([
      expect.objectContaining({
        id: o.lines[0].id,
        orderId: o.id,
        status: 'closed',
        notice: expect.stringMatching(/Provisioning is still pending/),
      }),
    ]);
    expect(
      (
        await t.call('PATCH', `/ccw/api/orders/${o.id}/lines/${o.lines[0].id}`, {
          ...ORDERER,
          json: { provisioningContactEmail: 'late@buyer.example' },
        })
      ).status,
    ).toBe(200);
    expect((await resend(t, o)).status).toBe(202);
    expect(await mails(t, 'late@buyer.example')).toHaveLength(1);
    expect((await setup(t, 'late@buyer.example')).status).toBe(201);
    await advance(t, 'PT5M');
    expect((await getOrder(t, o.id)).lines.map((l: { status: string }) => l.status)).toEqual([
      'provisioned',
      'provisioned',
    ]);
    expect((await t.call('GET', '/ccw/api/subscriptions?status=sleeping', ORDERER)).status).toBe(
      400,
    );
  });

  it('advancing in one step or in many gives the same lines', async () => {
    const run = async (steps: string[]) => {
      const t = createTestApp();
      const o = (await order(t, [line('A-FLEX', '2026-01-02'), line('EA', '2026-01-05')])).body;
      for (const s of steps) await advance(t, s);
      return {
        order: await getOrder(t, o.id),
        mail: (await t.call('GET', '/sim/mail')).body.items.map(
          (m: { sentAt: string }) => m.sentAt,
        ),
      };
    };
    const one = await run(['P40D']);
    const many = await run(Array.from({ length: 40 * 4 }, () => 'PT6H'));
    expect(many).toEqual(one);
    expect(one.order.lines.map((l: { status: string }) => l.status)).toEqual(['closed', 'closed']);
  });
});

describe('support cases (CCW-8)', () => {
  it('opens a resend case with attachments before PONR; refuses after PONR', async () => {
    const t = createTestApp();
    const o = (await order(t, [line('EA', '2026-01-01')])).body;
    const body = {
      requestType: 'resend_provisioning_email',
      orderId: o.id,
      lineId: o.lines[0].id,
      description: 'The mail never arrived',
      attachments: [{ name: 'shot.png', contentType: 'image/png', dataBase64: 'iVBORw0KGgo=' }],
    };
    const r = await t.call('POST', '/ccw/api/cases', { ...ORDERER, json: body });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({
      id: expect.any(String),
      caseNumber: expect.stringMatching(/^69\d{7}$/),
      status: 'open',
    });
    expect((await t.call('GET', '/ccw/api/cases', ORDERER)).body.items[0].attachments).toEqual([
      { name: 'shot.png', contentType: 'image/png', size: 8 },
    ]);
    expect(
      (
        await t.call('POST', '/ccw/api/cases', {
          ...ORDERER,
          json: {
            ...body,
            attachments: [{ name: 'a', contentType: 'image/png', dataBase64: '@@@' }],
          },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await t.call('POST', '/ccw/api/cases', {
          ...ORDERER,
          json: { ...body, requestType: 'other' },
        })
      ).body.errors[0].description,
    ).toBe('requestType: must be "resend_provisioning_email"');
    expect(
      (await t.call('POST', '/ccw/api/cases', { token: 'acme-viewer', json: body })).status,
    ).toBe(403);
    await setup(t);
    expect((await t.call('POST', '/ccw/api/cases', { ...ORDERER, json: body })).status).toBe(409);
  });
});
