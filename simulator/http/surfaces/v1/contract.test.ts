import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADMIN } from '../../../../test/fixtures/wholesale.ts';
import { createValidatingApp } from '../../../../test/openapi/validating-app.ts';
import type { TestApp } from '../../../adapters/testing.ts';
import { CISCO_REQUESTS } from './cisco-requests.ts';

// Issue 12, "Done when": every operation of Cisco's files takes Cisco's own request example (its
// ids adapted to this world) and answers a 2xx that validates against the file; every required
// field and every enum of a request refused in the Webex shape, nothing changed. Cisco's examples
// wrap some values in quotes (`"\"US\""`, `"'en'"`): an artefact of their generator that their own
// descriptions contradict (an ISO 3166 code, a language code), so the quotes are taken off here.

type Json = Record<string, unknown>;
const FILES = ['openapi/webex-wholesale.json', 'openapi/webex-broadworks.json'].map(
  (f) => JSON.parse(readFileSync(f, 'utf8')) as { paths: Record<string, Record<string, Json>> },
);
const exampleOf = (operationId: string): Json | undefined => {
  for (const doc of FILES)
    for (const item of Object.values(doc.paths))
      for (const op of Object.values(item))
        if (op.operationId === operationId) {
          const content = (op.requestBody as Json | undefined)?.content as Json | undefined;
          return (content?.['application/json'] as Json | undefined)?.example as Json | undefined;
        }
  return undefined;
};

const unquote = (v: unknown): unknown =>
  typeof v === 'string'
    ? v.replace(/^"(.*)"$/s, '$1').replace(/^'(.*)'$/s, '$1')
    : Array.isArray(v)
      ? v.map(unquote)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unquote(x)]))
        : v;

/** Cisco's example of an operation, quotes off, some values replaced by this world's ids. */
const example = (operationId: string, ids: Json = {}): Json => {
  const body = unquote(structuredClone(exampleOf(operationId))) as Json;
  const set = (target: Json, path: string, value: unknown) => {
    const keys = path.split('.');
    let node = target;
    for (const k of keys.slice(0, -1)) node = node[k] as Json;
    node[keys.at(-1)!] = value;
  };
  for (const [path, value] of Object.entries(ids)) set(body, path, value);
  return body;
};

interface World {
  readonly t: TestApp;
  readonly wholesaleId: string;
  readonly broadworksId: string;
  readonly spEnterpriseId: string;
  readonly customerId: string;
  readonly locationId: string;
}

/** A world with a provisioned customer (calling, meetings), its location, and the templates. */
const setUp = async (operationId?: string): Promise<World> => {
  const start = operationId === undefined ? undefined : STARTS[operationId];
  const t = createValidatingApp(start ? { clock: { mode: 'frozen', start } } : {});
  const partner = (await t.call('GET', '/sim/world')).body.partners[0];
  const template = (offer: string, trust?: string) =>
    partner.templates.find(
      (x: { offer: string; emailTrust?: string }) =>
        x.offer === offer && (trust === undefined || x.emailTrust === trust),
    ).provisioningId as string;
  const wholesaleId = template('wholesale');
  const made = await t.call('POST', '/v1/wholesale/customers', {
    ...ADMIN,
    json: example('Provision a Wholesale Customer', {
      provisioningId: wholesaleId,
      packages: ['webex_calling', 'webex_meetings', 'common_area_calling'],
      'customerInfo.primaryEmail': 'owner@world.example',
      orgId:
        'Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi8xMTExMTExMS0yMjIyLTMzMzMtNDQ0NC01NTU1NTU1NTU1NTU',
    }),
  });
  expect(made.status, JSON.stringify(made.body)).toBe(202);
  await t.call('POST', '/sim/clock', { json: { advance: 'PT5M' } });
  const customerId = (made.body.url as string).split('/').pop()!;
  const orgId = (await t.call('GET', `/v1/wholesale/customers/${customerId}`, ADMIN)).body.orgId;
  const locationId = (await t.call('GET', `/v1/locations?orgId=${orgId}`, ADMIN)).body.items[0].id;
  return {
    t,
    wholesaleId,
    broadworksId: template('broadworks', 'trusted'),
    spEnterpriseId: partner.enterprises[0].spEnterpriseId,
    customerId,
    locationId,
  };
};

