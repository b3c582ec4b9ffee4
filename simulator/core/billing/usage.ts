import type { Change } from '../kernel/store-port.ts';
import { STEP, TURN, type Steps } from '../kernel/steps.ts';
import type { WorldReader, WorldTx } from '../kernel/world-tx.ts';
import type { BroadWorksSubscriber } from '../broadworks/model.ts';
import type { Customer } from '../organisations/model.ts';
import type { WholesaleSubscriber } from '../subscribers/model.ts';
import type { UsageRecord, UsageSource } from './model.ts';

/**
 * The world's billing history (SIM-1): every stretch of time during which a customer org or a
 * subscriber held the same packages. It is kept by a commit hook that sees every successful
 * transaction, whichever door or step made it: when what an entity is billed for changes (it is
 * provisioned, its packages change, it is removed), the open stretch ends and a new one begins, at
 * the transaction's virtual instant. Reports read it (`reports.ts`).
 */
const COLLECTIONS = {
  customer: 'customers',
  subscriber: 'subscribers',
  broadworksSubscriber: 'broadworksSubscribers',
} as const satisfies Record<UsageSource, string>;
const SOURCES: ReadonlyMap<string, UsageSource> = new Map(
  Object.entries(COLLECTIONS).map(([source, collection]) => [collection, source as UsageSource]),
);

/** The id of an entity's open stretch: at most one per entity. */
export const openUsageId = (source: UsageSource, entityId: string): string =>
  `open:${source}:${entityId}`;

type Billed = Omit<UsageRecord, 'id' | 'from' | 'to' | 'source' | 'entityId'>;

const BILLED_CUSTOMER = new Set<Customer['status']>([
  'provisioned',
  'provisioned_with_errors',
  'updating',
]);
const BILLED_BROADWORKS = new Set<BroadWorksSubscriber['status']>(['provisioned', 'updating']);

/** Adds a customer's billing fields to a record being built (no spreads: this runs for every user). */
const addCustomerFields = (out: Record<string, unknown>, c: Customer | undefined): void => {
  if (!c) return;
  out.customerOrgId = c.orgId;
  out.customerName = c.name;
  out.externalCustomerId = c.externalId;
  if (c.subPartnerOrgId !== undefined) out.subPartnerOrgId = c.subPartnerOrgId;
};

/** What an entity is billed for now, or undefined when nothing. */
export const billed = (w: WorldReader, source: UsageSource, e: unknown): Billed | undefined => {
  if (e === undefined) return undefined;
  if (source === 'customer') {
    const c = e as Customer;
    if (!BILLED_CUSTOMER.has(c.status)) return undefined;
    const out: Record<string, unknown> = {
      partnerId: c.partnerId,
      packages: c.packages,
      customerId: c.id,
    };
    addCustomerFields(out, c);
    return out as unknown as Billed;
  }
  if (source === 'subscriber') {
    const s = e as WholesaleSubscriber;
    if (s.status !== 'provisioned') return undefined;
    const out: Record<string, unknown> = {
      partnerId: s.partnerId,
      packages: s.packages,
      customerId: s.customerId,
    };
    addCustomerFields(out, w.get('customers', s.customerId));
    out.email = s.email;
    out.personId = s.personId;
    return out as unknown as Billed;
  }
  const b = e as BroadWorksSubscriber;
  if (!BILLED_BROADWORKS.has(b.status)) return undefined;
  return {
    partnerId: b.partnerId,
    packages: [b.package],
    userId: b.userId,
    personId: b.personId,
    spEnterpriseId: b.spEnterpriseId,
    ...(b.email !== undefined ? { email: b.email } : {}),
  };
};

/** A record with `extra`'s fields after `fields`' (no spread: this runs for every user). */
const extended = <T extends object>(fields: object, extra: object): T => {
  const out: Record<string, unknown> = {};
  for (const k in fields) out[k] = (fields as Record<string, unknown>)[k];
  for (const k in extra) out[k] = (extra as Record<string, unknown>)[k];
  return out as T;
};

const samePackages = (a: Billed | undefined, b: Billed | undefined): boolean =>
  a === undefined || b === undefined
    ? a === b
    : [...a.packages].sort().join() === [...b.packages].sort().join();

/** The entities a batch of changes touched, once each, in the watched collections. */
const touched = (changes: readonly Change[]): [UsageSource, string][] => {
  const seen = new Set<string>();
  const out: [UsageSource, string][] = [];
  for (const ch of changes) {
    if (ch.op === 'clear') continue;
    const source = SOURCES.get(ch.collection);
    if (!source) continue;
    const id = ch.op === 'put' ? ch.value.id : ch.id;
    if (seen.has(`${source}:${id}`)) continue;
    seen.add(`${source}:${id}`);
    out.push([source, id]);
  }
  return out;
};

/** The commit hook: ends and begins stretches for what the transaction changed. */
export const recordUsage = (tx: WorldTx, before: WorldReader): void => {
  const changes = tx.pending();
  // A reset starts from nothing: what the store held before is not history any more.
  const cleared = changes.some((c) => c.op === 'clear');
  for (const [source, id] of touched(changes)) {
    const collection = COLLECTIONS[source];
    const was = cleared ? undefined : billed(before, source, before.get(collection, id));
    const now = billed(tx, source, tx.get(collection, id));
    if (samePackages(was, now)) continue;
    const openId = openUsageId(source, id);
    const open = tx.get('usageRecords', openId);
    if (open) {
      tx.delete('usageRecords', openId);
      tx.put('usageRecords', extended(open, { id: `usage-${tx.nextSeq()}`, to: tx.nowIso }));
    }
    if (now)
      tx.put('usageRecords', extended(now, { id: openId, source, entityId: id, from: tx.nowIso }));
  }
};

/**
 * A partner's stretches from some sources. An entity billed now without an open stretch (a world
 * kept from before the history existed) counts from its creation. In steps (kernel/steps.ts): the
 * history and the entities are read at the start, whether an entity has a stretch as it goes.
 */
export function* usageOf(
  w: WorldReader,
  partnerId: string,
  sources: readonly UsageSource[],
): Steps<UsageRecord[]> {
  const history = w.list('usageRecords');
  const lists = sources.map((source) => [source, w.list(COLLECTIONS[source])] as const);
  const out: UsageRecord[] = [];
  for (let i = 0; i < history.length; i += 1) {
    if ((i + 1) % STEP === 0) yield TURN;
    const r = history[i]!;
    if (r.partnerId === partnerId && sources.includes(r.source)) out.push(r);
  }
  for (const [source, entities] of lists) {
    for (let i = 0; i < entities.length; i += 1) {
      if ((i + 1) % STEP === 0) yield TURN;
      const e = entities[i]!;
      if (e.partnerId !== partnerId || w.get('usageRecords', openUsageId(source, e.id))) continue;
      const now = billed(w, source, e);
      if (now)
        out.push({
          ...now,
          id: openUsageId(source, e.id),
          source,
          entityId: e.id,
          from: e.created,
        });
    }
  }
  return out;
}
