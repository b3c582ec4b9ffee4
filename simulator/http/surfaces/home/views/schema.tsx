type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Cisco's descriptions hold markdown and HTML: plain text for the page, cut to a length. */
export const plain = (text: unknown, max = 400): string => {
  const t = String(text ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]+/g, '')
    .replace(/&[a-z]+;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

const refName = (ref: string): string => ref.split('/').pop() ?? ref;

/** A `$ref` resolved within the document (one level). */
export const resolve = (doc: Json, s: Json | undefined): Json | undefined => {
  let cur = s;
  for (let i = 0; i < 8 && cur && typeof cur.$ref === 'string'; i++) {
    const path = (cur.$ref as string).replace(/^#\//, '').split('/');
    cur = path.reduce<Json | undefined>((o, k) => o?.[k], doc);
  }
  return cur;
};

/** A schema's type in a few words: `string (email)`, `array of Customer`, `"a" | "b"`. */
export const typeOf = (doc: Json, s: Json | undefined): string => {
  if (!s) return 'any';
  if (s.$ref) return refName(s.$ref as string);
  if (s.enum) return (s.enum as unknown[]).map((x) => JSON.stringify(x)).join(' | ');
  if (s.type === 'array') return `array of ${typeOf(doc, s.items as Json | undefined)}`;
  const variants = (s.oneOf ?? s.anyOf ?? s.allOf) as Json[] | undefined;
  if (variants) return variants.map((x) => typeOf(doc, x)).join(s.allOf ? ' & ' : ' | ');
  return [s.type ?? 'object', s.format ? `(${s.format})` : ''].filter(Boolean).join(' ');
};

/** The properties of an object schema, with `allOf` parts merged. */
const propertiesOf = (doc: Json, s: Json): { props: Json; required: string[] } => {
  const parts = [s, ...((s.allOf as Json[] | undefined) ?? []).map((x) => resolve(doc, x) ?? {})];
  const props: Json = {};
  const required: string[] = [];
  for (const p of parts) {
    Object.assign(props, p.properties ?? {});
    required.push(...((p.required as string[] | undefined) ?? []));
  }
  return { props, required };
};

/** A schema as a table of its fields; nested objects fold open, to a depth. */
export const Schema = ({
  doc,
  schema,
  depth = 0,
  seen = [],
}: {
  doc: Json;
  schema: Json | undefined;
  depth?: number;
  seen?: readonly string[];
}) => {
  const name = schema?.$ref ? refName(schema.$ref as string) : undefined;
  let s = resolve(doc, schema);
  if (s?.type === 'array') s = resolve(doc, s.items as Json | undefined);
  if (!s) return <span class="muted">any</span>;
  const { props, required } = propertiesOf(doc, s);
  const entries = Object.entries(props);
  if (entries.length === 0) return <code>{typeOf(doc, schema)}</code>;
  if (depth > 3 || (name && seen.includes(name))) return <code>{typeOf(doc, schema)}</code>;
  const next = name ? [...seen, name] : seen;
  return (
    <table class="schema">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Type</th>
          <th scope="col">Description</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([field, raw]) => {
          const f = resolve(doc, raw as Json) ?? {};
          const inner = f.type === 'array' ? resolve(doc, f.items as Json | undefined) : f;
          const nested = inner && Object.keys(propertiesOf(doc, inner).props).length > 0;
          return (
            <tr>
              <td>
                <code>{field}</code>
                {required.includes(field) ? <small class="error"> required</small> : null}
              </td>
              <td>
                <code>{typeOf(doc, raw as Json)}</code>
              </td>
              <td>
                {plain(f.description ?? (raw as Json).description, 240)}
                {nested ? (
                  <details>
                    <summary>Fields</summary>
                    <Schema doc={doc} schema={raw as Json} depth={depth + 1} seen={next} />
                  </details>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
};
