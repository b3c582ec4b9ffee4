import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../adapters/testing.ts';
import { REPLACE_STEP } from '../../../store/memory-store.ts';
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
    // A page past the end shows the last one, its users with it.
    const past = await t.call('GET', `/partner-hub/customers/${id}/users?page=9`, {
      headers: { cookie },
    });
    expect(past.status).toBe(200);
    expect(past.text).toContain('boss@page.example');
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

  describe('CSV add or edit runs as a job with a progress bar; the report filters to failures (USR-2, issue 14)', () => {
    const HEADER =
      'User ID/Email (Required),First Name,Last Name,Preferred Webex Site,Webex Meetings [Wholesale]';
    /** `n` rows, every 100th of them without a valid email. */
    const csvOf = (n: number) =>
      [
        HEADER,
        ...Array.from({ length: n }, (_, i) =>
          i % 100 === 99
            ? `not-an-email-${i},X,Y,acme.webex.com,TRUE`
            : `u${i}@page.example,U,${i},acme.webex.com,TRUE`,
        ),
      ].join('\n');
    const importCsv = (t: TestApp, id: string, cookie: string, csv: string) =>
      t.call('POST', `/partner-hub/customers/${id}/users/import`, {
        body: `behavior=default&file=${encodeURIComponent(csv)}`,
        headers: { ...FORM, cookie },
      });
    /** Lets the job's queued chunks run (each is one turn of the event loop); bounded. */
    const settle = async (t: TestApp, jobPath: string, cookie: string) => {
      for (let i = 0; i < 200; i++) {
        const page = await t.call('GET', jobPath, { headers: { cookie } });
        if (!page.text.includes('data-testid="import-progress"')) return page;
        await new Promise((r) => setTimeout(r, 0));
      }
      throw new Error('the import job did not finish');
    };

    it('applies a small file before the answer, then shows its report', async () => {
      const t = createTestApp();
      const { id } = await customer(t);
      const cookie = await signIn(t, 'acme-admin');
      const r = await importCsv(t, id, cookie, csvOf(3));
      expect(r.status).toBe(303);
      const jobPath = new URL(r.headers.get('location')!).pathname;
      expect(jobPath).toMatch(new RegExp(`^/partner-hub/customers/${id}/users/import/jobs/\\d+$`));
      const page = await t.call('GET', jobPath, { headers: { cookie } });
      expect(page.text).not.toContain('data-testid="import-progress"');
      expect(page.text).not.toContain('http-equiv="refresh"');
      expect(page.text).toContain('created: 3');
      expect(page.text).toContain('Every row applied so far without a warning.');
    });

    it('runs a large file in chunks: progress and refresh while it runs, the API answers meanwhile, then a paged report of the failures', async () => {
      const t = createTestApp();
      const { id } = await customer(t);
      const cookie = await signIn(t, 'acme-admin');
      const r = await importCsv(t, id, cookie, csvOf(1200));
      expect(r.status).toBe(303);
      const jobPath = new URL(r.headers.get('location')!).pathname;
      const running = await t.call('GET', jobPath, { headers: { cookie } });
      expect(running.text).toContain('<progress max="1200" value="250"');
      expect(running.text).toContain('<meta http-equiv="refresh" content="1"/>');
      // Between two chunks the API answers, and sees the rows applied so far.
      const users = await t.call('GET', `/partner-hub/api/customers/${id}/users`, ADMIN);
      expect(users.status).toBe(200);
      expect(users.body.items.length).toBeLessThan(1200);
      const done = await settle(t, jobPath, cookie);
      expect(done.text).toContain('created: 1188');
      expect(done.text).toContain('failed: 12');
      expect(done.text).toContain('Failures and warnings (12)');
      expect(done.text).toContain('All rows (1200)');
      expect(done.text).toContain('data-testid="report-line-101"');
      expect(done.text).not.toContain('data-testid="report-line-2"');
      const all = await t.call('GET', `${jobPath}?show=all&page=12`, { headers: { cookie } });
      expect(all.text).toContain('data-testid="report-all"');
      expect(all.text).toContain('data-testid="report-line-1201"');
      expect(all.text).not.toContain('data-testid="report-line-1100"');
      expect(all.text).toContain('Page 12 of 12');
    });

    it('stops a running job when its customer can no longer take users, keeping the rows applied so far', async () => {
      const t = createTestApp();
      const { id } = await customer(t);
      const cookie = await signIn(t, 'acme-admin');
      const r = await importCsv(t, id, cookie, csvOf(1200));
      const jobPath = new URL(r.headers.get('location')!).pathname;
      const gone = await t.call('DELETE', `/v1/wholesale/customers/${id}`, ADMIN);
      expect(gone.status).toBe(202);
      const page = await settle(t, jobPath, cookie);
      expect(page.text).toContain('The import stopped after 250 of 1200 rows');
      expect(page.text).toContain('All rows (250)');
    });

    it('waits while its world is restored, then goes on in the world restored', async () => {
      const t = createTestApp();
      const { id } = await customer(t);
      const cookie = await signIn(t, 'acme-admin');
      // A world a restore takes several steps to put back (a step puts REPLACE_STEP entities).
      t.store.apply(
        Array.from({ length: 4 * REPLACE_STEP }, (_, i) => ({
          op: 'put' as const,
          collection: 'notes',
          value: { id: `n${i}` },
        })),
      );
      const taken = await t.call('POST', '/sim/snapshots', { json: {} });
      const usersPath = `/partner-hub/api/customers/${id}/users?max=2000`;
      const before = (await t.call('GET', usersPath, ADMIN)).body.items.length as number;
      const r = await importCsv(t, id, cookie, csvOf(1200));
      const jobPath = new URL(r.headers.get('location')!).pathname;
      // The job's chunks wait for the restore's steps: none writes into a world half restored.
      const restored = await t.call('POST', `/sim/snapshots/${taken.body.id}/restore`);
      expect(restored.status).toBe(200);
      const page = await settle(t, jobPath, cookie);
      expect(page.text).toContain('created: 1188');
      // The first chunk (250 rows) went with the restore; the rest, 10 of them refused, came after.
      const users = await t.call('GET', usersPath, ADMIN);
      expect(users.body.items).toHaveLength(before + 940);
    });

    it('runs at most four imports in a world at once; a fifth is asked to wait (429), changing nothing', async () => {
      const t = createTestApp();
      const { id } = await customer(t);
      const cookie = await signIn(t, 'acme-admin');
      for (let k = 0; k < 4; k++)
        expect((await importCsv(t, id, cookie, csvOf(1000 + k))).status).toBe(303);
      const fifth = await importCsv(t, id, cookie, csvOf(600));
      expect(fifth.status).toBe(429);
      expect(fifth.headers.get('retry-after')).toBe('1');
      expect(fifth.text).toContain('4 imports are running in this world already');
    });

    it('refuses an unreadable file as a whole, changing nothing, and keeps the job to its partner', async () => {
      const t = createTestApp();
      const { id } = await customer(t);
      const cookie = await signIn(t, 'acme-admin');
      const before = (await t.call('GET', `/partner-hub/api/customers/${id}/users`, ADMIN)).body;
      const bad = await importCsv(t, id, cookie, 'First Name\nAna');
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('data-testid="form-errors"');
      expect((await t.call('GET', `/partner-hub/api/customers/${id}/users`, ADMIN)).body).toEqual(
        before,
      );
      const r = await importCsv(t, id, cookie, csvOf(2));
      const jobPath = new URL(r.headers.get('location')!).pathname;
      expect((await t.call('GET', `${jobPath}9`, { headers: { cookie } })).status).toBe(404);
    });
  });
});
