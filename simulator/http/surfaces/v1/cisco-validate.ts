import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { ErrorCode, invalidFields, type ErrorItem } from '../../../core/kernel/errors.ts';
import { fail, ok, type Result } from '../../../core/kernel/result.ts';
import { CISCO_REQUESTS, type CiscoRequest } from './cisco-requests.ts';

/**
 * `/v1` requests validated by Cisco's own request schemas (webex-wholesale.json,
 * webex-broadworks.json), compiled once per operation. Cisco's schemas give types, enums and
 * required fields but no lengths; the descriptions' limits are added here (an address line is at
 * most 50 characters, "There is a 50 character limit on each address line"), and sane ones
 * elsewhere, so no pattern ever sees an unbounded string. Like Webex, unknown fields are ignored.
 */
type Json = Record<string, unknown>;

/** Lengths the descriptions state, by field name; everything else gets `STRING_LIMIT`. */
const DESCRIBED_LIMITS: Readonly<Record<string, number>> = {
  addressLine1: 50,
  addressLine2: 50,
  city: 50,
  stateOrProvince: 50,
  zipOrPostalCode: 20,
  email: 254,
  primaryEmail: 254,
  subPartnerAdminEmail: 254,
  country: 2,
};
export const STRING_LIMIT = 1024;
export const ARRAY_LIMIT = 100;

const withLimits = (schema: unknown, name = ''): unknown => {
  if (Array.isArray(schema)) return schema.map((s) => withLimits(s, name));
  if (schema === null || typeof schema !== 'object') return schema;
  const s = { ...(schema as Json) };
  if (s.properties)
    s.properties = Object.fromEntries(
      Object.entries(s.properties as Json).map(([k, v]) => [k, withLimits(v, k)]),
    );
  if (s.items) s.items = withLimits(s.items, name);
  if (s.type === 'string' && s.maxLength === undefined && !s.enum)
    s.maxLength = DESCRIBED_LIMITS[name] ?? STRING_LIMIT;
  if (s.type === 'array' && s.maxItems === undefined) s.maxItems = ARRAY_LIMIT;
  return s;
};

// Made on the first body checked: a server that is never sent one never builds it.
let ajv: Ajv | undefined;
const byOperation = new Map<string, CiscoRequest>(CISCO_REQUESTS.map((r) => [r.operationId, r]));
const compiled = new Map<string, ValidateFunction>();

const compile = (operationId: string): ValidateFunction | undefined => {
  let v = compiled.get(operationId);
  if (!v) {
    const body = byOperation.get(operationId)?.body;
    if (body === undefined) return undefined;
    ajv ??= new Ajv({ allErrors: true, strict: false });
    v = ajv.compile(withLimits(body) as Json);
    compiled.set(operationId, v);
  }
  return v;
};

/** `/provisioningParameters/calling/location` as `provisioningParameters.calling.location`. */
const pathOf = (pointer: string): string =>
  pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');

const article = (t: string): string => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);

/** One Ajv error as a Webex error item naming its field. */
const itemOf = (e: ErrorObject): ErrorItem => {
  const at = pathOf(e.instancePath);
  const p = e.params as Record<string, unknown>;
  const named = (field: string, problem: string, errorCode: number): ErrorItem => ({
    description: `${field || 'body'}: ${problem}`,
    errorCode,
    ...(field ? { field } : {}),
  });
  switch (e.keyword) {
    case 'required': {
      const field = at ? `${at}.${String(p.missingProperty)}` : String(p.missingProperty);
      return named(field, 'is required', ErrorCode.required);
    }
    case 'maxLength':
      return named(at, `must be at most ${String(p.limit)} characters`, ErrorCode.tooLong);
    case 'maxItems':
      return named(at, `must be at most ${String(p.limit)} items`, ErrorCode.tooLong);
    case 'enum':
      return named(
        at,
        `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
        ErrorCode.invalidValue,
      );
    case 'type':
      return named(at, `must be ${article(String(p.type))}`, ErrorCode.invalidValue);
    default:
      return named(at, e.message ?? 'is not valid', ErrorCode.invalidValue);
  }
};

/** Validates a `/v1` request body against Cisco's schema of the operation. */
export const validateCiscoBody = (operationId: string, body: unknown): Result<void> => {
  const v = compile(operationId);
  if (!v) throw new Error(`No request schema for ${operationId} in Cisco's files.`);
  if (v(body)) return ok(undefined);
  const seen = new Set<string>();
  const items = (v.errors ?? [])
    .map(itemOf)
    .filter((i) => !seen.has(i.description) && seen.add(i.description));
  return fail(invalidFields(items));
};

/** The query parameters an operation publishes, with their schema types. */
export const ciscoQuery = (operationId: string) => byOperation.get(operationId)?.query ?? [];

/**
 * Validates the query parameters an operation publishes: booleans are `true` or `false`, numbers
 * are numbers, enums hold (a status filter may repeat and list values, api.md); a required one is
 * there. Others are ignored, as Webex does.
 */
export const validateCiscoQuery = (
  operationId: string,
  query: Readonly<Record<string, readonly string[] | undefined>>,
): Result<void> => {
  const items: ErrorItem[] = [];
  for (const q of ciscoQuery(operationId)) {
    const given = query[q.name];
    const values =
      given === undefined
        ? [undefined]
        : q.name === 'status'
          ? given.flatMap((v) => v.split(',').map((x) => x.trim()))
          : given;
    for (const value of values) checkValue(q, value, items);
  }
  return items.length > 0 ? fail(invalidFields(items)) : ok(undefined);
};

const checkValue = (
  q: CiscoRequest['query'][number],
  value: string | undefined,
  items: ErrorItem[],
): void => {
  const schema = (q.schema ?? {}) as Json;
  const problem = (description: string, errorCode: number = ErrorCode.invalidValue) =>
    items.push({ description: `${q.name}: ${description}`, errorCode, field: q.name });
  if (value === undefined) {
    if (q.required) problem('is required', ErrorCode.required);
    return;
  }
  if (value.length > STRING_LIMIT)
    return void problem(`must be at most ${STRING_LIMIT} characters`, ErrorCode.tooLong);
  if (schema.type === 'boolean' && value !== 'true' && value !== 'false')
    problem('must be true or false');
  if ((schema.type === 'number' || schema.type === 'integer') && !/^-?\d+(\.\d+)?$/.test(value))
    problem('must be a number');
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    problem(`must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`);
};