/**
 * Where the clock starts for an operation, when the world's default will not do: a wholesale
 * report may cover the last five years only, and Cisco's example asks for May 2020.
 */
const STARTS: Readonly<Record<string, string>> = Object.fromEntries(
  ['Create', 'Get', 'Delete'].map((verb) => [
    `${verb} a Wholesale Billing Report`,
    '2021-06-16T12:00:00Z',
  ]),
);

interface Call {
  readonly method: string;
  readonly path: string;
  readonly body?: Json;
}

/** How to call each operation with Cisco's example, in a world set up for it. */
const RECIPES: Readonly<Record<string, (w: World) => Promise<Call>>> = {
  'List Wholesale Customers': async () => ({ method: 'GET', path: '/v1/wholesale/customers' }),
  'Provision a Wholesale Customer': async (w) => ({
    method: 'POST',
    path: '/v1/wholesale/customers',
    body: example('Provision a Wholesale Customer', {
      provisioningId: w.wholesaleId,
      externalId: 'another-customer',
    }),
  }),
  'Get a Wholesale Customer': async (w) => ({
    method: 'GET',
    path: `/v1/wholesale/customers/${w.customerId}?includePackageLicenseInfo=true`,
  }),
  'Update a Wholesale Customer': async (w) => ({
    method: 'PUT',
    path: `/v1/wholesale/customers/${w.customerId}`,
    body: example('Update a Wholesale Customer', {
      packages: ['webex_calling', 'webex_meetings', 'common_area_calling'],
    }),
  }),
  'Remove a Wholesale Customer': async (w) => ({
    method: 'DELETE',
    path: `/v1/wholesale/customers/${w.customerId}`,
  }),
  'Precheck a Wholesale Customer Provisioning': async () => ({
    method: 'POST',
    path: '/v1/wholesale/customers/validate',
    body: example('Precheck a Wholesale Customer Provisioning'),
  }),
  'List Wholesale Sub-partners': async () => ({ method: 'GET', path: '/v1/wholesale/subPartners' }),
  'List Wholesale Subscribers': async () => ({ method: 'GET', path: '/v1/wholesale/subscribers' }),
  'Provision a Wholesale Subscriber': async (w) => ({
    method: 'POST',
    path: '/v1/wholesale/subscribers',
    body: example('Provision a Wholesale Subscriber', {
      customerId: w.customerId,
      'provisioningParameters.locationId': w.locationId,
    }),
  }),
  'Get a Wholesale Subscriber': async (w) => ({
    method: 'GET',
    path: `/v1/wholesale/subscribers/${await subscriberOf(w)}`,
  }),
  'Update a Wholesale Subscriber': async (w) => ({
    method: 'PUT',
    path: `/v1/wholesale/subscribers/${await subscriberOf(w)}`,
    body: example('Update a Wholesale Subscriber', {
      'provisioningParameters.locationId': w.locationId,
    }),
  }),
  'Remove a Wholesale Subscriber': async (w) => ({
    method: 'DELETE',
    path: `/v1/wholesale/subscribers/${await subscriberOf(w)}`,
  }),
  'Precheck a Wholesale Subscriber Provisioning': async (w) => ({
    method: 'POST',
    path: '/v1/wholesale/subscribers/validate',
    body: example('Precheck a Wholesale Subscriber Provisioning', { customerId: w.customerId }),
  }),
  'Send Consent User Move Email to Pending Wholesale Subscribers': async (w) => {
    const free = (await w.t.call('GET', '/sim/world')).body.freeAccounts[0];
    const s = await w.t.call('POST', '/v1/wholesale/subscribers', {
      ...ADMIN,
      json: {
        customerId: w.customerId,
        email: free,
        packages: ['webex_meetings'],
        provisioningParameters: {},
      },
    });
    return { method: 'POST', path: `/v1/subscribers/${s.body.id}/emails/consentMove` };
  },
  'List BroadWorks Enterprises': async () => ({
    method: 'GET',
    path: '/v1/broadworks/enterprises',
  }),
  'List BroadWorks Subscribers': async () => ({
    method: 'GET',
    path: '/v1/broadworks/subscribers',
  }),
  'Provision a BroadWorks Subscriber': async (w) => ({
    method: 'POST',
    path: '/v1/broadworks/subscribers',
    body: example('Provision a BroadWorks Subscriber', {
      provisioningId: w.broadworksId,
      spEnterpriseId: w.spEnterpriseId,
    }),
  }),
  'Get a BroadWorks Subscriber': async (w) => ({
    method: 'GET',
    path: `/v1/broadworks/subscribers/${await bwSubscriberOf(w)}`,
  }),
  'Update a BroadWorks Subscriber': async (w) => {
    const id = await bwSubscriberOf(w);
    await w.t.call('POST', '/sim/clock', { json: { advance: 'PT1M' } });
    return {
      method: 'PUT',
      path: `/v1/broadworks/subscribers/${id}`,
      body: example('Update a BroadWorks Subscriber'),
    };
  },
  'Remove a BroadWorks Subscriber': async (w) => ({
    method: 'DELETE',
    path: `/v1/broadworks/subscribers/${await bwSubscriberOf(w)}`,
  }),
  'Precheck a Broadworks Subscriber Provisioning': async (w) => ({
    method: 'POST',
    path: '/v1/broadworks/subscribers/validate',
    body: example('Precheck a Broadworks Subscriber Provisioning', {
      provisioningId: w.broadworksId,
      spEnterpriseId: w.spEnterpriseId,
    }),
  }),
  'List Wholesale Billing Reports': async () => ({
    method: 'GET',
    path: '/v1/wholesale/billing/reports?type=PARTNER&status=COMPLETED&sortBy=status',
  }),
  'Create a Wholesale Billing Report': async (w) => wholesaleReportCall(w),
  'Get a Wholesale Billing Report': async (w) => ({
    method: 'GET',
    path: `/v1/wholesale/billing/reports/${await reportOf(w, await wholesaleReportCall(w))}`,
  }),
  'Delete a Wholesale Billing Report': async (w) => ({
    method: 'DELETE',
    path: `/v1/wholesale/billing/reports/${await reportOf(w, await wholesaleReportCall(w))}`,
  }),
  'List BroadWorks Billing Reports': async () => ({
    method: 'GET',
    path: '/v1/broadworks/billing/reports?sortBy=billingPeriod',
  }),
  'Create a BroadWorks Billing Report': async () => broadworksReportCall(),
  'Get a BroadWorks Billing Report': async (w) => ({
    method: 'GET',
    path: `/v1/broadworks/billing/reports/${await reportOf(w, await broadworksReportCall())}`,
  }),
  'Delete a BroadWorks Billing Report': async (w) => ({
    method: 'DELETE',
    path: `/v1/broadworks/billing/reports/${await reportOf(w, await broadworksReportCall())}`,
  }),
  'Get Directory Sync Status for an Enterprise': async (w) => ({
    method: 'GET',
    path: await syncPath(w),
  }),
  'Update Directory Sync for a BroadWorks Enterprise': async (w) => ({
    method: 'PUT',
    path: await syncPath(w),
    body: example('Update Directory Sync for a BroadWorks Enterprise'),
  }),
  'Trigger Directory Sync for an Enterprise': async (w) => ({
    method: 'POST',
    path: await enabledSync(w),
    body: example('Trigger Directory Sync for an Enterprise'),
  }),
  'Trigger Directory Sync for a User': async (w) => {
    const path = await enabledSync(w);
    const partner = (await w.t.call('GET', '/sim/world')).body.partners[0];
    return {
      method: 'POST',
      path: `${path}/externalUser`,
      body: example('Trigger Directory Sync for a User', {
        userId: partner.enterprises[0].directory[0].userId,
      }),
    };
  },
  provisionBroadWorksWorkspace: async (w) => ({
    method: 'POST',
    path: '/v1/broadworks/workspaces',
    body: workspaceBody(w),
  }),
  updateBroadworksWorkspace: async (w) => ({
    method: 'PUT',
    path: `/v1/broadworks/workspaces/${await workspaceOf(w)}`,
    body: example('updateBroadworksWorkspace'),
  }),
  removeBroadWorksWorkspace: async (w) => ({
    method: 'DELETE',
    path: `/v1/broadworks/workspaces/${await workspaceOf(w)}`,
  }),
};

