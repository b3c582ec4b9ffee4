import { describe, expect, it } from 'vitest';
import { bwBody, bwWorld } from '../../../../test/fixtures/broadworks.ts';
import { createTestApp, type TestApp } from '../../../adapters/testing.ts';
import { LANGS, TEXT } from './views/i18n.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const submit = (t: TestApp, linkId: string, userId: string, email: string, lang: string) =>
  t.call('POST', `/activation/${linkId}?lang=${lang}`, {
    body: new URLSearchParams({ userId, email }).toString(),
    headers: FORM,
  });
const html = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`).replace(/&#38;/g, '&amp;');
const contains = (page: string, text: string) =>
  expect(page.includes(text) || page.includes(html(text))).toBe(true);

describe('the activation portal speaks the whole flow in en, es, pl, it (FT-1, FT-2)', () => {
  it.each(LANGS.filter((l) => l !== 'en'))(
    '%s: every error, the verification mail and the verified page',
    async (lang) => {
      const t = createTestApp();
      const w = await bwWorld(t);
      const text = TEXT[lang];
      const unknown = await submit(t, w.untrusted.linkId, 'nobody@bw.example', 'x@a.example', lang);
      expect(unknown.status).toBe(404);
      contains(unknown.text, text.errors.notInDirectory('nobody@bw.example'));
      contains(unknown.text, text.tryAgain);
      const shown = /data-testid="portal-error">([^<]*)</.exec(unknown.text)?.[1] ?? '';
      expect(shown).not.toContain('is not in your service provider');
      const user = w.directory[0]!.userId;
      contains(
        (await submit(t, w.untrusted.linkId, user, 'nope', lang)).text,
        text.errors.invalidEmail,
      );
      contains(
        (await submit(t, w.untrusted.linkId, '', 'a@a.example', lang)).text,
        text.errors.enterUserId,
      );
      await t.call('POST', '/v1/broadworks/subscribers', {
        token: 'acme-admin',
        json: bwBody(w.trusted.provisioningId, w.spEnterpriseId, { email: 'taken@a.example' }),
      });
      const taken = await submit(t, w.untrusted.linkId, user, 'taken@a.example', lang);
      expect(taken.status).toBe(409);
      contains(taken.text, text.errors.emailInUse);
      // The core's English text stays available to the administrator, folded away.
      expect(taken.text).toContain('data-testid="portal-error-detail"');
      const misconfigured = await submit(
        t,
        w.trusted.linkId,
        w.directory[1]!.userId,
        'm@a.example',
        lang,
      );
      contains(misconfigured.text, text.errors.misconfigured);
      const badLink = await t.call('GET', `/activation/nope?lang=${lang}`);
      contains(badLink.text, text.errors.linkNotFound);

      const sent = await submit(t, w.untrusted.linkId, user, 'ana@a.example', lang);
      contains(sent.text, text.sent('ana@a.example'));
      const mail = (await t.call('GET', '/sim/mail?to=ana@a.example')).body.items[0];
      expect(mail.subject).not.toBe('Verify your email address for Webex');
      expect(mail.text).toContain('ana@a.example');
      expect(mail.links[0].url).toMatch(/\/activation\/verify\/\w+$/);
      const verified = await t.call('GET', new URL(mail.links[0].url).pathname + `?lang=${lang}`);
      expect(verified.text).toContain(`<html lang="${lang}">`);
      contains(verified.text, text.verifiedTitle);
      const again = await t.call('GET', new URL(mail.links[0].url).pathname + `?lang=${lang}`);
      contains(again.text, text.errors.verifyLinkInvalid);
    },
  );

  it('Spanish Try again follows Cisco\'s article: "Volver a intentarlo"', () => {
    expect(TEXT.es.tryAgain).toBe('Volver a intentarlo');
  });

  it('every language has every text', () => {
    const keys = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'object' ? keys(v as object).map((x) => `${k}.${x}`) : [k],
      );
    for (const l of LANGS) expect(keys(TEXT[l]).sort()).toEqual(keys(TEXT.en).sort());
  });
});
