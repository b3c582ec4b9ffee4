import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bwBody } from '../../test/fixtures/broadworks.ts';
import { customerBody, provisioningId } from '../../test/fixtures/wholesale.ts';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../adapters/testing.ts';
import { headOf, parsePublicUrl, pathOf, searchOf } from './origin.ts';

const PUBLIC = 'https://sim.example.com';
const FORWARDED = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'proxy.example:8443' };

/**
 * Every kind of absolute URL the simulator writes, in one world (`prefix` is '' or `/w/{id}`), as a
 * client sending `headers` sees them: Location, Link, a mail's activation link, a template's
 * activation link, a page's links, and the fault page's Try again.
 */
const urlsSeen = async (t: TestApp, prefix: string, headers: Record<string, string>) => {
  const call = (method: string, path: string, init: Parameters<TestApp['call']>[2] = {}) =>
    t.call(method, `${prefix}${path}`, { ...init, headers: { ...headers, ...init.headers } });
  const world = (await call('GET', '/sim/world')).body;
  const pid = world.partners[0].templates.find(
    (x: { offer: string }) => x.offer === 'wholesale',
  ).provisioningId;
  const posted = [];
  for (const n of [1, 2])
    posted.push(
      await call('POST', '/v1/wholesale/customers', {
        token: 'acme-admin',
        json: customerBody(pid, { externalId: `ext-${n}` }),
      }),
    );
  const page = await call('GET', '/v1/wholesale/customers?max=1', { token: 'acme-admin' });
  const bw = world.partners[0].templates.find(
    (x: { offer: string; emailTrust?: string }) =>
      x.offer === 'broadworks' && x.emailTrust === 'untrusted',
  );
  const enterprise = world.partners[0].enterprises[0].spEnterpriseId;
  const subscriber = await call('POST', '/v1/broadworks/subscribers', {
    token: 'acme-admin',
    json: bwBody(bw.provisioningId, enterprise, { email: 'bo@acme.example' }),
  });
  const mail = (await call('GET', '/sim/mail?to=bo@acme.example')).body.items[0];
  const home = (await call('GET', '/', { headers: { accept: 'text/html' } })).text;
  await call('POST', '/sim/faults', { json: { path: '/partner-hub/*', status: 503, times: 1 } });
  // Faults spare sign-in: the fault page is the customers page's.
  const fault = await call('GET', '/partner-hub/customers', {
    headers: { accept: 'text/html', cookie: 'provisim_token=acme-admin' },
  });
  const link = page.headers.get('link') ?? '';
  return {
    base: world.base as string,
    location: posted[0]!.headers.get('location'),
    url: posted[0]!.body.url as string,
    link: link.slice(1, link.indexOf('>')),
    subscriberLocation: subscriber.headers.get('location'),
    mailLink: mail.links[0].url as string,
    mailText: mail.text as string,
    activationLink: bw.activationLink as string,
    homeLinks: [...home.matchAll(/href="(http[^"]*)"/g)].map((m) => m[1]!),
    tryAgain: /href="([^"]*)"[^>]*data-testid="try-again"/.exec(fault.text)?.[1],
  };
};

const under = (origin: string, url: string | null | undefined): boolean =>
  url === origin || (url ?? '').startsWith(`${origin}/`);

const expectAllAt = (seen: Awaited<ReturnType<typeof urlsSeen>>, origin: string) => {
  const { mailText, homeLinks, ...urls } = seen;
  for (const [what, url] of Object.entries(urls))
    expect(under(origin, url), `${what}: ${url}`).toBe(true);
  expect(mailText).toContain(seen.mailLink);
  expect(homeLinks.length).toBeGreaterThan(3);
  for (const url of homeLinks) expect(under(origin, url), url).toBe(true);
};

