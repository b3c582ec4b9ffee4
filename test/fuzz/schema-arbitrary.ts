import fc from 'fast-check';

/**
 * fast-check arbitraries from JSON Schema: Zod's `z.toJSONSchema` output and the OpenAPI 3.0
 * request schemas of Cisco's files (`$ref`, `nullable`, `example` included). Each node is usually
 * valid and now and then one of the values a careless or hostile client sends (`NASTY`), so a run
 * reaches past validation as well as hitting it.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface SchemaOptions {
  /** The document `$ref`s point into (an OpenAPI file; a Zod schema's own `$defs`). */
  readonly root?: Json;
  /** Values that mean something in the world, by property name (ids, emails in use, packages). */
  readonly hints?: Readonly<Record<string, readonly unknown[]>>;
  /** Out of 100, how often a node is a nasty value instead (0: always valid by the schema). */
  readonly nasty?: number;
  /** Every property present, optional ones too (to reach every field). */
  readonly allKeys?: boolean;
}

const deep = (levels: number): unknown => {
  let v: unknown = 0;
  for (let i = 0; i < levels; i += 1) v = [v];
  return v;
};

/** What clients get wrong, on purpose or not: wrong types, edges, injections, sizes, ReDoS probes. */
export const NASTY: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    '',
    ' ',
    '   ',
    '\u0000',
    '\u0000\u0000',
    '\t\r\n',
    '=HYPERLINK("http://evil.example","x")',
    "+cmd|' /C calc'!A0",
    '@SUM(1+1)',
    '-1',
    `a@${'.'.repeat(300)}@`,
    'x'.repeat(300),
    'y'.repeat(20_000),
    '\ud800',
    '💥',
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '%00',
    'P300000Y',
    '9999-12-31T23:59:59Z',
    '+275760-09-13T00:00:00Z',
    -1,
    0,
    1.5,
    1e308,
    -1e308,
    2 ** 53 + 2,
    null,
    true,
    false,
    [],
    {},
    JSON.parse('{"__proto__":{"polluted":true}}'),
    deep(40),
  ),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.jsonValue({ maxDepth: 2 }),
);

const resolve = (schema: Json, root: Json | undefined): Json => {
  let s = schema;
  for (let i = 0; i < 20 && typeof s.$ref === 'string'; i += 1) {
    const path = (s.$ref as string).replace(/^#\//, '').split('/');
    s = path.reduce<Json>((node, key) => node?.[key], root ?? {}) ?? {};
  }
  return s;
};

const example = (s: Json): unknown[] => {
  if (s.example === undefined) return [];
  const e = s.example as unknown;
  // Cisco's examples of strings are often quoted once more: "\"771 Alder Drive\"".
  return typeof e === 'string' ? [e.replace(/^["'](.*)["']$/, '$1')] : [e];
};

const stringOf = (s: Json): fc.Arbitrary<string> => {
  const max = Math.min(s.maxLength ?? 40, 40);
  const min = Math.min(s.minLength ?? 0, max);
  if (s.format === 'email') return fc.emailAddress();
  if (s.format === 'date-time')
    return fc
      .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z') })
      .map((d) => d.toISOString());
  if (s.format === 'uri') return fc.webUrl();
  if (typeof s.pattern === 'string')
    return fc
      .stringMatching(new RegExp(s.pattern))
      .filter((v) => v.length <= (s.maxLength ?? Infinity) && v.length >= (s.minLength ?? 0));
  return fc.string({ minLength: min, maxLength: max });
};

/** An arbitrary of the values a schema describes, with nasty ones mixed in. */
export const fromSchema = (
  schema: Json,
  options: SchemaOptions = {},
  depth = 0,
): fc.Arbitrary<unknown> => {
  const nasty = options.nasty ?? 0;
  const valid = validOf(resolve(schema, options.root ?? schema), options, depth);
  return nasty > 0 && depth < 12
    ? fc.oneof({ arbitrary: valid, weight: 100 - nasty }, { arbitrary: NASTY, weight: nasty })
    : valid;
};

const validOf = (s: Json, o: SchemaOptions, depth: number): fc.Arbitrary<unknown> => {
  const root = o.root ?? s;
  const sub = (x: Json) => fromSchema(x, { ...o, root }, depth + 1);
  if (depth > 10) return fc.constant(null);
  if (s.not !== undefined) return NASTY;
  if (s.const !== undefined) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const alternatives = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map(sub));
  if (Array.isArray(s.allOf)) {
    const parts = (s.allOf as Json[]).map((x) => resolve(x, root));
    return validOf(
      {
        type: 'object',
        properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
        required: parts.flatMap((p) => p.required ?? []),
      },
      o,
      depth,
    );
  }
  const types = Array.isArray(s.type) ? (s.type as string[]) : s.type ? [s.type as string] : [];
  if (s.nullable) types.push('null');
  if (types.length === 0)
    return s.properties
      ? validOf({ ...s, type: 'object' }, o, depth)
      : fc.jsonValue({ maxDepth: 2 });
  const byType = (t: string): fc.Arbitrary<unknown> => {
    switch (t) {
      case 'string': {
        const ex = example(s);
        return ex.length > 0 ? fc.oneof(fc.constantFrom(...ex), stringOf(s)) : stringOf(s);
      }
      case 'integer':
        return fc.integer({
          min: Math.max(s.minimum ?? -1_000, -(2 ** 31)),
          max: Math.min(s.maximum ?? 1_000, 2 ** 31),
        });
      case 'number':
        return fc.double({
          min: s.minimum ?? -1_000,
          max: s.maximum ?? 1_000,
          noNaN: true,
          noDefaultInfinity: true,
        });
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return fc.array(sub(s.items ?? {}), {
          minLength: s.minItems ?? 0,
          maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 4, 4)),
        });
      case 'object': {
        const props = (s.properties ?? {}) as Record<string, Json>;
        const hinted = (k: string, a: fc.Arbitrary<unknown>) => {
          const h = o.hints?.[k];
          return h && h.length > 0
            ? fc.oneof({ arbitrary: fc.constantFrom(...h), weight: 3 }, { arbitrary: a, weight: 1 })
            : a;
        };
        const extra = s.additionalProperties;
        if (extra && typeof extra === 'object' && Object.keys(props).length === 0) {
          // A record: keys from `propertyNames` when it names them, values hinted by key.
          const names = (s.propertyNames as Json | undefined)?.enum as string[] | undefined;
          if (names)
            return fc.record(
              Object.fromEntries(names.map((k) => [k, hinted(k, sub(extra as Json))])),
              { requiredKeys: [] },
            );
          return fc.dictionary(fc.string({ maxLength: 8 }), sub(extra as Json), { maxKeys: 3 });
        }
        return fc.record(
          Object.fromEntries(Object.entries(props).map(([k, v]) => [k, hinted(k, sub(v))])),
          {
            requiredKeys: o.allKeys
              ? Object.keys(props)
              : ((s.required ?? []) as string[]).filter((k) => k in props),
          },
        );
      }
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  };
  return types.length === 1 ? byType(types[0]!) : fc.oneof(...types.map(byType));
};
