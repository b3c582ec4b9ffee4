import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../store/memory-store.ts';
import { EVENT_HANDLERS } from '../event-handlers.ts';
import { World } from '../kernel/world.ts';
import { selfActivate } from './activation.ts';
import { localizeVerificationMail } from './verification-mail-i18n.ts';

const activate = (lang: 'en' | 'es') => {
  const w = new World(new MemoryStore(), {
    seed: 1,
    clock: { mode: 'frozen' },
    wallClock: () => 0,
    handlers: EVENT_HANDLERS,
  });
  const r = w.read();
  const t = r.list('templates').find((x) => x.userVerification?.emailTrust === 'untrusted')!;
  const userId = r.list('enterprises').find((e) => e.partnerId === t.partnerId)!.directory[0]!
    .userId;
  w.transact((tx) => {
    const done = selfActivate(tx, t.activationLinkId!, { userId, email: 'ana@a.example' });
    if (done.ok) localizeVerificationMail(tx, done.value.subscriber.id, lang);
    return done;
  });
  return w.read().list('mail')[0]!;
};

describe('the verification mail in the portal language (FT-1)', () => {
  it('stays English for en, and is rewritten for es', () => {
    const en = activate('en');
    expect(en.subject).toBe('Verify your email address for Webex');
    const es = activate('es');
    expect(es.subject).toBe('Verifique su dirección de correo electrónico para Webex');
    expect(es.text).toContain('confirme ana@a.example');
    expect(es.links[0]!.label).toBe('Verificar mi dirección de correo electrónico');
    expect(es.links[0]!.link.to).toBe('activation-verify');
  });
});
