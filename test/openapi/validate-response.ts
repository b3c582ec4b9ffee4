import { AssertionError } from 'node:assert';
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { default as addFormatsModule } from 'ajv-formats';

// Validates /v1 answers against the project's copy of Cisco's OpenAPI 3.0 files (architecture.md,
// principle 9). The files' paths omit the `/v1` the simulator serves them under. Where Cisco's schema
// and its examples disagree (they do: see validate-response.test.ts), the schema wins.

interface MediaType {
  readonly schema?: unknown;
}
interface Response {
  readonly $ref?: string;
  readonly content?: Record<string, MediaType>;
}
interface Operation {
  readonly requestBody?: { readonly content?: Record<string, MediaType> };
  readonly responses?: Record<string, Response>;
}
interface Doc {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components?: Record<string, Record<string, unknown>>;
}

export const V1_OPENAPI_FILES = [
  { id: 'wholesale', file: 'openapi/webex-wholesale.json' },
  { id: 'broadworks', file: 'openapi/webex-broadworks.json' },
] as const;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

const docs = V1_OPENAPI_FILES.map((f) => ({ id: f.id, file: f.file, doc: JSON.parse(readFileSync(f.file, 'utf8')) as Doc }));

const VALUES = new Set(['example', 'examples', 'default', 'enum', 'const']); // data, not schemas: kept as they are
const MAPS = new Set(['properties', 'patternProperties', 'schemas', 'definitions', '$defs']); // name → schema: the names are not keywords

const mapOf = (node: unknown, id: string): unknown =>
  node !== null && typeof node === 'object' && !Array.isArray(node)
    ? Object.fromEntries(Object.entries(node).map(([name, schema]) => [name, toAjvSchema(schema, id)]))
    : node;

/**
 * One OpenAPI 3.0 schema (or a components object) as Ajv reads it: `#/components/...` refs point into
 * the file's own schema id (`wholesale#/components/schemas/Customer`), and `nullable: true` lets null
 * through (Ajv's own `nullable` refuses a schema without `type`, such as a `$ref` or a bare `enum`).
 */
export const toAjvSchema = (node: unknown, id: string): unknown => {
  if (Array.isArray(node)) return node.map((n) => toAjvSchema(n, id));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  let nullable = false;
  for (const [k, v] of Object.entries(node)) {
    if (VALUES.has(k)) out[k] = v;
    else if (MAPS.has(k)) out[k] = mapOf(v, id);
    else if (k === 'nullable' && typeof v === 'boolean') nullable = v;
    else if (k === '$ref' && typeof v === 'string' && v.startsWith('#/')) out[k] = `${id}${v}`;
    else out[k] = toAjvSchema(v, id);
  }
  if (!nullable) return out;
  if (typeof out.type === 'string' && out.$ref === undefined) {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...(out.enum as unknown[]), null];
    return out;
  }
  return { anyOf: [{ type: 'null' }, out] };
};

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => void;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv); // includes OpenAPI's int32, int64, float, double, byte, binary and password
ajv.addKeyword({ keyword: 'example' });
for (const { id, doc } of docs) ajv.addSchema({ $id: id, components: toAjvSchema(doc.components ?? {}, id) } as object);

export interface V1OperationMatch {
  /** Which file publishes it: `wholesale` or `broadworks`. */
  readonly id: (typeof V1_OPENAPI_FILES)[number]['id'];
  readonly method: string;
  /** The path template as the simulator serves it, `/v1` included. */
  readonly template: string;
  readonly operation: Operation;
}

const isParam = (segment: string): boolean => /^\{[^/]+\}$/.test(segment);

/**
 * The templates (without `/v1`, as Cisco's files write them) that fit a concrete `/v1` path, best
 * first: at the first segment where two differ, a literal beats a parameter. Equal ones keep their order.
 */