describe('the origin of absolute URLs (api.md, Deployment)', () => {
  it('is the request’s own origin when nothing else is said', async () => {
    const t = createTestApp();
    const seen = await urlsSeen(t, '', {});
    expectAllAt(seen, TEST_ORIGIN);
    expect(seen.base).toBe(TEST_ORIGIN);
  });

  it('is the public URL when one is set: Location, Link, mail and activation links, pages', async () => {
    const t = createTestApp({ publicUrl: `${PUBLIC}/` });
    // Forwarded headers are ignored when the public URL is set.
    const seen = await urlsSeen(t, '', FORWARDED);
    expectAllAt(seen, PUBLIC);
    expect(seen.location).toMatch(
      /^https:\/\/sim\.example\.com\/v1\/wholesale\/customers\/[\w-]+$/,
    );
    expect(seen.link).toMatch(/^https:\/\/sim\.example\.com\/v1\/wholesale\/customers\?.*offset=1/);
    expect(seen.mailLink).toMatch(/^https:\/\/sim\.example\.com\/activation\//);
  });

  it('is X-Forwarded-Proto and X-Forwarded-Host when a proxy sends them (the first of a list)', async () => {
    const t = createTestApp();
    const seen = await urlsSeen(t, '', {
      'x-forwarded-proto': 'https, http',
      'x-forwarded-host': 'proxy.example:8443, 10.0.0.5:4010',
    });
    expectAllAt(seen, 'https://proxy.example:8443');
    expect(seen.base).toBe('https://proxy.example:8443');
  });

  it('takes each forwarded header alone, keeping the other part of the request’s origin', async () => {
    const t = createTestApp();
    const base = async (headers: Record<string, string>) =>
      (await t.call('GET', '/sim/world', { headers })).body.base;
    expect(await base({ 'x-forwarded-proto': 'HTTPS' })).toBe('https://provisim.test');
    expect(await base({ 'x-forwarded-host': 'sim.example.com' })).toBe('http://sim.example.com');
    // A default port is dropped, as in any origin.
    expect(await base({ 'x-forwarded-proto': 'https', 'x-forwarded-host': 'a.example:443' })).toBe(
      'https://a.example',
    );
    expect(await base({ 'x-forwarded-host': '[::1]:8080' })).toBe('http://[::1]:8080');
  });

  it.each([
    ['a public URL', { publicUrl: PUBLIC }, {}, PUBLIC],
    ['forwarded headers', {}, FORWARDED, 'https://proxy.example:8443'],
  ])('reaches worlds under /w/{id} through %s', async (_, deps, headers, origin) => {
    const t = createTestApp(deps);
    const made = await t.call('POST', '/sim/worlds', { json: { seed: 3 }, headers });
    expect(made.status).toBe(201);
    expect(made.body.base).toBe(`${origin}/w/${made.body.id}`);
    expect(made.headers.get('location')).toBe(made.body.base);
    const listed = (await t.call('GET', '/sim/worlds', { headers })).body.items;
    expect(listed).toContainEqual(expect.objectContaining({ base: made.body.base }));
    const seen = await urlsSeen(t, `/w/${made.body.id}`, headers);
    expect(seen.base).toBe(made.body.base);
    for (const url of [seen.location, seen.url, seen.link, seen.mailLink, seen.activationLink])
      expect(url!.startsWith(`${made.body.base}/`), url!).toBe(true);
    expect(seen.link).toBe(`${made.body.base}/v1/wholesale/customers?max=1&offset=1`);
  });

  it.each([
    [{ 'x-forwarded-proto': 'ftp' }, 'X-Forwarded-Proto: must be http or https'],
    [{ 'x-forwarded-host': 'evil.example/path' }, 'X-Forwarded-Host: must be a host name'],
    [{ 'x-forwarded-host': 'user@evil.example' }, 'X-Forwarded-Host: must be a host name'],
    [{ 'x-forwarded-host': 'a.example:99999' }, 'X-Forwarded-Host: is not a valid host'],
    [{ 'x-forwarded-host': `${'a'.repeat(400)}.example` }, 'X-Forwarded-Host: must be a host name'],
  ])(
    'answers a malformed forwarded header %j with 400 and changes nothing',
    async (headers, message) => {
      const t = createTestApp();
      const pid = await provisioningId(t);
      const r = await t.call('POST', '/v1/wholesale/customers', {
        token: 'acme-admin',
        json: customerBody(pid),
        headers,
      });
      expect(r.status).toBe(400);
      expect(r.body.message).toContain(message);
      expect(r.body.errors[0].description).toContain(message);
      expect(r.body.trackingId).toMatch(/^PROVISIM_/);
      const list = await t.call('GET', '/v1/wholesale/customers', { token: 'acme-admin' });
      expect(list.body.items).toEqual([]);
    },
  );

  it('refuses a public URL that is not an http(s) origin, naming it', () => {
    expect(parsePublicUrl('https://sim.example.com/')).toEqual({
      ok: true,
      value: 'https://sim.example.com',
    });
    expect(parsePublicUrl('HTTP://Sim.Example.com:80')).toEqual({
      ok: true,
      value: 'http://sim.example.com',
    });
    for (const bad of [
      'sim.example.com',
      'ftp://sim.example.com',
      'https://sim.example.com/provisim',
      'https://sim.example.com/?x=1',
      'https://sim.example.com/?',
      'https://sim.example.com#top',
      'https://me:pw@sim.example.com',
    ]) {
      const r = parsePublicUrl(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.error.message).toContain(`publicUrl: must be an http or https origin`);
    }
    expect(() => createTestApp({ publicUrl: 'sim.example.com' })).toThrow(/publicUrl: must be/);
  });
});

describe('pathOf', () => {
  it('is the path of an absolute URL, as URL.pathname reads it, without the query or fragment', () => {
    for (const url of [
      'http://127.0.0.1:4010/v1/wholesale/subscribers/abc?max=5',
      'https://sim.example.com/w/3f2a9c1e/sim/clock#now',
      'http://localhost:4010/',
      'http://localhost:4010/a/b?x=/c#/d',
      'http://localhost:4010/a?',
    ])
      expect(pathOf(url)).toBe(new URL(url).pathname);
    expect(pathOf('http://localhost:4010')).toBe('/');
  });
});

describe('headOf', () => {
  const head = (url: string) => {
    const u = new URL(url);
    return { origin: u.origin, protocol: u.protocol, host: u.host };
  };
  const url = fc
    .record({
      scheme: fc.constantFrom('http', 'https', 'HTTP', 'ftp'),
      user: fc.constantFrom('', 'u@', 'u:p@'),
      host: fc.oneof(
        fc.constantFrom('localhost', '127.0.0.1', '0x7f.1', 'Example.COM', '[::1]', 'a.b-c.d'),
        fc.domain(),
      ),
      port: fc.constantFrom('', ':80', ':443', ':4010', ':065535'),
      rest: fc.constantFrom('/', '/v1/x?y=1#z', '', '?q=/a', '#/f', '\\v1', '/a/../b'),
    })
    .map((p) => `${p.scheme}://${p.user}${p.host}${p.port}${p.rest}`);

  it('is the origin, scheme and host new URL reads, whatever the URLs before it', () => {
    fc.assert(
      fc.property(fc.array(url, { minLength: 1, maxLength: 6 }), (urls) => {
        for (const u of urls) expect(headOf(u)).toEqual(head(u));
      }),
    );
  });

  it('throws as new URL does on a URL it cannot read', () => {
    expect(() => headOf('http://exa mple.com/')).toThrow();
    expect(() => headOf('http://[::1/')).toThrow();
  });
});

describe('searchOf', () => {
  it('reads the query of an absolute URL as URL.search does', () => {
    for (const url of [
      'http://h:1/a/b?x=1&y=2',
      'http://h:1/a/b?x=?y',
      'http://h:1/a/b?',
      'http://h:1/a/b',
      'http://h:1/a/b?x=1#frag?z',
      'http://h:1/a/b#frag?z',
      'http://h:1/a/b?#f',
      'https://sim.example.com/w/3f2a9c1e/v1/x?max=1&offset=2',
    ])
      expect(searchOf(url), url).toBe(new URL(url).search);
  });

  it('agrees with URL.search on generated URLs', () => {
    const part = fc.string({ unit: fc.constantFrom('a', '?', '#', '/', '=', '&', '%41') });
    fc.assert(
      fc.property(part, part, (path, rest) => {
        const url = new URL(`http://h:1/${path}${rest}`).href;
        expect(searchOf(url)).toBe(new URL(url).search);
      }),
    );
  });
});
