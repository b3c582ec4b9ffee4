/** Builds the simulator's own OpenAPI 3.0 document (`GET /openapi.json`): Cisco's `/v1` files plus the other surfaces. */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The hand-written surfaces: method, path, summary, statuses (the first is the success). */
const OWN: readonly (readonly [string, string, string, readonly number[]])[] = [
  ['get', '/sim/health', 'Health', [200]],
  ['get', '/sim/world', 'The world: partners, tokens, templates, enterprises, clock, seed', [200]],
  ['post', '/sim/reset', 'Restore the seeded state {seed?}', [200, 400]],
  ['get', '/sim/clock', 'The virtual clock {now, mode, speed}', [200]],
  ['post', '/sim/clock', 'Move the clock {advance?, set?, mode?, speed?}', [200, 400, 409]],
  ['get', '/sim/config', 'Provisioning delays', [200]],
  ['patch', '/sim/config', 'Change delays {delays}', [200, 400]],
  ['get', '/sim/faults', 'Injected faults', [200]],
  ['post', '/sim/faults', 'Inject a request or step fault', [201, 400]],
  ['delete', '/sim/faults', 'Remove every fault', [204]],
  ['delete', '/sim/faults/{id}', 'Remove one fault', [204, 404]],
  ['get', '/sim/mail', 'The outbox, newest first (?to=)', [200, 400]],
  [
    'get',
    '/sim/requests',
    'The request journal, newest first (?method=&path=&status=)',
    [200, 400],
  ],
  ['delete', '/sim/requests', 'Clear the request journal', [204]],
  ['get', '/sim/worlds', 'Worlds', [200]],
  ['post', '/sim/worlds', 'Create a world {seed?, clock?}', [201, 400]],
  ['delete', '/sim/worlds/{id}', 'Drop a world', [204, 404]],
  ['get', '/partner-hub/api/templates', 'Templates', [200, 401, 403]],
  ['post', '/partner-hub/api/templates', 'Create a template', [201, 400, 401, 403]],
  ['get', '/partner-hub/api/templates/{id}', 'A template', [200, 404]],
  ['patch', '/partner-hub/api/templates/{id}', 'Change a template', [200, 400, 404]],
  ['delete', '/partner-hub/api/templates/{id}', 'Delete a template', [204, 404, 409]],
  [
    'get',
    '/partner-hub/api/templates/{id}/user-status',
    'BroadWorks user status (?excludeProvisioned=)',
    [200, 404],
  ],
  ['get', '/partner-hub/api/customers', 'Customers', [200]],
  ['post', '/partner-hub/api/customers', 'Create a customer', [201, 400, 404]],
  ['get', '/partner-hub/api/customers/{id}', 'A customer', [200, 404]],
  ['post', '/partner-hub/api/customers/{id}/locations', 'Add a location', [201, 400, 404, 409]],
  ['get', '/ccw/api/orders', 'Orders', [200]],
  ['post', '/ccw/api/orders', 'Place an order', [201, 400, 403]],
  ['get', '/ccw/api/orders/{id}', 'An order', [200, 404]],
  ['patch', '/ccw/api/orders/{id}', "Change every line's contact", [200, 403, 409]],
  ['patch', '/ccw/api/orders/{id}/lines/{lineId}', "Change a line's contact", [200, 403, 409]],
  [
    'post',
    '/ccw/api/orders/{id}/lines/{lineId}/resend',
    'Resend the provisioning email',
    [202, 403, 409],
  ],
  ['get', '/ccw/api/subscriptions', 'Cloud/SaaS subscriptions (?status=closed)', [200]],
  ['post', '/ccw/api/setup/{token}', 'Set up the service (no token)', [201, 400, 404, 409]],
  ['post', '/ccw/api/cases', 'Open a case', [201, 400, 409]],
  ['post', '/activation/api/{linkId}', 'Self-activate {userId, email}', [202, 400, 404, 409]],
  ['post', '/activation/api/verify/{token}', 'Verify the email', [200, 404]],
];

const tagOf = (path: string): string =>
  path.startsWith('/sim') ? 'sim' : (path.split('/')[1] ?? 'other');

const ownPaths = (): Json => {
  const paths: Json = {};
  for (const [method, path, summary, statuses] of OWN) {
    const parameters = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const responses = Object.fromEntries(
      statuses.map((s) => [
        String(s),
        { description: s < 300 ? 'Success' : 'Error (message, errors[], trackingId)' },
      ]),
    );
    paths[path] = {
      ...paths[path],
      [method]: {
        tags: [tagOf(path)],
        summary,
        ...(parameters.length ? { parameters } : {}),
        ...(method === 'post' || method === 'patch'
          ? { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } } }
          : {}),
        responses,
      },
    };
  }
  return paths;
};

/** Renames `#/components/{kind}/{name}` references of clashing names throughout a value. */
const renameRefs = (value: unknown, renames: ReadonlyMap<string, string>): unknown => {
  if (Array.isArray(value)) return value.map((v) => renameRefs(v, renames));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' ? (renames.get(v) ?? v) : renameRefs(v, renames),
    ]),
  );
};

/** Cisco's files with their paths under `/v1` and their components merged (a clashing name gets the file's prefix). */
export const mergeCisco = (
  files: readonly { prefix: string; doc: Json }[],
): { paths: Json; components: Json } => {
  const paths: Json = {};
  const components: Json = {};
  for (const { prefix, doc } of files) {
    const renames = new Map<string, string>();
    for (const [kind, items] of Object.entries<Json>(doc.components ?? {})) {
      for (const [name, item] of Object.entries(items)) {
        const taken =
          components[kind]?.[name] !== undefined &&
          JSON.stringify(components[kind][name]) !== JSON.stringify(item);
        if (taken)
          renames.set(`#/components/${kind}/${name}`, `#/components/${kind}/${prefix}${name}`);
      }
    }
    const renamed = renameRefs(doc, renames) as Json;
    for (const [kind, items] of Object.entries<Json>(renamed.components ?? {})) {
      for (const [name, item] of Object.entries(items)) {
        const target = renames.has(`#/components/${kind}/${name}`) ? `${prefix}${name}` : name;
        components[kind] = { ...components[kind], [target]: item };
      }
    }
    for (const [path, item] of Object.entries<Json>(renamed.paths ?? {}))
      paths[`/v1${path}`] = { ...item, ...paths[`/v1${path}`] };
  }
  return { paths, components };
};

export const buildOpenApi = (
  cisco: { paths: Json; components: Json },
  serverUrl: string,
): Json => ({
  openapi: '3.0.3',
  info: {
    title: 'provisim',
    version: '0.1.0',
    description:
      "The simulator of Cisco Webex partner provisioning: /v1 from Cisco's published files (CC BY 4.0), the other surfaces its own.",
  },
  servers: [{ url: serverUrl }],
  tags: [
    { name: 'v1' },
    { name: 'partner-hub' },
    { name: 'ccw' },
    { name: 'activation' },
    { name: 'sim' },
  ],
  paths: {
    ...Object.fromEntries(Object.entries(cisco.paths).map(([p, item]) => [p, tagAll(item, 'v1')])),
    ...ownPaths(),
  },
  components: cisco.components,
});

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const tagAll = (item: Json, tag: string): Json =>
  Object.fromEntries(
    Object.entries(item).map(([k, v]) => [k, METHODS.includes(k) ? { ...v, tags: [tag] } : v]),
  );