const wholesaleReportCall = async (w: World): Promise<Call> => {
  const sub = (await w.t.call('GET', '/v1/wholesale/subPartners', ADMIN)).body.items[0].orgId;
  return {
    method: 'POST',
    path: '/v1/wholesale/billing/reports',
    body: example('Create a Wholesale Billing Report', { subPartnerOrgId: sub }),
  };
};

const broadworksReportCall = async (): Promise<Call> => {
  return {
    method: 'POST',
    path: '/v1/broadworks/billing/reports',
    body: example('Create a BroadWorks Billing Report'),
  };
};

const reportOf = async (w: World, call: Call): Promise<string> => {
  const r = await send(w, call);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.id as string;
};

const syncPath = async (w: World): Promise<string> => {
  const e = (await w.t.call('GET', '/v1/broadworks/enterprises', ADMIN)).body.items[0];
  return `/v1/broadworks/enterprises/${e.id}/broadworksDirectorySync`;
};

/** The sync path of an enterprise whose directory sync is on (Cisco's PUT example). */
const enabledSync = async (w: World): Promise<string> => {
  const path = await syncPath(w);
  const on = await send(w, {
    method: 'PUT',
    path,
    body: example('Update Directory Sync for a BroadWorks Enterprise'),
  });
  expect(on.status, JSON.stringify(on.body)).toBe(200);
  return path;
};

