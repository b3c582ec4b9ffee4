import type { Entity } from '../../simulator/core/kernel/store-port.ts';
import { DEFAULT_DELAYS } from '../../simulator/core/sim/config.ts';
import { createTestApp, type TestAnswer } from '../../simulator/adapters/testing.ts';
import { createMemoryStore } from '../../simulator/store/memory-store.ts';
import { bwBody, bwWorld, latestLink } from '../fixtures/broadworks.ts';
import { ADDRESS, ADMIN, customerBody } from '../fixtures/wholesale.ts';

/** The wall clock every fuzzed app reads: fixed, so a running virtual clock stands still too. */
export const WALL = Date.parse('2026-01-01T00:00:00Z');

/**
 * A world with one of everything a write can name: customers, locations, users, BroadWorks
 * subscribers in several states, orders with open lines and a setup link, a fault. Fuzzed requests
 * run against copies of it, so they reach past "not found".
 */
export interface BaseWorld {
  readonly dump: Readonly<Record<string, readonly Entity[]>>;
  /** Ids and values by what they name (`customerId`, `templateId`, …), other partners' included. */
  readonly ids: Readonly<Record<string, readonly string[]>>;
  /** Values worth trying, by property name, for bodies. */
  readonly hints: Readonly<Record<string, readonly unknown[]>>;
}

const ok = (what: string, a: TestAnswer): TestAnswer => {
  if (a.status >= 300) throw new Error(`base world: ${what} answered ${a.status}: ${a.text}`);
  return a;
};

