import fc from 'fast-check';
import { z } from 'zod';
import { formSchema } from '../../simulator/core/broadworks/activation.ts';
import { BW_PACKAGES } from '../../simulator/core/broadworks/subscribers.ts';
import { caseSchema, orderSchema, setupSchema } from '../../simulator/core/ccw/orders.ts';
import { emailField, text } from '../../simulator/core/kernel/fields.ts';
import { DEFAULT_DELAYS } from '../../simulator/core/sim/config.ts';
import { requestFaultSchema, stepFaultSchema } from '../../simulator/core/sim/faults.ts';
import { ALL_COLUMNS } from '../../simulator/core/subscribers/csv.ts';
import { apiRoutes } from '../../simulator/http/api-routes.ts';
import { openApiPath, type ApiRoute } from '../../simulator/http/route-table.ts';
import wholesale from '../../openapi/webex-wholesale.json' with { type: 'json' };
import broadworks from '../../openapi/webex-broadworks.json' with { type: 'json' };
import type { BaseWorld } from './base-world.ts';
import { fromSchema, NASTY } from './schema-arbitrary.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One generated request. `body` is JSON to send; `raw` bytes sent as they are. */
export interface FuzzRequest {
  readonly method: string;
  readonly path: string;
  readonly token?: string | undefined;
  readonly contentType?: string | undefined;
  readonly body?: string | Uint8Array | undefined;
}

export interface Endpoint {
  readonly surface: 'partner-hub' | 'ccw' | 'activation' | 'sim' | 'v1';
  readonly name: string;
  readonly method: string;
  /** The path with `{param}` placeholders, and what each names in the world. */
  readonly template: string;
  readonly params: Readonly<Record<string, string>>;
  /** The JSON Schema of the body (none: no body), and the document its `$ref`s point into. */
  readonly schema?: Json | undefined;
  readonly root?: Json | undefined;
  readonly request: (w: BaseWorld) => fc.Arbitrary<FuzzRequest>;
}

/** How often (out of 100) a body node is nasty instead of valid. */
const NASTY_WEIGHT = 8;

const zodJson = (schema: z.ZodType): Json =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;

/** `{id}` placeholders filled from the world's ids (by the name given), sometimes with junk. */
export const pathOf = (w: BaseWorld, template: string, names: Record<string, string>) =>
  fc
    .record(
      Object.fromEntries(
        [...template.matchAll(/\{(\w+)\}/g)].map(([, p]) => [
          p!,
          fc.oneof(
            { arbitrary: fc.constantFrom(...(w.ids[names[p!] ?? p!] ?? w.ids.other!)), weight: 6 },
            { arbitrary: fc.constantFrom('nope', '..', '%2e%2e', 'x'.repeat(300)), weight: 1 },
          ),
        ]),
      ),
    )
    .map((values) =>
      template.replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent(values[p] ?? '')),
    );

const TOKENS = fc.oneof(
  { arbitrary: fc.constant('acme-admin'), weight: 12 },
  {
    arbitrary: fc.constantFrom(
      'acme-readonly',
      'acme-orderer',
      'acme-viewer',
      'globex-admin',
      'bogus',
      undefined,
    ),
    weight: 2,
  },
);

/** How the body goes on the wire: mostly JSON, now and then broken in one of the usual ways. */
const encode = fc.oneof(
  { arbitrary: fc.constant('json' as const), weight: 16 },
  {
    arbitrary: fc.constantFrom(
      'truncated' as const,
      'not-utf8' as const,
      'text/plain' as const,
      'empty' as const,
      'deep' as const,
    ),
    weight: 1,
  },
);

const wire = (value: unknown, how: string): Partial<FuzzRequest> => {
  const json = JSON.stringify(value) ?? 'null';
  switch (how) {
    case 'truncated':
      return { contentType: 'application/json', body: json.slice(0, Math.max(1, json.length - 2)) };
    case 'not-utf8':
      return {
        contentType: 'application/json',
        body: new Uint8Array([...new TextEncoder().encode(json.slice(0, -1)), 0xc3, 0x28, 0x7d]),
      };
    case 'text/plain':
      return { contentType: 'text/plain', body: json };
    case 'empty':
      return { contentType: 'application/json', body: '' };
    case 'deep':
      return { contentType: 'application/json', body: `${'['.repeat(5_000)}${']'.repeat(5_000)}` };
    default:
      return { contentType: 'application/json', body: json };
  }
};

const json = (
  surface: Endpoint['surface'],
  method: string,
  template: string,
  schema: Json | undefined,
  names: Record<string, string> = {},
  root?: Json,
): Endpoint => ({
  surface,
  name: `${method} ${template}`,
  method,
  template,
  params: names,
  schema,
  root,
  request: (w) =>
    fc
      .record({
        path: pathOf(w, template, names),
        token: TOKENS,
        value: schema
          ? fromSchema(schema, { hints: w.hints, nasty: NASTY_WEIGHT, ...(root ? { root } : {}) })
          : fc.constant(undefined),
        how: encode,
      })
      .map(({ path, token, value, how }) => ({
        method,
        path,
        token,
        ...(schema ? wire(value, how) : {}),
      })),
});

