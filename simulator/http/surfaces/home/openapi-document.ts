import { z } from 'zod';
import { openApiPath, type ApiRoute, type RouteMeta } from '../../route-table.ts';

/**
 * Builds the simulator's own OpenAPI 3.0 document (`GET /openapi.json`) from the route table:
 * Cisco's operations as Cisco's files describe them, and the other surfaces from their routes'
 * summaries, statuses and request schemas. What is served and what is documented are one list.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ERROR_REF = { $ref: '#/components/schemas/ProvisimError' };
const PROVISIM_ERROR = {
  type: 'object',
  description: 'The Webex error shape of every rejection (SIM-2).',
  required: ['message', 'errors', 'trackingId'],
  properties: {
    message: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['description'],
        properties: { description: { type: 'string' }, errorCode: { type: 'number' } },
      },
    },
    trackingId: { type: 'string' },
  },
};

const pathParameters = (path: string) =>
  [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));

const responsesOf = (statuses: readonly number[], answer?: Json): Json =>
  Object.fromEntries(
    statuses.map((s) => [
      String(s),
      s === 204
        ? { description: 'No content' }
        : s < 300
          ? {
              description: 'Success',
              content: { 'application/json': { schema: answer ?? { type: 'object' } } },
            }
          : { description: 'Error', content: { 'application/json': { schema: ERROR_REF } } },
    ]),
  );

const jsonSchemaOf = (schema: z.ZodType): Json => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'openapi-3.0',
  }) as Json;
  return rest;
};

const requestBodyOf = (body: RouteMeta['body']): Json | undefined => {
  if (body === undefined || body === 'none') return undefined;
  if (body === 'text/csv')
    return { required: true, content: { 'text/csv': { schema: { type: 'string' } } } };
  const schema = body === 'json' ? { type: 'object' } : jsonSchemaOf(body);
  return { required: true, content: { 'application/json': { schema } } };
};

/** The simulator's own operations, from the route table. */
const ownPaths = (routes: readonly ApiRoute[]): Json => {
  const paths: Json = {};
  const add = (method: string, path: string, op: Json) =>
    (paths[path] = { ...paths[path], [method]: op });
  for (const r of routes) {
    if (r.operationId) continue;
    const path = openApiPath(r.path);
    const params = pathParameters(path);
    const requestBody = requestBodyOf(r.body);
    add(r.method.toLowerCase(), path, {
      tags: [r.tag],
      summary: r.summary,
      ...(params.length ? { parameters: params } : {}),
      ...(requestBody ? { requestBody } : {}),
      ...(r.public ? { security: [] } : {}),
      responses: responsesOf(r.responses, r.answer ? jsonSchemaOf(r.answer) : undefined),
    });
  }
  return paths;
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** Cisco's operations the route table serves, as Cisco's files describe them. */
const ciscoPaths = (cisco: { paths: Json }, routes: readonly ApiRoute[]): Json => {
  const byOperation = new Map(routes.filter((r) => r.operationId).map((r) => [r.operationId, r]));
  const paths: Json = {};
  for (const [path, item] of Object.entries<Json>(cisco.paths)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      const route = op ? byOperation.get(op.operationId as string) : undefined;
      if (!op || !route) continue;
      paths[path] = {
        ...paths[path],
        ...(item.parameters ? { parameters: item.parameters } : {}),
        [method]: { ...op, tags: ['v1'] },
      };
    }
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
  routes: readonly ApiRoute[],
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
  paths: { ...ciscoPaths(cisco, routes), ...ownPaths(routes) },
  components: {
    ...cisco.components,
    schemas: { ...cisco.components.schemas, ProvisimError: PROVISIM_ERROR },
  },
});
