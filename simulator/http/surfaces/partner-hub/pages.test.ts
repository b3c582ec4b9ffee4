import { describe, expect, it } from 'vitest';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../../../adapters/testing.ts';

const form = (fields: Record<string, string | string[]>): string => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields))
    for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p.toString();
};
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

const signIn = async (t: TestApp, token: string, prefix = ''): Promise<string> => {
  const r = await t.call('POST', `${prefix}/partner-hub/sign-in`, {
    body: form({ token }),
    headers: FORM,
  });
  expect(r.status).toBe(303);
  return r.headers.get('set-cookie')!.split(';')[0]!;
};

describe('Partner Hub pages: sign-in', () => {
  it('sends a visitor without a session to the sign-in page, which lists the seeded users', async () => {
    const t = createTestApp();
    const r = await t.call('GET', '/partner-hub/customers');
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe(`${TEST_ORIGIN}/partner-hub/sign-in`);
    const page = await t.call('GET', '/partner-hub/sign-in');
    expect(page.text.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page.text).toContain('Sign in as acme-admin');
  });

  it("keeps the token in a cookie scoped to the world's Partner Hub", async () => {
    const t = createTestApp();
    const r = await t.call('POST', '/partner-hub/sign-in', {
      body: form({ token: 'acme-admin' }),
      headers: FORM,
    });
    expect(r.headers.get('set-cookie')).toMatch(
      /^provisim_token=acme-admin; Path=\/partner-hub; HttpOnly; SameSite=Lax/,
    );
    const id = (await t.call('POST', '/sim/worlds')).body.id;
    const w = await t.call('POST', `/w/${id}/partner-hub/sign-in`, {
      body: form({ token: 'acme-admin' }),
      headers: FORM,
    });
    expect(w.headers.get('set-cookie')).toContain(`Path=/w/${id}/partner-hub`);
    expect(w.headers.get('location')).toBe(`${TEST_ORIGIN}/w/${id}/partner-hub/customers`);
  });

  it('refuses unknown tokens and roles without Partner Hub access', async () => {
    const t = createTestApp();
    const bad = await t.call('POST', '/partner-hub/sign-in', {
      body: form({ token: 'nope' }),
      headers: FORM,
    });
    expect(bad.status).toBe(401);
    expect(bad.text).toContain('That token is not known to this world.');
    const viewer = await t.call('POST', '/partner-hub/sign-in', {
      body: form({ token: 'acme-viewer' }),
      headers: FORM,
    });
    expect(viewer.status).toBe(403);
  });
});

describe('Partner Hub pages: templates and customers', () => {
  it('creates a wholesale template through the form, then shows its provisioning ID and PSTN warning (TPL-3)', async () => {
    const t = createTestApp();
    const cookie = await signIn(t, 'acme-admin');
    const w = (await t.call('GET', '/sim/world')).body;
    const r = await t.call('POST', '/partner-hub/templates/new', {
      body: form({
        offer: 'wholesale',
        name: 'Form made',
        country: 'US',
        language: 'en_US',
        subscriptionId: w.partners[0].subscriptions[0].id,
        authMethod: 'webex',
        pstnProvider: w.pstnProviders[0],
        emailTrust: 'untrusted',
        shareLink: '',
      }),
      headers: { ...FORM, cookie },
    });
    expect(r.status).toBe(303);
    const detail = await t.call('GET', new URL(r.headers.get('location')!).pathname, {
      headers: { cookie },
    });
    expect(detail.text).toContain('Form made');
    expect(detail.text).toMatch(/Provisioning ID<\/dt><dd><code>[0-9a-f]{32}</);
    expect(detail.text).toContain('does not recommend');
  });

  it("shows each field's problem on a rejected customer form, and creates nothing (ORG-1, ORG-2)", async () => {
    const t = createTestApp();
    const cookie = await signIn(t, 'acme-admin');
    const r = await t.call('POST', '/partner-hub/customers/new', {
      body: form({ companyName: '', adminEmail: 'nope', country: 'US' }),
      headers: { ...FORM, cookie },
    });
    expect(r.status).toBe(400);
    expect(r.text).toContain('data-testid="error-adminEmail"');
    expect(r.text).toContain('data-testid="error-supportedLocationAttested"');
    expect(r.text).toContain('data-testid="error-headquarters.addressLine1"');
    expect(
      (await t.call('GET', '/partner-hub/api/customers', { token: 'acme-admin' })).body.items,
    ).toEqual([]);
  });

  it('creates a customer through the form; its page shows the status moving on the virtual clock', async () => {
    const t = createTestApp();
    const cookie = await signIn(t, 'acme-admin');
    const pid = (await t.call('GET', '/sim/world')).body.partners[0].templates[0].provisioningId;
    const r = await t.call('POST', '/partner-hub/customers/new', {
      body: form({
        companyName: 'Form Co',
        adminEmail: 'it@form.example',
        provisioningId: pid,
        packages: ['webex_calling', 'webex_meetings'],
        addressLine1: '1 Main St',
        city: 'Austin',
        country: 'US',
        supportedLocationAttested: 'true',
      }),
      headers: { ...FORM, cookie },
    });
    expect(r.status).toBe(303);
    const path = new URL(r.headers.get('location')!).pathname;
    expect((await t.call('GET', path, { headers: { cookie } })).text).toContain('>provisioning<');
    await t.call('POST', '/sim/clock', { json: { advance: 'PT5M' } });
    const page = (await t.call('GET', path, { headers: { cookie } })).text;
    expect(page).toContain('>provisioned<');
    expect(page).toContain('Webex Calling, Webex Meetings');
    expect((await t.call('GET', '/partner-hub/customers', { headers: { cookie } })).text).toContain(
      'Form Co',
    );
  });

  it('lets readonly look but not create (403 page)', async () => {
    const t = createTestApp();
    const cookie = await signIn(t, 'acme-readonly');
    expect((await t.call('GET', '/partner-hub/templates', { headers: { cookie } })).status).toBe(
      200,
    );
    expect(
      (await t.call('GET', '/partner-hub/customers/new', { headers: { cookie } })).status,
    ).toBe(403);
    expect(
      (
        await t.call('POST', '/partner-hub/templates/new', {
          body: form({ name: 'x' }),
          headers: { ...FORM, cookie },
        })
      ).status,
    ).toBe(403);
  });

  it("answers 404 for another partner's template page (SIM-3)", async () => {
    const t = createTestApp();
    const theirs = (await t.call('GET', '/sim/world')).body.partners[1].templates[0].id;
    const cookie = await signIn(t, 'acme-admin');
    expect(
      (await t.call('GET', `/partner-hub/templates/${theirs}`, { headers: { cookie } })).status,
    ).toBe(404);
  });
});