const workspaceBody = (w: World): Json =>
  example('provisionBroadWorksWorkspace', {
    provisioningId: w.broadworksId,
    spEnterpriseId: w.spEnterpriseId,
  });

const workspaceOf = async (w: World): Promise<string> => {
  const r = await send(w, {
    method: 'POST',
    path: '/v1/broadworks/workspaces',
    body: workspaceBody(w),
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.id as string;
};

const subscriberOf = async (w: World): Promise<string> => {
  const r = await w.t.call('POST', '/v1/wholesale/subscribers', {
    ...ADMIN,
    json: example('Provision a Wholesale Subscriber', {
      customerId: w.customerId,
      'provisioningParameters.locationId': w.locationId,
    }),
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.id as string;
};

const bwSubscriberOf = async (w: World): Promise<string> => {
  const r = await w.t.call('POST', '/v1/broadworks/subscribers', {
    ...ADMIN,
    json: example('Provision a BroadWorks Subscriber', {
      provisioningId: w.broadworksId,
      spEnterpriseId: w.spEnterpriseId,
    }),
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.id as string;
};

const send = (w: World, c: Call) =>
  w.t.call(c.method, c.path, { ...ADMIN, ...(c.body !== undefined ? { json: c.body } : {}) });

describe("Cisco's own request examples answer a 2xx valid against the file", () => {
  // The two files publish 37 operations on 36 method and path pairs: both publish
  // `POST /v1/subscribers/{id}/emails/consentMove`, served once for either kind of subscriber.
  it('has a recipe for every method and path of the two files', () => {
    expect(Object.keys(RECIPES).sort()).toEqual(CISCO_REQUESTS.map((r) => r.operationId).sort());
    expect(CISCO_REQUESTS).toHaveLength(36);
  });

  it.each(Object.keys(RECIPES))('%s', async (operationId) => {
    const w = await setUp(operationId);
    const call = await RECIPES[operationId]!(w);
    const r = await send(w, call);
    expect(r.status, JSON.stringify(r.body)).toBeGreaterThanOrEqual(200);
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
  });
});

/** Every required field of a schema, as paths into a body that has them (`address.city`). */
const requiredPaths = (schema: Json, body: Json, prefix = ''): string[] =>
  Object.entries((schema.properties as Record<string, Json> | undefined) ?? {}).flatMap(
    ([name, sub]) => {
      const path = prefix ? `${prefix}.${name}` : name;
      const here = ((schema.required as string[] | undefined) ?? []).includes(name) ? [path] : [];
      const value = body[name];
      const nested =
        sub.type === 'object' &&
        value !== null &&
        typeof value === 'object' &&
        !Array.isArray(value)
          ? requiredPaths(sub, value as Json, path)
          : [];
      return [...here, ...nested];
    },
  );

/** Every enum of a schema the body uses, as `[path, isArrayItem]`. */
const enumPaths = (schema: Json, body: Json, prefix = ''): [string, boolean][] =>
  Object.entries((schema.properties as Record<string, Json> | undefined) ?? {}).flatMap(
    ([name, sub]): [string, boolean][] => {
      const path = prefix ? `${prefix}.${name}` : name;
      const value = body[name];
      if (value === undefined) return [];
      if (sub.enum) return [[path, false]];
      if (sub.type === 'array' && (sub.items as Json | undefined)?.enum) return [[path, true]];
      if (sub.type === 'object' && value !== null && typeof value === 'object')
        return enumPaths(sub, value as Json, path);
      return [];
    },
  );

const without = (body: Json, path: string): Json => {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let node = copy;
  for (const k of keys.slice(0, -1)) node = node[k] as Json;
  delete node[keys.at(-1)!];
  return copy;
};
const withValue = (body: Json, path: string, value: unknown): Json => {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let node = copy;
  for (const k of keys.slice(0, -1)) node = node[k] as Json;
  node[keys.at(-1)!] = value;
  return copy;
};

const writes = Object.keys(RECIPES).filter(
  (id) => CISCO_REQUESTS.find((r) => r.operationId === id)?.body !== undefined,
);

describe('every required field and every enum of a request is enforced, nothing changed', () => {
  it.each(writes)('%s', async (operationId) => {
    const w = await setUp(operationId);
    const call = await RECIPES[operationId]!(w);
    const schema = CISCO_REQUESTS.find((r) => r.operationId === operationId)!.body as Json;
    const cases: [string, Json, number][] = [
      ...requiredPaths(schema, call.body!).map((p): [string, Json, number] => [
        p,
        without(call.body!, p),
        1001,
      ]),
      ...enumPaths(schema, call.body!).map(([p, list]): [string, Json, number] => [
        p,
        withValue(call.body!, p, list ? ['no_such_value'] : 'no_such_value'),
        1100,
      ]),
    ];
    for (const [path, body, code] of cases) {
      const before = JSON.stringify(w.t.store.dump());
      const r = await send(w, { ...call, body });
      expect(r.status, `${operationId} ${path}`).toBe(400);
      expect(r.body.trackingId, path).toMatch(/^PROVISIM_/);
      expect(
        r.body.errors.some(
          (e: { description: string; errorCode?: number }) =>
            e.errorCode === code && e.description.startsWith(path),
        ),
        `${operationId} ${path}: ${JSON.stringify(r.body.errors)}`,
      ).toBe(true);
      expect(JSON.stringify(w.t.store.dump()), path).toBe(before);
    }
  });
});
