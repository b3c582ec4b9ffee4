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
  /** Error texts, by what went wrong (the core's error codes; its messages are English). */
  readonly errors: {
    readonly linkNotFound: string;
    readonly notInDirectory: (userId: string) => string;
    readonly enterUserId: string;
    readonly invalidEmail: string;
    readonly emailInUse: string;
    readonly misconfigured: string;
    readonly nothingToActivate: string;
    readonly verifyLinkInvalid: string;
    readonly other: string;
  };
  readonly details: string;
  readonly verifiedNext: string;
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
    errors: {
      linkNotFound:
        'This activation link is not valid. Ask your service provider for the right link.',
      notInDirectory: (u) =>
        `BroadWorks user ID ${u} is not in your service provider's directory. Check it and try again.`,
      enterUserId: 'Enter your BroadWorks user ID.',
      invalidEmail: 'Enter a valid email address, such as ana@example.com.',
      emailInUse: 'This email address is already used by another Webex user. Enter another one.',
      misconfigured:
        'Self-activation is not set up correctly for your service provider. Contact your administrator.',
      nothingToActivate:
        'This user is already activated or being activated: there is nothing to do here.',
      verifyLinkInvalid:
        'This verification link is not valid any more: it was used already, or a newer one was sent.',
      other: 'The activation could not be completed.',
    },
    details: 'Details for your administrator',
    verifiedNext: 'You can close this page.',
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
    // Cisco's Spanish article on the portal names it so (seed 000).
    tryAgain: 'Volver a intentarlo',
    errors: {
      linkNotFound:
        'Este enlace de activación no es válido. Solicite el enlace correcto a su proveedor de servicios.',
      notInDirectory: (u) =>
        `El ID de usuario de BroadWorks ${u} no está en el directorio de su proveedor de servicios. Compruébelo y vuelva a intentarlo.`,
      enterUserId: 'Introduzca su ID de usuario de BroadWorks.',
      invalidEmail: 'Introduzca una dirección de correo electrónico válida, como ana@example.com.',
      emailInUse:
        'Otro usuario de Webex ya utiliza esta dirección de correo electrónico. Introduzca otra.',
      misconfigured:
        'La activación automática no está configurada correctamente para su proveedor de servicios. Póngase en contacto con su administrador.',
      nothingToActivate:
        'Este usuario ya está activado o en proceso de activación: no hay nada que hacer aquí.',
      verifyLinkInvalid:
        'Este enlace de verificación ya no es válido: ya se utilizó o se envió uno más reciente.',
      other: 'No se pudo completar la activación.',
    },
    details: 'Detalles para su administrador',
    verifiedNext: 'Puede cerrar esta página.',
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
    errors: {
      linkNotFound:
        'Ten link aktywacyjny jest nieprawidłowy. Poproś dostawcę usług o właściwy link.',
      notInDirectory: (u) =>
        `Identyfikatora użytkownika BroadWorks ${u} nie ma w katalogu Twojego dostawcy usług. Sprawdź go i spróbuj ponownie.`,
      enterUserId: 'Wprowadź identyfikator użytkownika BroadWorks.',
      invalidEmail: 'Wprowadź prawidłowy adres e-mail, na przykład ana@example.com.',
      emailInUse:
        'Ten adres e-mail jest już używany przez innego użytkownika Webex. Wprowadź inny.',
      misconfigured:
        'Samodzielna aktywacja nie jest poprawnie skonfigurowana u Twojego dostawcy usług. Skontaktuj się z administratorem.',
      nothingToActivate:
        'Ten użytkownik jest już aktywowany lub trwa jego aktywacja: nie ma tu nic do zrobienia.',
      verifyLinkInvalid:
        'Ten link weryfikacyjny jest już nieważny: został użyty lub wysłano nowszy.',
      other: 'Nie udało się dokończyć aktywacji.',
    },
    details: 'Szczegóły dla administratora',
    verifiedNext: 'Możesz zamknąć tę stronę.',
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
    errors: {
      linkNotFound:
        'Questo link di attivazione non è valido. Chiedi il link corretto al tuo fornitore di servizi.',
      notInDirectory: (u) =>
        `L'ID utente BroadWorks ${u} non è nella directory del tuo fornitore di servizi. Controllalo e riprova.`,
      enterUserId: "Inserisci l'ID utente BroadWorks.",
      invalidEmail: 'Inserisci un indirizzo e-mail valido, ad esempio ana@example.com.',
      emailInUse:
        'Questo indirizzo e-mail è già utilizzato da un altro utente Webex. Inseriscine un altro.',
      misconfigured:
        "L'attivazione automatica non è configurata correttamente dal tuo fornitore di servizi. Contatta l'amministratore.",
      nothingToActivate:
        "Questo utente è già attivato o in fase di attivazione: non c'è nulla da fare qui.",
      verifyLinkInvalid:
        'Questo link di verifica non è più valido: è già stato usato o ne è stato inviato uno più recente.',
      other: "Impossibile completare l'attivazione.",
    },
    details: "Dettagli per l'amministratore",
    verifiedNext: 'Puoi chiudere questa pagina.',
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

/** Why a portal request failed, by the core's error code and field (its messages are English). */
export type PortalProblem =
  | { readonly kind: 'linkNotFound' }
  | { readonly kind: 'verifyLinkInvalid' }
  | { readonly kind: 'notInDirectory'; readonly userId: string }
  | { readonly kind: 'enterUserId' | 'invalidEmail' | 'emailInUse' | 'misconfigured' }
  | { readonly kind: 'nothingToActivate' | 'other' };

/** The problem of a failed submit, from the error's status, code and field path. */
export const portalProblem = (
  e: { status: number; errors: readonly { description: string; errorCode?: number }[] },
  userId: string,
): PortalProblem => {
  const first = e.errors[0];
  const code = first?.errorCode;
  if (e.status === 400) {
    if (e.errors.some((x) => x.description.startsWith('userId:'))) return { kind: 'enterUserId' };
    return { kind: 'invalidEmail' };
  }
  if (code === 10022) return { kind: 'emailInUse' };
  if (code === 1203) return { kind: 'misconfigured' };
  if (code === 1202) return { kind: 'nothingToActivate' };
  if (e.status === 404) return { kind: 'notInDirectory', userId };
  return { kind: 'other' };
};

export const problemText = (t: PortalText, p: PortalProblem): string =>
  p.kind === 'notInDirectory' ? t.errors.notInDirectory(p.userId) : t.errors[p.kind];
