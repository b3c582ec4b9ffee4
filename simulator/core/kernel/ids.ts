/** Webex ids: base64url of `ciscospark://us/<TYPE>/<uuid>` (api.md, `/v1`). */
export type WebexIdType =
  | 'ORGANIZATION'
  | 'PEOPLE'
  | 'LOCATION'
  | 'SUBSCRIPTION'
  | 'ENTERPRISE'
  | 'SUBSCRIBER'
  | 'BROADWORKS_SUBSCRIBER'
  | 'BROADWORKS_ENTERPRISE'
  | 'PARTNER'
  | 'TEMPLATE'
  | 'ORDER'
  | 'ORDER_LINE'
  | 'SUPPORT_CASE'
  | 'CASE'
  | 'MAIL'
  | 'FAULT'
  | 'EVENT'
  | 'BILLING_REPORT'
  | 'PLACE';

/** A text's UTF-8 bytes as a string of char codes 0–255 (an ASCII text is its own). */
const binaryOf = (text: string): string => {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  let binary = '';
  for (const b of new TextEncoder().encode(text)) binary += String.fromCharCode(b);
  return binary;
};

/** base64url, without padding, of a text's UTF-8 bytes (the platform's `btoa`, then URL-safe). */
const toBase64Url = (text: string): string =>
  btoa(binaryOf(text)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

const fromBase64Url = (id: string): string | undefined => {
  try {
    const binary = atob(id.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(binary, (ch) => ch.charCodeAt(0)),
    );
  } catch {
    return undefined;
  }
};

/**
 * Per type, the encoded head of `ciscospark://us/<TYPE>/` up to a whole number of 3-byte groups
 * (base64 encodes 3 bytes at a time, so the head's code never depends on what follows), and the
 * few characters left over: an id encodes only those and its uuid.
 */
const PREFIXES = new Map<string, { readonly code: string; readonly rest: string }>();

const prefixOf = (type: string): { readonly code: string; readonly rest: string } => {
  let p = PREFIXES.get(type);
  if (!p) {
    const text = `ciscospark://us/${type}/`;
    const cut = text.length - (text.length % 3);
    p = { code: toBase64Url(text.slice(0, cut)), rest: text.slice(cut) };
    PREFIXES.set(type, p);
  }
  return p;
};

export const webexId = (type: WebexIdType, uuid: string): string => {
  const p = prefixOf(type);
  return p.code + toBase64Url(p.rest + uuid);
};

/** The type and uuid inside a Webex id, or undefined when it is not one. */
export const decodeWebexId = (id: string): { type: string; uuid: string } | undefined => {
  const m = /^ciscospark:\/\/us\/([A-Z_]+)\/([0-9a-f-]{36})$/.exec(fromBase64Url(id) ?? '');
  return m ? { type: m[1]!, uuid: m[2]! } : undefined;
};
