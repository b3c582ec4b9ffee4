import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { default as addFormatsModule } from 'ajv-formats';

// Validates /v1 answers against the project's copy of Cisco's OpenAPI files (architecture.md,
// principle 9). Where Cisco's schema and its examples disagree, the schema wins.

interface Operation {
  readonly responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface Doc {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components?: { schemas?: Record<string, unknown> };
}

const FILES = [
  { id: 'wholesale', file: 'openapi/webex-wholesale.json' },
  { id: 'broadworks', file: 'openapi/webex-broadworks.json' },
] as const;

const docs = FILES.map((f) => ({ id: f.id, doc: JSON.parse(readFileSync(f.file, 'utf8')) as Doc }));
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => void;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addKeyword({ keyword: 'example' });
ajv.addKeyword({ keyword: 'x-ballerina-name' });

/** Makes `#/components/...` refs point into the file's own schema id, and drops OpenAPI-only words. */
const rewrite = (node: unknown, id: string): unknown => {
  if (Array.isArray(node)) return node.map((n) => rewrite(n, id));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/')) out[k] = `${id}${v}`;
    else out[k] = rewrite(v, id);
  }
  // OpenAPI 3.0 `nullable: true` lets null through.
  if (out.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  return out;
};
for (const { id, doc } of docs) ajv.addSchema({ $id: id, components: rewrite(doc.components ?? {}, id) } as object);

interface Match {
  readonly id: string;
  readonly template: string;
  readonly op: Operation;
}

const match = (method: string, path: string): Match | undefined => {
  const segments = path.replace(/^\/v1/, '').replace(/\?.*$/, '').split('/');
  let best: (Match & { literal: number }) | undefined;
  for (const { id, doc } of docs) {
    for (const [template, item] of Object.entries(doc.paths)) {
      const op = item[method.toLowerCase()];
      if (!op) continue;
      const parts = template.split('/');
      if (parts.length !== segments.length) continue;
      let literal = 0;
      const fits = parts.every((p, i) => (/^\{.+\}$/.test(p) ? segments[i] !== '' : p === segments[i] && ++literal > 0));
      if (fits && (!best || literal > best.literal)) best = { id, template, op, literal };
    }
  }
  return best;
};

const validators = new Map<string, ValidateFunction>();

export type Verdict = { ok: true } | { ok: false; errors: string[]; operation: string };

/** Checks one answer of a /v1 operation against the schema published for its status. */
export const validateV1Response = (method: string, path: string, status: number, body: unknown): Verdict => {
  const m = match(method, path);
  if (!m) return { ok: false, errors: [`no published operation ${method} ${path}`], operation: `${method} ${path}` };
  const operation = `${method.toUpperCase()} /v1${m.template} → ${status}`;
  const schema = m.op.responses?.[String(status)]?.content?.['application/json']?.schema;
  if (!m.op.responses?.[String(status)]) return { ok: false, errors: [`status ${status} is not published for this operation`], operation };
  if (schema === undefined) {
    const empty = body === undefined || body === '' || body === null;
    return empty ? { ok: true } : { ok: false, errors: ['the operation publishes no body for this status, but one was sent'], operation };
  }
  let validate = validators.get(operation);
  if (!validate) {
    validate = ajv.compile(rewrite(schema, m.id) as object);
    validators.set(operation, validate);
  }
  if (validate(body)) return { ok: true };
  return { ok: false, errors: (validate.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? ''}`.trim()), operation };
};

/** For tests: throws, listing every schema violation, unless the answer matches Cisco's file. */
export const expectValidV1Response = (answer: { status: number; body: unknown }, method: string, path: string): void => {
  const v = validateV1Response(method, path, answer.status, answer.body);
  if (!v.ok) throw new Error(`${v.operation} does not match Cisco's OpenAPI file:\n  ${v.errors.join('\n  ')}\nbody: ${JSON.stringify(answer.body).slice(0, 600)}`);
};
