import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type Listening } from '../../simulator/adapters/node.ts';
import { createApp } from '../../simulator/http/create-app.ts';
import { createMemoryStore } from '../../simulator/store/memory-store.ts';

/** Short timeouts, so a stalled client is cut off within the test's own time. */
const TIMEOUTS = { headersMs: 400, requestMs: 800, keepAliveMs: 1_000 };

interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** Writes raw bytes (then, optionally, stalls) and reads the raw answer until the server closes. */
const raw = (url: string, bytes: string): Promise<RawAnswer> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const socket = connect({ host: hostname, port: Number(port) });
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((l) => [
          l.slice(0, l.indexOf(':')).toLowerCase(),
          l.slice(l.indexOf(':') + 1).trim(),
        ]),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
    socket.write(bytes);
  });

const expectWebexShape = (a: RawAnswer, status: number) => {
  expect(a.status).toBe(status);
  expect(a.headers['content-type']).toBe('application/json; charset=UTF-8');
  const body = JSON.parse(a.body) as {
    message: string;
    errors: { description: string }[];
    trackingId: string;
  };
  expect(body.errors[0]?.description).toBe(body.message);
  expect(body.trackingId).toMatch(/^PROVISIM_/);
  expect(a.headers['trackingid']).toBe(body.trackingId);
  return body;
};

describe('what Node refuses before the app sees it, answered in the Webex error shape', () => {
  let server: Listening;
  beforeAll(async () => {
    const app = createApp({
      store: createMemoryStore(),
      newStore: createMemoryStore,
      log: () => undefined,
    });
    server = await listen(app, { port: 0, host: '127.0.0.1', timeouts: TIMEOUTS });
  });
  afterAll(() => server.close());

  it('431 for headers over 16 KiB', async () => {
    const a = await raw(
      server.url,
      `GET /sim/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(expectWebexShape(a, 431).message).toMatch(/headers are larger/);
  });

  it('400 for bytes that are not HTTP', async () => {
    const a = await raw(server.url, 'HELLO THERE\r\n\r\n');
    expectWebexShape(a, 400);
  });

  it('408 for a body that stops coming, instead of holding the socket for minutes', async () => {
    const a = await raw(
      server.url,
      'POST /sim/faults HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"pa',
    );
    expect(expectWebexShape(a, 408).message).toMatch(/did not arrive in time/);
  });

  it('408 for headers that stop coming', async () => {
    const a = await raw(server.url, 'GET /sim/health HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    expectWebexShape(a, 408);
  });

  it('still answers a request whose answer takes longer than the request timeout (a latency fault)', async () => {
    const fault = await fetch(`${server.url}/sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        path: '/v1/people/me',
        latencyMs: TIMEOUTS.requestMs * 2,
        status: 418,
      }),
    });
    expect(fault.status).toBe(201);
    const slow = await fetch(`${server.url}/v1/people/me`, {
      headers: { authorization: 'Bearer acme-admin' },
    });
    expect(slow.status).toBe(418);
  });
});
