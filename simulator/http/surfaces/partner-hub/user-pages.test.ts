import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../adapters/testing.ts';
import { ADDRESS, ADMIN, advance, provisioningId } from '../../../../test/fixtures/wholesale.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const signIn = async (t: TestApp, token: string): Promise<string> =>
  (await t.call('POST', '/partner-hub/sign-in', { body: `token=${token}`, headers: FORM })).headers
    .get('set-cookie')!
    .split(';')[0]!;

const customer = async (t: TestApp) => {
  const r = await t.call('POST', '/partner-hub/api/customers', {
    ...ADMIN,
    json: {
      companyName: 'Page Co',
      adminEmail: 'boss@page.example',
      provisioningId: await provisioningId(t),
      packages: ['webex_calling', 'webex_meetings'],
      headquarters: ADDRESS,
      supportedLocationAttested: true,
    },
  });
  await advance(t, 'PT5M');
  return { id: r.body.id as string, hq: r.body.headquartersLocationId as string };
};

describe("Partner Hub pages: a customer's users (USR-1, USR-2, USR-5, ORG-4)", () => {
  it('links the users page from the customer, lists the full administrator and offers Add users (25 rows) and CSV add or edit', async () => {
    const t = createTestApp();
    const { id } = await customer(t);
    const cookie = await signIn(t, 'acme-admin');
    expect(
      (await t.call('GET', `/partner-hub/customers/${id}`, { headers: { cookie } })).text,
    ).toContain(`/partner-hub/customers/${id}/users`);
    const page = await t.call('GET', `/partner-hub/customers/${id}/users`, { headers: { cookie } });
    expect(page.text).toContain('boss@page.example');
    expect(page.text).toContain('(full administrator)');
    expect(page.text).toContain('CSV add or edit');
    const add = await t.call('GET', `/partner-hub/customers/${id}/users/add`, {
      headers: { cookie },
    });
    expect(add.text.match(/name="email\.\d+"/g)).toHaveLength(5);
    const all = await t.call('GET', `/partner-hub/customers/${id}/users/add?rows=25`, {
      headers: { cookie },
    });
    expect(all.text.match(/name="email\.\d+"/g)).toHaveLength(25);
  });

  it('adds users from the form and shows the field errors of a rejected add (USR-5)', async () => {
    const t = createTestApp();
    const { id, hq } = await customer(t);
    const cookie = await signIn(t, 'acme-admin');
    const row = (i: number, ext: string) =>
      `firstName.${i}=Ana&lastName.${i}=Lima&email.${i}=ana${i}%40page.example&package.${i}=webex_calling&locationId.${i}=${encodeURIComponent(hq)}&extension.${i}=${ext}`;
    const bad = await t.call('POST', `/partner-hub/customers/${id}/users/add`, {
      body: `${row(0, '200')}&${row(1, '')}`,
      headers: { ...FORM, cookie },
    });
    expect(bad.status).toBe(400);
    // Numbered as the screen does (row 2), beside its field, and every typed value kept.
    expect(bad.text).toContain(
      'Row 2, Phone number: a calling package needs a phone number or an extension',
    );
    expect(bad.text).toContain('data-testid="error-phoneNumber.1"');
    expect(bad.text).toContain('value="ana1@page.example"');
    expect(bad.text).not.toContain('users[1]');
    const good = await t.call('POST', `/partner-hub/customers/${id}/users/add`, {
      body: row(0, '200'),
      headers: { ...FORM, cookie },
    });
    expect(good.status).toBe(303);
    expect(
      (await t.call('GET', `/partner-hub/customers/${id}/users`, { headers: { cookie } })).text,
    ).toContain('ana0@page.example');
  });

  it('changes a package from the page and shows why a downgrade of the administrator is refused (ORG-4)', async () => {
    const t = createTestApp();
    const { id } = await customer(t);
    const cookie = await signIn(t, 'acme-admin');
    const admin = (await t.call('GET', `/partner-hub/api/customers/${id}/users`, ADMIN)).body
      .items[0];
    const r = await t.call('POST', `/partner-hub/customers/${id}/users/${admin.id}/package`, {
      body: 'package=webex_meetings',
      headers: { ...FORM, cookie },
    });
    expect(r.status).toBe(409);
    expect(r.text).toContain('ORG-4');
  });
});
