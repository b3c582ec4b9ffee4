import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTestApp, TEST_ORIGIN } from '../../../adapters/testing.ts';
import { apiRoutes } from '../../api-routes.ts';
import { openApiPath } from '../../route-table.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const operations = (paths: Record<string, Record<string, unknown>>, prefix = ''): string[] =>
  Object.entries(paths)
    .flatMap(([p, item]) =>
      METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${prefix}${p}`),
    )
    .sort();
const cisco = (file: string) => JSON.parse(readFileSync(`openapi/${file}`, 'utf8'));

describe('GET /openapi.json', () => {
  it('documents every route the app serves, from the same table (it cannot drift)', async () => {
    const doc = (await createTestApp().call('GET', '/openapi.json')).body;
    const documented = new Set(operations(doc.paths));
    const served = apiRoutes().map((r) => `${r.method} ${openApiPath(r.path)}`);
    expect(served.length).toBeGreaterThan(60);
    const ciscoOnes = apiRoutes().filter((r) => r.operationId);
    for (const op of served) {
      const route = apiRoutes().find((r) => `${r.method} ${openApiPath(r.path)}` === op)!;
      if (route.operationId) continue; // documented under Cisco's own path and parameter names
      expect(documented, op).toContain(op);
    }
    const ops = Object.values<Record<string, { operationId?: string }>>(doc.paths).flatMap((i) =>
      Object.values(i).map((o) => o.operationId),
    );
    for (const r of ciscoOnes) expect(ops).toContain(r.operationId);
    for (const op of [
      'GET /partner-hub/api/customers/{id}/users',
      'PATCH /partner-hub/api/customers/{id}/users/{userId}',
      'POST /partner-hub/api/templates/{id}/user-status/{subscriberId}/retry-activation',
      'POST /consent/api/{token}',
      'GET /ccw/api/cases',
    ])
      expect(documented).toContain(op);
    const add = doc.paths['/partner-hub/api/customers/{id}/users'].post;
    expect(add.requestBody.content['application/json'].schema.properties.users.maxItems).toBe(25);
  });

  it("has exactly the operations of Cisco's files under /v1, and the other surfaces", async () => {
    const r = await createTestApp().call('GET', '/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\.0\./);
    expect(r.body.servers).toEqual([{ url: TEST_ORIGIN }]);
    const all = operations(r.body.paths);
    const v1 = all.filter((o) => o.split(' ')[1]!.startsWith('/v1/'));
    const expected = [
      ...new Set([
        ...operations(cisco('webex-wholesale.json').paths, '/v1'),
        ...operations(cisco('webex-broadworks.json').paths, '/v1'),
        // The simulator's two helpers for clients that look around (api.md, `/v1`).
        'GET /v1/locations',
        'GET /v1/people/me',
      ]),
    ].sort();
    expect(v1).toEqual(expected);
    for (const op of [
      'GET /sim/world',
      'GET /sim/requests',
      'POST /partner-hub/api/templates',
      'POST /ccw/api/orders',
      'POST /activation/api/{linkId}',
    ]) {
      expect(all).toContain(op);
    }
  });

  it("keeps every $ref resolvable after merging the two files' components", async () => {
    const doc = (await createTestApp().call('GET', '/openapi.json')).body;
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/(\w+)\/([^"]+)"/g)];
    expect(refs.length).toBeGreaterThan(50);
    for (const [, kind, name] of refs)
      expect(doc.components[kind!]?.[name!], `${kind}/${name}`).toBeDefined();
    // Both files define a Subscriber; each keeps its own.
    expect(doc.components.schemas.Subscriber).toBeDefined();
    expect(doc.components.schemas.BroadWorksSubscriber).toBeDefined();
  });
});

describe('GET /docs', () => {
  it('renders the reference offline: every operation grouped by surface, with statuses', async () => {
    const r = await createTestApp().call('GET', '/docs');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/html');
    // Offline: every style sheet and script is the simulator's own.
    for (const [, url] of r.text.matchAll(/(?:src|href)="([^"]+\.(?:css|js))"/g))
      expect(url!.startsWith(TEST_ORIGIN)).toBe(true);
    // Cisco's markdown and HTML do not leak as text.
    expect(r.text).not.toMatch(/&lt;div|&lt;br|\*\*|\]\(http/);
    const doc = (await createTestApp().call('GET', '/openapi.json')).body;
    expect((r.text.match(/data-testid="operation"/g) ?? []).length).toBe(
      operations(doc.paths).length,
    );
    const v1 = r.text.slice(
      r.text.indexOf('data-testid="group-v1"'),
      r.text.indexOf('data-testid="group-partner-hub"'),
    );
    expect(v1).toContain('<code>POST</code> <code>/v1/wholesale/customers</code>');
    expect(r.text).toContain('<code>GET</code> <code>/sim/requests</code>');
    expect(r.text).toMatch(/Statuses: 202/);
  });

  it("shows each operation's request and response schemas", async () => {
    const r = await createTestApp().call('GET', '/docs');
    const op = r.text.slice(
      r.text.indexOf('<code>POST</code> <code>/v1/wholesale/customers</code>'),
    );
    const one = op.slice(0, op.indexOf('data-testid="operation"'));
    const request = one.slice(one.indexOf('data-testid="request-schema"'));
    expect(request).toContain('<code>provisioningId</code><small class="error"> required</small>');
    expect(request).toContain('<code>customerInfo</code>');
    expect(one).toMatch(/data-testid="response-schema"><h5>202/);
  });
});
