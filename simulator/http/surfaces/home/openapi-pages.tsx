import { Hono } from 'hono';
import { buildOpenApi, mergeCisco } from './openapi-document.ts';
import type { SurfaceEnv } from '../../env.ts';
import type { ApiRoute } from '../../route-table.ts';

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

const Operation = ({ method, path, op }: { method: string; path: string; op: Json }) => (
  <details data-testid="operation">
    <summary>
      <code>{method.toUpperCase()}</code> <code>{path}</code> {op.summary ?? ''}
    </summary>
    {op.description ? <p>{String(op.description).slice(0, 600)}</p> : null}
    {op.parameters?.length ? (
      <p>
        Parameters:{' '}
        {op.parameters
          .map((p: Json) =>
            p.name
              ? `${p.name} (${p.in}${p.required ? ', required' : ''})`
              : String(p.$ref ?? '')
                  .split('/')
                  .pop(),
          )
          .join('; ')}
      </p>
    ) : null}
    {op.requestBody ? (
      <p>
        Body:{' '}
        {Object.keys(op.requestBody.content ?? {}).join(', ') ||
          String(op.requestBody.$ref ?? '')
            .split('/')
            .pop()}
      </p>
    ) : null}
    <p>Statuses: {Object.keys(op.responses ?? {}).join(', ')}</p>
  </details>
);

/** `GET /openapi.json` (every surface) and `GET /docs`, the API reference rendered here, offline. */
export const openapiRoutes = (routes: readonly ApiRoute[]): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>();
  app.get('/openapi.json', async (c) =>
    c.json(buildOpenApi(await loadCisco(), routes, c.env.base)),
  );
  app.get('/docs', async (c) => {
    const doc = buildOpenApi(await loadCisco(), routes, c.env.base);
    const ops = Object.entries<Json>(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => ({
        method: m,
        path,
        op: item[m] as Json,
        group: (item[m].tags?.[0] as string) ?? 'other',
      })),
    );
    return c.html(
      '<!DOCTYPE html>' +
        (
          <html lang="en">
            <head>
              <meta charset="utf-8" />
              <title>provisim API reference</title>
            </head>
            <body style="font:15px system-ui,sans-serif;margin:28px">
              <h1>provisim API reference</h1>
              <p>
                Base URL <code>{c.env.base}</code>. The document:{' '}
                <a href={`${c.env.base}/openapi.json`}>openapi.json</a>.
              </p>
              {GROUPS.map((g) => (
                <section data-testid={`group-${g}`}>
                  <h2>{g === 'v1' ? '/v1 (Cisco Webex)' : `/${g}`}</h2>
                  {ops
                    .filter((o) => o.group === g)
                    .map((o) => (
                      <Operation method={o.method} path={o.path} op={o.op} />
                    ))}
                </section>
              ))}
            </body>
          </html>
        ).toString(),
    );
  });
  return app;
};
