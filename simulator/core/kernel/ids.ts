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

const toBase64Url = (text: string): string => {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

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

export const webexId = (type: WebexIdType, uuid: string): string =>
  toBase64Url(`ciscospark://us/${type}/${uuid}`);

/** The type and uuid inside a Webex id, or undefined when it is not one. */
export const decodeWebexId = (id: string): { type: string; uuid: string } | undefined => {
  const m = /^ciscospark:\/\/us\/([A-Z_]+)\/([0-9a-f-]{36})$/.exec(fromBase64Url(id) ?? '');
  return m ? { type: m[1]!, uuid: m[2]! } : undefined;
};
