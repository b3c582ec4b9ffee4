import type { LinkIntent, MailRecord } from '../core/kernel/mail.ts';

/**
 * Where each link intent of the core leads, inside a world. The core writes no URLs; this is the
 * one place that turns its intents into paths, and `base` (origin plus world prefix) into absolute
 * URLs (api.md, Worlds).
 */
export const linkPath = (link: LinkIntent): string => {
  switch (link.to) {
    case 'ccw-setup':
      return `/ccw/setup/${link.token}`;
    case 'activation-verify':
      return `/activation/verify/${link.token}`;
    case 'consent':
      return `/consent/${link.token}`;
    case 'activation':
      return `/activation/${link.linkId}`;
    case 'billing-report':
      return `/billing-reports/${link.token}.csv`;
  }
};

export const linkUrl = (base: string, link: LinkIntent): string => `${base}${linkPath(link)}`;

export interface MailView {
  readonly id: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly links: readonly { label: string; url: string }[];
  readonly sentAt: string;
}

/** Mails kept by older versions carry a path instead of an intent. */
type StoredLink = MailRecord['links'][number] | { readonly label: string; readonly path: string };

/** A mail as `/sim/mail` shows it: links absolute, `{{link:N}}` in the text filled in. */
export const renderMail = (m: MailRecord, base: string): MailView => {
  const links = (m.links as readonly StoredLink[]).map((l) => ({
    label: l.label,
    url: 'path' in l ? `${base}${l.path}` : linkUrl(base, l.link),
  }));
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