export const buildBaseWorld = async (): Promise<BaseWorld> => {
  const store = createMemoryStore();
  const t = createTestApp({ store, wallClock: () => WALL });
  const call = async (what: string, method: string, path: string, init = {}) =>
    ok(what, await t.call(method, path, init));
  const world = (await call('world', 'GET', '/sim/world')).body;
  const [acme, globex] = world.partners;
  const wholesale = acme.templates.find((x: { offer: string }) => x.offer === 'wholesale');
  const bw = await bwWorld(t);

  const phCustomer = (
    await call('PH customer', 'POST', '/partner-hub/api/customers', {
      ...ADMIN,
      json: {
        companyName: 'Pizza Co',
        adminEmail: 'boss@pizza.example',
        provisioningId: wholesale.provisioningId,
        packages: ['webex_calling', 'webex_meetings'],
        headquarters: ADDRESS,
        supportedLocationAttested: true,
      },
    })
  ).body;
  const v1Customer = (
    await call('v1 customer', 'POST', '/v1/wholesale/customers', {
      ...ADMIN,
      json: customerBody(wholesale.provisioningId, { externalId: 'fuzz-1' }),
    })
  ).body;
  await call('clock', 'POST', '/sim/clock', { json: { advance: 'PT5M' } });
  const customerId = phCustomer.id as string;
  const v1CustomerId = (v1Customer.url as string).split('/').pop()!;
  const hq = phCustomer.headquartersLocationId as string;
  const added = (
    await call('users', 'POST', `/partner-hub/api/customers/${customerId}/users`, {
      ...ADMIN,
      json: {
        users: [
          {
            firstName: 'Ana',
            lastName: 'Lima',
            email: 'ana@pizza.example',
            package: 'webex_calling',
            locationId: hq,
            extension: '101',
          },
          {
            firstName: 'Bo',
            lastName: 'Chen',
            email: 'bo@pizza.example',
            package: 'webex_meetings',
            locationId: hq,
          },
        ],
      },
    })
  ).body.items as { id: string }[];
  const free = world.freeAccounts[0] as string;
  const pending = (
    await call('pending subscriber', 'POST', '/v1/wholesale/subscribers', {
      ...ADMIN,
      json: {
        customerId,
        email: free,
        package: 'webex_meetings',
        provisioningParameters: { firstName: 'Free', lastName: 'Account' },
      },
    })
  ).body;
  const consentToken = (await latestLink(t, free)).split('/').pop()!;
  const bwPost = async (extra: Record<string, unknown>) =>
    (
      await call('BroadWorks subscriber', 'POST', '/v1/broadworks/subscribers', {
        ...ADMIN,
        json: bwBody(bw.untrusted.provisioningId, bw.spEnterpriseId, extra),
      })
    ).body as { id: string };
  const bwInput = await bwPost({ userId: 'input@bw.example' });
  const bwValidation = await bwPost({ userId: 'validation@bw.example', email: 'val@x.example' });
  const verifyToken = (await latestLink(t, 'val@x.example')).split('/').pop()!;
  const order = (
    await call('order', 'POST', '/ccw/api/orders', {
      token: 'acme-orderer',
      json: {
        lines: [
          {
            offer: 'A-FLEX',
            provisioningContactEmail: 'buyer@x.example',
            requestedStartDate: '2025-12-01',
          },
          {
            offer: 'EA',
            provisioningContactEmail: 'later@x.example',
            requestedStartDate: '2026-03-01',
          },
        ],
      },
    })
  ).body as { id: string; lines: { id: string }[] };
  const setupToken = (await latestLink(t, 'buyer@x.example')).split('/').pop()!;
  const fault = (
    await call('fault', 'POST', '/sim/faults', {
      json: { path: '/never/matches', status: 503 },
    })
  ).body as { id: string };

  const templateIds = (p: { templates: { id: string }[] }) => p.templates.map((x) => x.id);
  const ids = {
    templateId: [...templateIds(acme), globex.templates[0].id, 'nope'],
    bwTemplateId: [bw.untrusted.id, bw.trusted.id, wholesale.id],
    customerId: [customerId, v1CustomerId, 'nope'],
    userId: [...added.map((u) => u.id), pending.id as string, 'nope'],
    subscriberId: [...added.map((u) => u.id), pending.id as string, bwInput.id, bwValidation.id],
    bwSubscriberId: [bwInput.id, bwValidation.id, added[0]!.id, 'nope'],
    orderId: [order.id, 'nope'],
    lineId: [...order.lines.map((l) => l.id), 'nope'],
    setupToken: [setupToken, 'nope'],
    linkId: [bw.untrusted.linkId, bw.trusted.linkId, 'nope'],
    verifyToken: [verifyToken, 'nope'],
    consentToken: [consentToken, 'nope'],
    faultId: [fault.id, 'nope'],
    enterpriseId: [bw.spEnterpriseId, 'nope'],
    other: ['nope', 'x'.repeat(300)],
  };
  const hints: Record<string, readonly unknown[]> = {
    provisioningId: [
      wholesale.provisioningId,
      bw.untrusted.provisioningId,
      bw.trusted.provisioningId,
      globex.templates[0].provisioningId,
    ],
    customerId: ids.customerId,
    locationId: [hq],
    subscriptionId: acme.subscriptions.map((s: { id: string }) => s.id),
    orderId: ids.orderId,
    lineId: ids.lineId,
    spEnterpriseId: [bw.spEnterpriseId],
    userId: [bw.directory[0]!.userId, 'input@bw.example', 'validation@bw.example'],
    email: ['boss@pizza.example', 'ana@pizza.example', 'new@x.example', free],
    primaryEmail: ['boss@pizza.example', 'new@x.example', free],
    adminEmail: ['boss@pizza.example', 'new@x.example'],
    provisioningContactEmail: ['new@x.example'],
    package: ['webex_calling', 'webex_meetings', 'webex_suite', 'standard', 'premium', null],
    packages: [['webex_calling'], ['webex_meetings'], ['webex_suite', 'attendant_console']],
    country: ['US', 'GB', 'ZZ'],
    language: ['en', 'en_US'],
    timezone: ['America/New_York', 'UTC'],
    requestedStartDate: ['2026-01-01', '2026-02-01T00:00:00Z', 'tomorrow'],
    advance: ['PT5M', 'P1D', 'P100Y', 'P101Y'],
    set: ['2026-06-01T00:00:00Z', '2020-01-01T00:00:00Z', '2200-01-01T00:00:00Z'],
    path: ['/v1/*', '/*a*a*a*a*b', '/never'],
    extension: ['102', '1'],
    phoneNumber: ['+12405551212'],
    primaryPhoneNumber: ['+12405551212'],
    externalId: ['fuzz-1', 'fuzz-2'],
    address: [ADDRESS],
    headquarters: [ADDRESS],
    supportedLocationAttested: [true],
    ...Object.fromEntries(
      Object.keys(DEFAULT_DELAYS).map((d) => [d, ['PT0S', 'PT30S', 'P100Y', 'P101Y', 'P300000Y']]),
    ),
  };
  return { dump: store.dump(), ids, hints };
};