/** A users CSV: some of the columns in any order, cells from the world's values and nasty ones. */
const csvImport = (template: string, params: Record<string, string>): Endpoint => ({
  surface: 'partner-hub',
  name: `POST ${template}`,
  method: 'POST',
  template,
  params,
  request: (w) => {
    const cell = fc.oneof(
      fc.constantFrom('TRUE', 'FALSE', '', 'maybe', 'Headquarters', '+12405551212', '102'),
      fc.constantFrom(...(w.hints.email as string[])),
      fc.emailAddress(),
      NASTY.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))),
    );
    const quoted = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    return fc
      .record({
        path: pathOf(w, template, params),
        behavior: fc.constantFrom('default', 'add_and_remove_services', 'bogus'),
        columns: fc.shuffledSubarray([...ALL_COLUMNS, 'Unknown Column'], { minLength: 1 }),
        rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 30 }), { maxLength: 6 }),
        token: TOKENS,
        bom: fc.boolean(),
      })
      .map(({ path, behavior, columns, rows, token, bom }) => ({
        method: 'POST',
        path: `${path}?behavior=${behavior}`,
        token,
        contentType: 'text/csv',
        body:
          (bom ? '\uFEFF' : '') +
          [columns, ...rows.map((r) => columns.map((_, i) => r[i % r.length] ?? ''))]
            .map((r) => r.map(quoted).join(','))
            .join('\r\n'),
      }));
  },
});

const email = zodJson(z.strictObject({ email: emailField }));
const contact = zodJson(z.strictObject({ provisioningContactEmail: emailField }));
const bwPackage = zodJson(z.strictObject({ package: z.enum(BW_PACKAGES) }));
const config = zodJson(
  z.strictObject({
    delays: z
      .partialRecord(z.enum(Object.keys(DEFAULT_DELAYS) as [string, ...string[]]), text(64))
      .optional(),
  }),
);
/** The bodies of the JSON routes the route table does not give a schema for, by method and path. */
const JSON_BODIES: Readonly<Record<string, Json>> = {
  'POST /partner-hub/api/templates/{id}/user-status/{subscriberId}/retry-activation': email,
  'POST /partner-hub/api/templates/{id}/user-status/{subscriberId}/change-package': bwPackage,
  'POST /ccw/api/setup/{token}': zodJson(setupSchema),
  'POST /ccw/api/orders': zodJson(orderSchema),
  'PATCH /ccw/api/orders/{id}': contact,
  'PATCH /ccw/api/orders/{id}/lines/{lineId}': contact,
  'POST /ccw/api/cases': zodJson(caseSchema),
  'POST /activation/api/{linkId}': zodJson(formSchema),
  'PATCH /sim/config': config,
  'POST /sim/faults': zodJson(z.union([requestFaultSchema, stepFaultSchema])),
  // A world document: the shape's outline, so most are refused (400) for what they lack.
  'POST /sim/import': zodJson(
    z.strictObject({
      format: z.literal('provisim-world'),
      version: z.number().int(),
      at: text(64),
      collections: z.record(text(32), z.array(z.looseObject({ id: text(64) }))),
    }),
  ),
};

/** What a path parameter names in the world, told by the path segment before it. */
const paramNames = (template: string): Record<string, string> => {
  const names: Record<string, string> = {};
  const parts = template.split('/');
  parts.forEach((part, i) => {
    const m = /^\{(\w+)\}$/.exec(part);
    if (!m) return;
    const before = parts[i - 1] ?? '';
    names[m[1]!] =
      {
        templates: 'templateId',
        customers: 'customerId',
        users: 'userId',
        'user-status': 'bwSubscriberId',
        orders: 'orderId',
        lines: 'lineId',
        setup: 'setupToken',
        verify: 'verifyToken',
        faults: 'faultId',
        api: template.startsWith('/consent/') ? 'consentToken' : 'linkId',
      }[before] ?? 'other';
  });
  if (template.includes('/user-status/')) names.id = 'bwTemplateId';
  return names;
};

/**
 * Every write route of the route table but `/v1` (Partner Hub, CCW, the activation portal, the
 * consent link, `/sim`), each with the route's own Zod schema, or the one its handler validates with.
 */
const tableEndpoints = (routes: readonly ApiRoute[]): Endpoint[] =>
  routes
    .filter((r) => r.method !== 'GET' && r.tag !== 'v1')
    .map((r) => {
      const template = openApiPath(r.path);
      const key = `${r.method} ${template}`;
      const params = paramNames(template);
      if (r.body === 'text/csv') return csvImport(template, params);
      const schema =
        r.body === 'json'
          ? JSON_BODIES[key]
          : r.body && typeof r.body === 'object'
            ? zodJson(r.body)
            : undefined;
      if (r.body === 'json' && !schema)
        throw new Error(`${key} takes JSON: give the fuzz its schema in JSON_BODIES`);
      return json(r.tag, r.method, template, schema, params);
    });

/** Every write route of the simulator's own surfaces, `/sim` included (it is on the table). */
export const OWN_ENDPOINTS: readonly Endpoint[] = tableEndpoints(apiRoutes());

/** What each path parameter of Cisco's files names in the world. */
const V1_PARAMS: Record<string, string> = {
  customerId: 'customerId',
  subscriberId: 'subscriberId',
  id: 'enterpriseId',
  workspaceId: 'other',
};

/** Every write operation of Cisco's two files, its body generated from the file's request schema. */
export const V1_ENDPOINTS: readonly Endpoint[] = [wholesale as Json, broadworks as Json].flatMap(
  (doc) =>
    Object.entries<Json>(doc.paths).flatMap(([path, item]) =>
      ['post', 'put', 'patch', 'delete']
        .filter((m) => item[m])
        .map((m) => {
          const schema = item[m].requestBody?.content?.['application/json']?.schema as
            Json | undefined;
          return json('v1', m.toUpperCase(), `/v1${path}`, schema, V1_PARAMS, doc);
        }),
    ),
);
