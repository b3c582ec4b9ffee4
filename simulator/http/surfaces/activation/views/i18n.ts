/** The activation portal's words in the four languages it speaks (api.md, `/activation`). */
export const LANGS = ['en', 'es', 'pl', 'it'] as const;
export type Lang = (typeof LANGS)[number];

export interface PortalText {
  readonly title: string;
  readonly intro: string;
  readonly userId: string;
  readonly email: string;
  readonly submit: string;
  readonly sentTitle: string;
  readonly sent: (email: string) => string;
  readonly verifiedTitle: string;
  readonly verified: string;
  readonly errorTitle: string;
  readonly copy: string;
  readonly tryAgain: string;
}

export const TEXT: Readonly<Record<Lang, PortalText>> = {
  en: {
    title: 'Activate your Webex account',
    intro: 'Enter your BroadWorks user ID and the email address you want to use with Webex.',
    userId: 'BroadWorks user ID',
    email: 'Email address',
    submit: 'Activate',
    sentTitle: 'Check your email',
    sent: (e) => `We sent a verification link to ${e}. Open it to finish setting up Webex.`,
    verifiedTitle: 'Email address verified',
    verified: 'Thank you. Your Webex account is being set up; you can sign in shortly.',
    errorTitle: 'Something went wrong',
    copy: 'Copy error text',
    tryAgain: 'Try again',
  },
  es: {
    title: 'Active su cuenta de Webex',
    intro:
      'Introduzca su ID de usuario de BroadWorks y la dirección de correo electrónico que desea utilizar con Webex.',
    userId: 'ID de usuario de BroadWorks',
    email: 'Dirección de correo electrónico',
    submit: 'Activar',
    sentTitle: 'Revise su correo electrónico',
    sent: (e) =>
      `Hemos enviado un enlace de verificación a ${e}. Ábralo para terminar de configurar Webex.`,
    verifiedTitle: 'Dirección de correo electrónico verificada',
    verified: 'Gracias. Su cuenta de Webex se está configurando; podrá iniciar sesión en breve.',
    errorTitle: 'Se ha producido un error',
    copy: 'Copiar el texto del error',
    tryAgain: 'Intentar de nuevo',
  },
  pl: {
    title: 'Aktywuj konto Webex',
    intro:
      'Wprowadź identyfikator użytkownika BroadWorks i adres e-mail, którego chcesz używać w Webex.',
    userId: 'Identyfikator użytkownika BroadWorks',
    email: 'Adres e-mail',
    submit: 'Aktywuj',
    sentTitle: 'Sprawdź pocztę e-mail',
    sent: (e) =>
      `Wysłaliśmy link weryfikacyjny na adres ${e}. Otwórz go, aby dokończyć konfigurację Webex.`,
    verifiedTitle: 'Adres e-mail zweryfikowany',
    verified:
      'Dziękujemy. Twoje konto Webex jest konfigurowane; wkrótce będzie można się zalogować.',
    errorTitle: 'Wystąpił błąd',
    copy: 'Kopiuj tekst błędu',
    tryAgain: 'Spróbuj ponownie',
  },
  it: {
    title: 'Attiva il tuo account Webex',
    intro:
      "Inserisci l'ID utente BroadWorks e l'indirizzo e-mail che desideri utilizzare con Webex.",
    userId: 'ID utente BroadWorks',
    email: 'Indirizzo e-mail',
    submit: 'Attiva',
    sentTitle: 'Controlla la tua e-mail',
    sent: (e) =>
      `Abbiamo inviato un link di verifica a ${e}. Aprilo per completare la configurazione di Webex.`,
    verifiedTitle: 'Indirizzo e-mail verificato',
    verified: "Grazie. L'account Webex è in fase di configurazione; a breve potrai accedere.",
    errorTitle: 'Si è verificato un errore',
    copy: "Copia il testo dell'errore",
    tryAgain: 'Riprova',
  },
};

/** `?lang=` first, then the first supported language of `Accept-Language`, else English. */
export const pickLang = (query: string | undefined, acceptLanguage: string | undefined): Lang => {
  const wanted = [query, ...(acceptLanguage ?? '').split(',').map((p) => p.split(';')[0]?.trim())];
  for (const w of wanted) {
    const base = w?.toLowerCase().slice(0, 2);
    if (base && (LANGS as readonly string[]).includes(base)) return base as Lang;
  }
  return 'en';
};
