import { describe, expect, it } from 'vitest';
import { bwBody, bwWorld, latestLink } from '../../../../test/fixtures/broadworks.ts';
import { createTestApp, type TestApp } from '../../../adapters/testing.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const submit = (t: TestApp, linkId: string, userId: string, email: string, lang = 'en') =>
  t.call('POST', `/activation/${linkId}?lang=${lang}`, {
    body: new URLSearchParams({ userId, email }).toString(),
    headers: FORM,
  });
const subscribers = async (t: TestApp) =>
  (await t.call('GET', '/v1/broadworks/subscribers', { token: 'acme-admin' })).body.items;

describe('the activation portal (FT-1, FT-2, FT-5)', () => {
  it('lets a directory user self-activate: form, verification mail, link, provisioned', async () => {
    const t = createTestApp();
    const w = await bwWorld(t);
    const form = await t.call('GET', `/activation/${w.untrusted.linkId}`);
    expect(form.text).toContain('<html lang="en">');
    expect(form.text).toContain('BroadWorks user ID');
    const user = w.directory[0]!;
    const sent = await submit(t, w.untrusted.linkId, user.userId, 'dir@acme.example');
    expect(sent.status).toBe(200);
    expect(sent.text).toContain('We sent a verification link to dir@acme.example');
    const [s] = await subscribers(t);
    expect(s).toMatchObject({
      userId: user.userId,
      firstName: user.firstName,
      selfActivated: true,
      status: 'pending_email_validation',
    });
    const verify = await t.call('GET', await latestLink(t, 'dir@acme.example'));
    expect(verify.text).toContain('Email address verified');
    await t.call('POST', '/sim/clock', { json: { advance: 'PT30S' } });
    expect((await subscribers(t))[0].status).toBe('provisioned');
  });

  it.each([
    ['es', 'Active su cuenta de Webex'],
    ['pl', 'Aktywuj konto Webex'],
    ['it', 'Attiva il tuo account Webex'],
  ])('speaks %s, by ?lang= or by Accept-Language', async (lang, title) => {
    const t = createTestApp();
    const w = await bwWorld(t);
    const byQuery = await t.call('GET', `/activation/${w.untrusted.linkId}?lang=${lang}`);
    expect(byQuery.text).toContain(`<html lang="${lang}">`);
    expect(byQuery.text).toContain(title);
    const byHeader = await t.call('GET', `/activation/${w.untrusted.linkId}`, {
      headers: { 'accept-language': `${lang}-XX,${lang};q=0.9,en;q=0.5` },
    });
    expect(byHeader.text).toContain(`<html lang="${lang}">`);
  });

  it('shows every failure with Try again: not in the directory, invalid email, email taken (FT-2)', async () => {
    const t = createTestApp();
    const w = await bwWorld(t);
    const unknown = await submit(t, w.untrusted.linkId, 'nobody@bw.example', 'x@acme.example');
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain(
      'is not in your service provider&#39;s directory. Check it and try again.</span>',
    );
    expect(unknown.text).toMatch(/data-testid="try-again"/);
    const invalid = await submit(t, w.untrusted.linkId, w.directory[0]!.userId, 'not-an-email');
    expect(invalid.status).toBe(400);
    expect(await subscribers(t)).toEqual([]);
    await t.call('POST', '/v1/broadworks/subscribers', {
      token: 'acme-admin',
      json: bwBody(w.trusted.provisioningId, w.spEnterpriseId, { email: 'taken@acme.example' }),
    });
    const taken = await t.call('POST', `/activation/api/${w.untrusted.linkId}`, {
      json: { userId: w.directory[1]!.userId, email: 'taken@acme.example' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0].errorCode).toBe(10022);
    const again = await t.call('POST', `/activation/api/${w.untrusted.linkId}`, {
      json: { userId: w.directory[1]!.userId, email: 'free@acme.example' },
    });
    expect(again.status).toBe(202);
    expect(again.body.status).toBe('pending_email_validation');
  });

  it('refuses self-activation under a misconfigured template, naming the setting; the user goes to error (TPL-4)', async () => {
    const t = createTestApp();
    const w = await bwWorld(t);
    const trusted = await t.call('POST', `/activation/api/${w.trusted.linkId}`, {
      json: { userId: w.directory[0]!.userId, email: 'a@acme.example' },
    });
    expect(trusted.status).toBe(409);
    expect(trusted.body.errors[0]).toMatchObject({
      errorCode: 1203,
      description: expect.stringMatching(
        /user verification is "Trusted emails"; it must be "Untrusted emails"/,
      ),
    });
    await t.call('PATCH', `/partner-hub/api/templates/${w.untrusted.id}`, {
      token: 'acme-admin',
      json: {
        userVerification: { emailTrust: 'untrusted', shareLink: 'https://example.com/elsewhere' },
      },
    });
    const share = await t.call('POST', `/activation/api/${w.untrusted.linkId}`, {
      json: { userId: w.directory[1]!.userId, email: 'b@acme.example' },
    });
    expect(share.body.errors[0].description).toMatch(
      /share link \(https:\/\/example.com\/elsewhere\) does not point to the template's activation link/,
    );
    const [s] = (await subscribers(t)).filter(
      (x: { userId: string }) => x.userId === w.directory[1]!.userId,
    );
    expect(s).toMatchObject({ status: 'error', errors: [{ errorCode: 1203 }] });
  });

  it('after deleting a user and fixing the configuration, the user can onboard again (FT-5)', async () => {
    const t = createTestApp();
    const w = await bwWorld(t);
    await t.call('PATCH', `/partner-hub/api/templates/${w.untrusted.id}`, {
      token: 'acme-admin',
      json: { userVerification: { emailTrust: 'trusted' } },
    });
    const user = w.directory[2]!.userId;
    await t.call('POST', `/activation/api/${w.untrusted.linkId}`, {
      json: { userId: user, email: 'c@acme.example' },
    });
    const [s] = await subscribers(t);
    expect(s.status).toBe('error');
    expect(
      (
        await t.call('DELETE', `/partner-hub/api/templates/${w.untrusted.id}/user-status/${s.id}`, {
          token: 'acme-admin',
        })
      ).status,
    ).toBe(204);
    await t.call('PATCH', `/partner-hub/api/templates/${w.untrusted.id}`, {
      token: 'acme-admin',
      json: { userVerification: { emailTrust: 'untrusted' } },
    });
    const r = await t.call('POST', `/activation/api/${w.untrusted.linkId}`, {
      json: { userId: user, email: 'c@acme.example' },
    });
    expect(r.status).toBe(202);
    expect(r.body.subscriberId).not.toBe(s.id);
  });

  it('an unknown activation link is a 404 page; a used verification link is a 404 with Try again', async () => {
    const t = createTestApp();
    expect((await t.call('GET', '/activation/nope')).status).toBe(404);
    const used = await t.call('GET', '/activation/verify/0123');
    expect(used.status).toBe(404);
    expect(used.text).toContain('Try again');
  });
});

describe('an injected fault on the portal (FT-2, SIM-4)', () => {
  it('shows the error as a page with Try again, and the next attempt goes through', async () => {
    const t = createTestApp();
    const w = await bwWorld(t);
    await t.call('POST', '/sim/faults', {
      json: {
        method: 'POST',
        path: '/activation/*',
        status: 503,
        message: 'Activation service unavailable',
        times: 1,
      },
    });
    const failed = await t.call('POST', `/activation/${w.untrusted.linkId}`, {
      body: new URLSearchParams({
        userId: w.directory[0]!.userId,
        email: 'f@acme.example',
      }).toString(),
      headers: { ...FORM, accept: 'text/html' },
    });
    expect(failed.status).toBe(503);
    expect(failed.text).toContain('Activation service unavailable');
    expect(failed.text).toContain('Try again');
    expect(await subscribers(t)).toEqual([]);
    const ok = await submit(t, w.untrusted.linkId, w.directory[0]!.userId, 'f@acme.example');
    expect(ok.status).toBe(200);
  });
});

describe('blank and control-character user ids (issue 16)', () => {
  it.each(['   ', '\u0000', '\u0000\u0000\u0000', ' \t ', 'ana\u0000@bw.example'])(
    'the portal and /v1 refuse the user id %j, creating nothing',
    async (userId) => {
      const t = createTestApp();
      const w = await bwWorld(t);
      const before = (await subscribers(t)).length;
      const api = await t.call('POST', `/activation/api/${w.untrusted.linkId}`, {
        json: { userId, email: 'new@x.example' },
      });
      expect(api.status).toBe(400);
      expect(api.body.errors[0].description).toMatch(/^userId: /);
      expect((await submit(t, w.untrusted.linkId, userId, 'new@x.example')).status).toBe(400);
      const v1 = await t.call('POST', '/v1/broadworks/subscribers', {
        token: 'acme-admin',
        json: bwBody(w.untrusted.provisioningId, w.spEnterpriseId, { userId }),
      });
      expect(v1.status).toBe(400);
      expect(v1.body.errors[0].description).toMatch(/^userId: /);
      expect((await subscribers(t)).length).toBe(before);
    },
  );
});
