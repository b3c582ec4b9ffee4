import type { Entity } from './store-port.ts';
import { byDueTime, type EventRecord } from './events.ts';

/** How an index keys an entity: one key, or none (the entity is not in that index). */
export type IndexKey = (entity: Entity) => string | undefined;

/** Phone numbers compare by their digits (and a leading +): `+1-240-555-1212` is `+12405551212`. */
export const phoneKey = (n: string): string => n.replace(/[^0-9+]/g, '');

const field =
  (name: string, lower = false): IndexKey =>
  (e) => {
    const v = (e as unknown as Record<string, unknown>)[name];
    if (typeof v !== 'string' || v === '') return undefined;
    return lower ? v.toLowerCase() : v;
  };

/** Two fields as one key (`a\u0000b`), when both are set. */
export const pairKey = (a: string, b: string): string => `${a}\u0000${b}`;
const pair =
  (a: string, b: string): IndexKey =>
  (e) => {
    const r = e as unknown as Record<string, unknown>;
    const x = r[a];
    const y = r[b];
    return typeof x === 'string' && typeof y === 'string' && y !== '' ? pairKey(x, y) : undefined;
  };

/**
 * The equality indexes every store keeps, maintained by its write path: each uniqueness rule
 * (emails, extensions per customer, phone numbers, tokens) and each list filter (customer,
 * external id, status, partner). Emails are keyed in lower case.
 */
export const INDEXES: Readonly<Record<string, Readonly<Record<string, IndexKey>>>> = {
  users: { token: field('token') },
  customers: {
    partnerId: field('partnerId'),
    externalId: field('externalId'),
    orgId: field('orgId'),
    templateId: field('templateId'),
  },
  locations: { customerId: field('customerId') },
  subscribers: {
    email: field('email', true),
    customerId: field('customerId'),
    partnerId: field('partnerId'),
    status: field('status'),
    personId: field('personId'),
    customerExtension: pair('customerId', 'extension'),
    phone: (e) => {
      const p = (e as { primaryPhoneNumber?: unknown }).primaryPhoneNumber;
      return typeof p === 'string' && p !== '' ? phoneKey(p) : undefined;
    },
    consentToken: field('consentToken'),
    created: field('created'),
    lastStatusChange: field('lastStatusChange'),
    // A customer's subscribers in either list order, walked a page at a time (customerId filters).
    customerCreated: pair('customerId', 'created'),
    customerLastStatusChange: pair('customerId', 'lastStatusChange'),
  },
  broadworksSubscribers: {
    partnerId: field('partnerId'),
    templateId: field('templateId'),
    email: field('email', true),
    userId: field('userId', true),
    verifyToken: field('verifyToken'),
    consentToken: field('consentToken'),
  },
  broadworksWorkspaces: { userId: field('userId', true) },
  orders: { setupToken: field('setupToken'), customerId: field('customerId') },
  // A verification mail by the token of its link (a verification is mailed again in its language).
  mail: {
    verifyToken: (e) => {
      const links = (e as { links?: unknown }).links;
      if (!Array.isArray(links)) return undefined;
      for (const l of links as { link?: { to?: unknown; token?: unknown } }[]) {
        const link = l?.link;
        if (link?.to === 'activation-verify' && typeof link.token === 'string') return link.token;
      }
      return undefined;
    },
  },
};

/**
 * Indexes (of INDEXES) whose keys are also kept in order, so a store answers "every entity whose
 * key is greater than this one" (`StoreReader.above`) and walks them in order without a scan: the
 * time filters and sort keys of the lists (`after`, `lastStatusChange`), alone and within one
 * customer (`pairKey(customerId, time)`: the keys of one customer lie between `pairKey(id, '')` and
 * `groupEnd(id)`). Times are ISO 8601 strings of one format, which order as they sort.
 */
export const RANGED: Readonly<Record<string, readonly string[]>> = {
  subscribers: ['created', 'lastStatusChange', 'customerCreated', 'customerLastStatusChange'],
};

/** A key above every `pairKey(a, b)` of the same `a`, and below those of any greater `a`. */
export const groupEnd = (a: string): string => `${a}\u0001`;

/** The keys of an entity in every index of its collection, as `[index, key]`. */
export const indexKeys = (collection: string, e: Entity): [string, string][] => {
  const defs = INDEXES[collection];
  if (!defs) return [];
  const out: [string, string][] = [];
  for (const name in defs) {
    const k = defs[name]!(e);
    if (k !== undefined) out.push([name, k]);
  }
  return out;
};

/** Collections kept in an order, so the store finds their least entity in O(log n): due events. */
export const ORDERED: Readonly<Record<string, (a: Entity, b: Entity) => number>> = {
  events: (a, b) => byDueTime(a as EventRecord, b as EventRecord),
};
