import type { WorldTx } from '../kernel/world-tx.ts';

/** The languages of the activation portal, and so of its verification mail (FT-1). */
export type MailLang = 'en' | 'es' | 'pl' | 'it';

const MAIL: Readonly<
  Record<
    MailLang,
    { subject: string; text: (name: string, email: string) => string; label: string }
  >
> = {
  en: {
    subject: 'Verify your email address for Webex',
    text: (n, e) => `Hello ${n}, confirm ${e} to finish setting up Webex: {{link:0}}`,
    label: 'Verify my email address',
  },
  es: {
    subject: 'Verifique su dirección de correo electrónico para Webex',
    text: (n, e) => `Hola, ${n}: confirme ${e} para terminar de configurar Webex: {{link:0}}`,
    label: 'Verificar mi dirección de correo electrónico',
  },
  pl: {
    subject: 'Zweryfikuj swój adres e-mail w Webex',
    text: (n, e) =>
      `Dzień dobry, ${n}. Potwierdź adres ${e}, aby dokończyć konfigurację Webex: {{link:0}}`,
    label: 'Zweryfikuj mój adres e-mail',
  },
  it: {
    subject: 'Verifica il tuo indirizzo e-mail per Webex',
    text: (n, e) =>
      `Ciao ${n}, conferma ${e} per completare la configurazione di Webex: {{link:0}}`,
    label: 'Verifica il mio indirizzo e-mail',
  },
};

/**
 * The verification mail just sent to a subscriber, in the language the user chose in the portal:
 * rewritten in the same transaction that sent it (the core sends it in English).
 */
export const localizeVerificationMail = (
  tx: WorldTx,
  subscriberId: string,
  lang: MailLang,
): void => {
  if (lang === 'en') return;
  const s = tx.get('broadworksSubscribers', subscriberId);
  if (!s?.verifyToken || !s.email) return;
  const token = s.verifyToken;
  const mail = tx.lookup('mail', 'verifyToken', token)[0];
  if (!mail) return;
  const m = MAIL[lang];
  tx.put('mail', {
    ...mail,
    subject: m.subject,
    text: m.text(s.firstName, s.email),
    links: mail.links.map((l) => ({ ...l, label: m.label })),
  });
};
