import { Hono } from 'hono';
import { buildOpenApi, mergeCisco } from './openapi-document.ts';
import type { SurfaceEnv } from '../../env.ts';
import type { ApiRoute } from '../../route-table.ts';
import { pageRenderer } from '../../pages/page-renderer.tsx';
import { plain, resolve, Schema, typeOf } from './views/schema.tsx';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Cisco's files, loaded when first asked for (kept out of a browser bundle's first chunk). */
let cisco: Promise<{ paths: Json; components: Json }> | undefined;
const loadCisco = () =>
  (cisco ??= Promise.all([
    import('../../../../openapi/webex-wholesale.json', { with: { type: 'json' } }),
    import('../../../../openapi/webex-broadworks.json', { with: { type: 'json' } }),
  ]).then(([w, b]) =>
    mergeCisco([
      { prefix: 'Wholesale', doc: w.default as Json },
      { prefix: 'BroadWorks', doc: b.default as Json },
    ]),
  ));

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const GROUPS = ['v1', 'partner-hub', 'ccw', 'activation', 'sim'];

/** The document for shared use (`--no-sim-api`): no `/sim` paths, no `sim` tag. */
const withoutSim = (doc: Json): Json => ({
  ...doc,
  tags: (doc.tags as Json[]).filter((t) => t.name !== 'sim'),
  paths: Object.fromEntries(
    Object.entries<Json>(doc.paths).filter(([p]) => p !== '/sim' && !p.startsWith('/sim/')),
  ),
});

const jsonContent = (doc: Json, body: Json | undefined): Json | undefined => {
  const b = resolve(doc, body);
  const content = (b?.content ?? {}) as Json;
  const type = Object.keys(content).find((k) => k.includes('json')) ?? Object.keys(content)[0];
  return type ? { type, schema: content[type].schema as Json | undefined } : undefined;
};

const Operation = ({
  doc,
  method,
  path,
  op,
}: {
  doc: Json;
  method: string;
  path: string;
  op: Json;
}) => {
  const params = ((op.parameters as Json[] | undefined) ?? []).map((p) => resolve(doc, p) ?? {});
  const body = jsonContent(doc, op.requestBody as Json | undefined);
  const responses = Object.entries((op.responses ?? {}) as Json);
  return (
    <details data-testid="operation" class="card">
      <summary>
        <code>{method.toUpperCase()}</code> <code>{path}</code> {plain(op.summary, 120)}
      </summary>
      {op.description ? <p>{plain(op.description, 600)}</p> : null}
      {params.length > 0 ? (
        <>
          <h4>Parameters</h4>
          <table class="schema">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">In</th>
                <th scope="col">Type</th>
                <th scope="col">Description</th>
              </tr>
            </thead>
            <tbody>
              {params.map((p) => (
                <tr>
                  <td>
                    <code>{p.name}</code>
                    {p.required ? <small class="error"> required</small> : null}
                  </td>
                  <td>{p.in}</td>
                  <td>
                    <code>{typeOf(doc, p.schema as Json | undefined)}</code>
                  </td>
                  <td>{plain(p.description, 240)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {body ? (
        <div data-testid="request-schema">
          <h4>
            Request body <code>{body.type}</code>
          </h4>
          <Schema doc={doc} schema={body.schema} />
        </div>
      ) : null}
      <h4>Responses</h4>
      <p>Statuses: {responses.map(([status]) => status).join(', ')}</p>
      {responses.map(([status, r]) => {
        const res = resolve(doc, r as Json) ?? {};
        const content = jsonContent(doc, res);
        return (
          <div data-testid="response-schema">
            <h5>
              {status} {plain(res.description, 120)}
            </h5>
            {content?.schema ? <Schema doc={doc} schema={content.schema} /> : null}
          </div>
        );
      })}
    </details>
  );
};

/** `GET /openapi.json` (every surface) and `GET /docs`, the API reference rendered here, offline. */
export const openapiRoutes = (routes: readonly ApiRoute[]): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>();
  app.use('/docs', pageRenderer());
  const document = async (c: { env: SurfaceEnv['Bindings'] }): Promise<Json> => {
    const doc = buildOpenApi(await loadCisco(), routes, c.env.base) as Json;
    return c.env.simApi ? doc : withoutSim(doc);
  };
  app.get('/openapi.json', async (c) => c.json(await document(c)));
  app.get('/docs', async (c) => {
    const doc = await document(c);
    const groups = GROUPS.filter((g) => c.env.simApi || g !== 'sim');
    const ops = Object.entries<Json>(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => ({
        method: m,
        path,
        op: item[m] as Json,
        group: (item[m].tags?.[0] as string) ?? 'other',
      })),
    );
    return c.render(
      <section>
        <h1>provisim API reference</h1>
        <p>
          Base URL <code>{c.env.base}</code>. The document:{' '}
          <a href={`${c.env.base}/openapi.json`}>openapi.json</a>. The /v1 part is Cisco's OpenAPI
          files (CC BY 4.0); open an operation for its parameters, request and response schemas.
        </p>
        <nav class="actions" aria-label="Surfaces">
          {groups.map((g) => (
            <a href={`#group-${g}`}>{g === 'v1' ? '/v1' : `/${g}`}</a>
          ))}
        </nav>
        {groups.map((g) => (
          <section data-testid={`group-${g}`} id={`group-${g}`}>
            <h2>{g === 'v1' ? '/v1 (Cisco Webex)' : `/${g}`}</h2>
            {ops
              .filter((o) => o.group === g)
              .map((o) => (
                <Operation doc={doc} method={o.method} path={o.path} op={o.op} />
              ))}
          </section>
        ))}
      </section>,
      { title: 'API reference · provisim' },
    );
  });
  return app;
};
