import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type Listening } from '../../simulator/adapters/node.ts';
import { createApp } from '../../simulator/http/create-app.ts';
import { createMemoryStore } from '../../simulator/store/memory-store.ts';

// The journal keeps a prefix of each body as the handler reads it, over a real socket: bodies the
// app never reads (a 401) and streamed uploads (no Content-Length) both pass, and the connection
// keeps serving.
let server: Listening;
beforeAll(async () => {
  const app = createApp({ store: createMemoryStore(), newStore: createMemoryStore, log: () => {} });
  server = await listen(app, { port: 0, host: '127.0.0.1' });
});
afterAll(() => server.close());

const journal = async () =>
  (
    (await (await fetch(`${server.url}/sim/requests`)).json()) as {
      items: Record<string, unknown>[];
    }
  ).items;

describe('the request journal behind a Node server', () => {
  it('records the prefix of a large body the app never read, and the connection keeps serving', async () => {
    // Under the route's body limit and the 16 KiB string bound, well over the 2,048-byte prefix.
    const big = JSON.stringify({ note: 'n'.repeat(12 * 1024) });
    const refused = await fetch(`${server.url}/v1/wholesale/customers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    expect(refused.status).toBe(401);
    await refused.text();
    const me = await fetch(`${server.url}/v1/people/me`, {
      headers: { authorization: 'Bearer acme-admin' },
    });
    expect(me.status).toBe(200);
    const [, first] = await journal();
    expect(first).toMatchObject({ status: 401, bodyTruncated: true });
    expect(first?.body).toBe(big.slice(0, 2048));
    expect(first?.token).toBeUndefined();
  });

  it('records the prefix of a streamed upload (no Content-Length) that the app reads to its end', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"note":"'));
        if (sent >= 9) {
          controller.enqueue(new TextEncoder().encode('"}'));
          controller.close();
          return;
        }
        sent += 1;
        controller.enqueue(chunk);
      },
    });
    const res = await fetch(`${server.url}/v1/wholesale/customers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer acme-admin' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(400);
    const answer = (await res.json()) as { errors: { description: string }[] };
    expect(answer.errors.map((e) => e.description).join(' ')).toMatch(
      /provisioningId: is required/,
    );
    const [last] = await journal();
    expect(last).toMatchObject({ method: 'POST', status: 400, token: 'acme-admin' });
    expect(last?.body).toBe(`{"note":"${'x'.repeat(2048 - 9)}`);
  });
});
