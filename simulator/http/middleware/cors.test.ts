import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { corsHeaders } from './cors.ts';

const app = () => {
  const a = new Hono();
  a.use(
    '*',
    corsHeaders({
      origin: (origin) => (origin === 'http://bad.example' ? null : '*'),
      exposeHeaders: ['TrackingID', 'Location'],
      allowMethods: ['GET', 'POST'],
    }),
  );
  a.get('/x', (c) =>
    c.json({ ok: true }, 200, { 'X-Own': 'kept', 'Access-Control-Allow-Origin': 'x' }),
  );
  return a;
};

describe('CORS headers, written after the handler', () => {
  it('answers a preflight with the allowed origin, methods and the asked headers', async () => {
    const r = await app().request('/x', {
      method: 'OPTIONS',
      headers: {
        origin: 'http://app.example',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(r.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
    expect(r.headers.get('access-control-expose-headers')).toBe('TrackingID,Location');
    expect(r.headers.get('vary')).toBe('Origin, Access-Control-Request-Headers');
    expect(await r.text()).toBe('');
  });

  it("adds its headers to the handler's answer, keeping the handler's own", async () => {
    const r = await app().request('/x', { headers: { origin: 'http://app.example' } });
    expect(await r.json()).toEqual({ ok: true });
    expect(r.headers.get('x-own')).toBe('kept');
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('access-control-expose-headers')).toBe('TrackingID,Location');
    expect(r.headers.get('vary')).toBe('Origin');
  });

  it('names no origin it does not allow', async () => {
    const r = await app().request('/x', { headers: { origin: 'http://bad.example' } });
    expect(r.headers.get('access-control-allow-origin')).toBe('x');
    const pre = await app().request('/x', {
      method: 'OPTIONS',
      headers: { origin: 'http://bad.example' },
    });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
  });
});
