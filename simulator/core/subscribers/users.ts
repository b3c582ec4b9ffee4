import {
  conflict,
  ErrorCode,
  invalidFields,
  type DomainError,
  type ErrorItem,
} from '../kernel/errors.ts';
import { takeStepFault } from '../sim/fault-ops.ts';
import { webexId } from '../kernel/ids.ts';
import type { Customer } from '../organisations/model.ts';
import type { WholesaleSubscriber } from './model.ts';
import {
  hasCalling,
  lostServices,
  packageInfo,
  type PackageName,
} from '../organisations/packages.ts';
import { fail, ok, type Result } from '../kernel/result.ts';
import type { WorldReader, WorldTx } from '../kernel/world-tx.ts';

/**
 * Partner Hub users of a customer (USR-1..6, ORG-3, ORG-4): wholesale subscribers seen from Partner
 * Hub, with basic licenses, a display name, a preferred Webex site, and the full administrator.
 */
export type Licenses = NonNullable<WholesaleSubscriber['licenses']>;
export const BASIC_LICENSES: Licenses = { messaging: true, meetings: true, calling: true };

/** The base package of a set (the one that is not an add-on). */
export const basePackage = (packages: readonly PackageName[]): PackageName | undefined =>
  packages.find((p) => !packageInfo(p).needsOneOf);

export const customerUsers = (w: WorldReader, customerId: string): WholesaleSubscriber[] =>
  w.list('subscribers').filter((s) => s.customerId === customerId);

/** A user as Partner Hub shows it; `status` is `error` while a package error is unresolved (USR-6). */
export const userView = (w: WorldReader, s: WholesaleSubscriber) => ({
  id: s.id,
  email: s.email,
  firstName: s.firstName ?? null,
  lastName: s.lastName ?? null,
  displayName: s.displayName ?? null,
  package: basePackage(s.packages) ?? null,
  packages: s.packages,
  phoneNumber: s.primaryPhoneNumber ?? null,
  extension: s.extension ?? null,
  locationId: s.locationId ?? null,
  locationName: (s.locationId ? w.get('locations', s.locationId)?.name : undefined) ?? null,
  preferredWebexSite: s.preferredWebexSite ?? null,
  licenses: s.licenses ?? BASIC_LICENSES,
  role: s.role ?? 'user',
  status: s.errors.length > 0 ? 'error' : s.status,
  errors: s.errors,
  created: s.created,
  lastStatusChange: s.lastStatusChange,
});

/** ORG-4: the full administrator never moves to a package lacking a service the old one had. */
export const checkAdminPackage = (
  s: WholesaleSubscriber,
  next: readonly PackageName[],
  path: string,
): ErrorItem | undefined => {
  if (s.role !== 'full_admin') return undefined;
  const from = basePackage(s.packages);
  const to = basePackage(next);
  if (!from) return undefined;
  const lost = to ? lostServices(from, to) : packageInfo(from).services.slice();
  return lost.length === 0
    ? undefined
    : {
        description: `${path}: ${s.email} is the customer's full administrator; downgrading its package (${from} to ${to ?? 'none'}, losing ${lost.join(', ')}) is not supported (ORG-4)`,
        errorCode: ErrorCode.stateConflict,
      };
};

/** Not an error unless a package error waits (USR-6): then only an unassign is allowed. */
export const checkPackageError = (s: WholesaleSubscriber, path: string): ErrorItem | undefined =>
  s.errors.length > 0
    ? {
        description: `${path}: ${s.email} is stuck in a package error; unassign the package (package null) and assign it again (USR-6)`,
        errorCode: ErrorCode.stateConflict,
      }
    : undefined;

/** USR-5, ORG-3: a calling package newly assigned needs a phone number or an extension. */
export const needsNumber = (
  before: readonly PackageName[],
  after: readonly PackageName[],
  numbers: { phone?: string | undefined; extension?: string | undefined },
): boolean => hasCalling(after) && !hasCalling(before) && !numbers.phone && !numbers.extension;

/** The package assignment step: a waiting step fault `{on: "subscriber"}` leaves the user in error (USR-6). */
export const assignStep = (tx: WorldTx, s: WholesaleSubscriber): WholesaleSubscriber => {
  const fault = takeStepFault(tx, 'subscriber');
  return {
    ...s,
    errors: fault ? [{ errorCode: fault.errorCode, description: fault.description }] : [],
    lastStatusChange: tx.nowIso,
  };
};

/** A 409 when the only problems are state conflicts (ORG-4, USR-6), a 400 otherwise. */
export const rejection = (items: readonly ErrorItem[]): DomainError =>
  items.every((i) => i.errorCode === ErrorCode.stateConflict)
    ? { ...conflict(items[0]!.description), errors: items }
    : invalidFields(items);

/**
 * ORG-4: the customer's `adminEmail` as its full administrator, holding the org's first package,
 * once the customer is provisioned. Idempotent; an email held by someone else is left alone.
 */
export const ensureAdmin = (tx: WorldTx, c: Customer): void => {
  if (c.status !== 'provisioned' || !c.primaryEmail) return;
  const first = c.packages[0];
  const email = c.primaryEmail.toLowerCase();
  const held =
    tx.list('subscribers').find((s) => s.email.toLowerCase() === email) ??
    tx.list('broadworksSubscribers').find((s) => s.email?.toLowerCase() === email);
  if (held) {
    if ('customerId' in held && held.customerId === c.id && held.role !== 'full_admin')
      tx.put('subscribers', { ...held, role: 'full_admin' });
    return;
  }
  if (!first || !packageInfo(first).subscriber) return;
  const calling = hasCalling([first]);
  tx.put('subscribers', {
    id: webexId('SUBSCRIBER', tx.uuid()),
    partnerId: c.partnerId,
    customerId: c.id,
    email: c.primaryEmail,
    packages: [first],
    ...(calling ? { locationId: c.callingLocationId ?? c.headquartersLocationId } : {}),
    status: 'provisioned',
    personId: webexId('PEOPLE', tx.uuid()),
    errors: [],
    licenses: BASIC_LICENSES,
    role: 'full_admin',
    created: tx.nowIso,
    lastStatusChange: tx.nowIso,
  });
};

/** The customer must be provisioned before users are added or changed. */
export const usableCustomer = (c: Customer): Result<Customer> =>
  c.status === 'provisioned'
    ? ok(c)
    : fail(
        conflict(
          `Customer ${c.id} is ${c.status}; users can be added and changed once it is provisioned.`,
        ),
      );