export const orderV1Templates = (templates: readonly string[], path: string): string[] => {
  const bare = path.replace(/[?#].*$/, '');
  if (!bare.startsWith('/v1/')) return [];
  const segments = bare.slice('/v1'.length).split('/');
  const rank = (template: string): string =>
    template
      .split('/')
      .map((p) => (isParam(p) ? '1' : '0'))
      .join('');
  return templates
    .filter((template) => {
      const parts = template.split('/');
      return parts.length === segments.length && parts.every((p, i) => (isParam(p) ? segments[i] !== '' : p === segments[i]));
    })
    .sort((a, b) => rank(a).localeCompare(rank(b)));
};

interface Candidate {
  readonly id: V1OperationMatch['id'];
  readonly template: string;
  readonly item: Record<string, Operation>;
}

/** Every published path item (any method) that fits the concrete path, best first; wholesale before BroadWorks between equals. */
const candidates = (path: string): Candidate[] => {
  const templates = [...new Set(docs.flatMap(({ doc }) => Object.keys(doc.paths)))];
  return orderV1Templates(templates, path).flatMap((template) =>
    docs.flatMap(({ id, doc }) => {
      const item = doc.paths[template];
      return item ? [{ id, template: `/v1${template}`, item }] : [];
    }),
  );
};

/** The published operation a concrete `/v1` request reaches, or undefined. */
export const matchV1Operation = (method: string, path: string): V1OperationMatch | undefined => {
  const m = method.toLowerCase();
  if (!METHODS.includes(m)) return undefined;
  for (const c of candidates(path)) {
    const operation = c.item[m];
    if (operation) return { id: c.id, method: method.toUpperCase(), template: c.template, operation };
  }
  return undefined;
};

/** The response object published for a status: the exact code, then `4XX`-style ranges, then `default`. */
const responseFor = (match: V1OperationMatch, status: number): Response | undefined => {
  const responses = match.operation.responses ?? {};
  const found = responses[String(status)] ?? responses[`${String(status).charAt(0)}XX`] ?? responses.default;
  const ref = found?.$ref;
  if (ref === undefined || !ref.startsWith('#/components/responses/')) return found;
  return docs.find((d) => d.id === match.id)?.doc.components?.responses?.[ref.slice('#/components/responses/'.length)] as Response | undefined;
};

const validators = new Map<string, ValidateFunction>();

const describeError = (e: ErrorObject): string => {
  const where = e.instancePath === '' ? '(body)' : e.instancePath;
  const allowed = e.keyword === 'enum' ? `: ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}` : '';
  return `${where} ${e.message ?? e.keyword}${allowed}`;
};

export type V1Verdict = { ok: true } | { ok: false; errors: string[]; operation: string };

const isEmpty = (body: unknown): boolean => body === undefined || body === null || body === '';

const unmatched = (method: string, path: string): V1Verdict => {
  const request = `${method.toUpperCase()} ${path}`;
  if (!path.startsWith('/v1/')) return { ok: false, errors: [`${path} is not a /v1 path`], operation: request };
  const found = candidates(path);
  const files = V1_OPENAPI_FILES.map((f) => f.file).join(' or ');
  if (found.length === 0) return { ok: false, errors: [`no published operation matches ${request} in ${files}`], operation: request };
  const methods = [...new Set(found.flatMap((c) => Object.keys(c.item).filter((k) => METHODS.includes(k)).map((k) => k.toUpperCase())))].sort();
  return { ok: false, errors: [`${found[0]?.template ?? path} publishes ${methods.join(', ')}, not ${method.toUpperCase()}`], operation: request };
};

/** Compiles a schema once per operation (and status), then validates. */
const check = (key: string, schema: unknown, id: string, body: unknown, operation: string): V1Verdict => {
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(toAjvSchema(schema, id) as object);
    validators.set(key, validate);
  }
  if (validate(body)) return { ok: true };
  return { ok: false, errors: (validate.errors ?? []).map(describeError), operation };
};

/**
 * Checks one answer of a `/v1` operation (a concrete path such as `/v1/wholesale/customers/abc`)
 * against the application/json schema Cisco publishes for its status. A status published without a
 * body (202 for DELETE customer, every 204) wants an empty body (undefined, null or '').
 */
export const validateV1Response = (method: string, path: string, status: number, body: unknown): V1Verdict => {
  const match = matchV1Operation(method, path);
  if (!match) return unmatched(method, path);
  const operation = `${match.method} ${match.template} → ${status}`;
  const response = responseFor(match, status);
  if (!response) {
    const published = Object.keys(match.operation.responses ?? {}).join(', ');
    return { ok: false, errors: [`status ${status} is not published for this operation (published: ${published})`], operation };
  }
  const schema = response.content?.['application/json']?.schema;
  if (schema === undefined) {
    if (isEmpty(body)) return { ok: true };
    return { ok: false, errors: [`the operation publishes no JSON body for status ${status}, but one was sent`], operation };
  }
  return check(`${match.id} ${operation}`, schema, match.id, body, operation);
};

/**
 * Checks a request body of a `/v1` operation against its published application/json schema (for test
 * fixtures and typed samples). An operation that publishes no body wants none.
 */
export const validateV1RequestBody = (method: string, path: string, body: unknown): V1Verdict => {
  const match = matchV1Operation(method, path);
  if (!match) return unmatched(method, path);
  const operation = `${match.method} ${match.template} (request body)`;
  const schema = match.operation.requestBody?.content?.['application/json']?.schema;
  if (schema === undefined) {
    if (isEmpty(body)) return { ok: true };
    return { ok: false, errors: ['the operation publishes no JSON request body, but one was given'], operation };
  }
  return check(`${match.id} ${operation}`, schema, match.id, body, operation);
};

/** For tests: throws an AssertionError listing every schema violation, unless the answer matches Cisco's file. */
export const expectValidV1Response = (answer: { readonly status: number; readonly body: unknown }, method: string, path: string): void => {
  const v = validateV1Response(method, path, answer.status, answer.body);
  if (v.ok) return;
  const shown = JSON.stringify(answer.body) ?? 'undefined';
  throw new AssertionError({
    message: `${v.operation} does not match Cisco's OpenAPI file:\n  ${v.errors.join('\n  ')}\nbody: ${shown.length > 600 ? `${shown.slice(0, 600)}…` : shown}`,
  });
};
