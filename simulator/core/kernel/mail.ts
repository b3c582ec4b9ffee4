/**
 * The world's outbox. Every mail the simulator sends (CCW provisioning mail, verification and consent
 * mails) lands here and is read through `/sim/mail`. The core writes no URLs: a mail's links are
 * intents (where the link leads and with which token); the http edge turns them into absolute URLs
 * from the reader's origin and world prefix (api.md, Worlds). `{{link:N}}` in the text stands for
 * the Nth link's address.
 */
export type LinkIntent =
  | { readonly to: 'ccw-setup'; readonly token: string }
  | { readonly to: 'activation-verify'; readonly token: string }
  | { readonly to: 'consent'; readonly token: string }
  | { readonly to: 'activation'; readonly linkId: string }
  /** A completed billing report's CSV (its `tempDownloadURL`). */
  | { readonly to: 'billing-report'; readonly token: string };

export interface MailLink {
  readonly label: string;
  readonly link: LinkIntent;
}

export interface MailRecord {
  readonly id: string;
  readonly seq: number;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly links: readonly MailLink[];
  readonly sentAt: string;
}

/** Newest first; mails sent at the same instant in reverse order of sending. */
export const newestFirst = (a: MailRecord, b: MailRecord): number =>
  b.sentAt === a.sentAt ? b.seq - a.seq : b.sentAt < a.sentAt ? -1 : 1;

/**
 * Mails oldest first (the reverse of `newestFirst`). A world keeps its mail in the order it was
 * sent, so that is the list as it is, checked in one pass; a list in another order (a world
 * document written by hand) is sorted.
 */
export const oldestFirst = (mails: readonly MailRecord[]): readonly MailRecord[] => {
  for (let i = 1; i < mails.length; i += 1)
    if (newestFirst(mails[i - 1]!, mails[i]!) < 0)
      return [...mails].sort((a, b) => newestFirst(b, a));
  return mails;
};
