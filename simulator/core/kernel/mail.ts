/**
 * The world's outbox. Every mail the simulator sends (CCW provisioning mail, verification and consent
 * mails) lands here and is read through `/sim/mail`. Links are kept as paths and made absolute when
 * read, from the reader's origin and world prefix (api.md, Worlds); `{{link:N}}` in the text stands
 * for the Nth link's address.
 */
export interface MailLink {
  readonly label: string;
  readonly path: string;
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

export interface MailView {
  readonly id: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly links: readonly { label: string; url: string }[];
  readonly sentAt: string;
}

export const renderMail = (m: MailRecord, base: string): MailView => {
  const links = m.links.map((l) => ({ label: l.label, url: `${base}${l.path}` }));
  return {
    id: m.id,
    from: m.from,
    to: m.to,
    subject: m.subject,
    text: m.text.replace(
      /\{\{link:(\d+)\}\}/g,
      (whole, i: string) => links[Number(i)]?.url ?? whole,
    ),
    links,
    sentAt: m.sentAt,
  };
};

/** Newest first; mails sent at the same instant in reverse order of sending. */
export const newestFirst = (a: MailRecord, b: MailRecord): number =>
  b.sentAt === a.sentAt ? b.seq - a.seq : b.sentAt < a.sentAt ? -1 : 1;
