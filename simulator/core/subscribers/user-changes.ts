import { ErrorCode, type ErrorItem } from '../kernel/errors.ts';
import { webexId } from '../kernel/ids.ts';
import type { Customer } from '../organisations/model.ts';
import type { WholesaleSubscriber } from './model.ts';
import {
  checkPackages,
  hasCalling,
  hasMeetings,
  type PackageName,
} from '../organisations/packages.ts';
import { sendConsentMail } from './wholesale-subscribers.ts';
import type { UserIndex } from './user-index.ts';
import {
  assignStep,
  checkAdminPackage,
  checkPackageError,
  needsNumber,
  type Licenses,
} from './users.ts';
import type { WorldTx } from '../kernel/world-tx.ts';

/** What a user should become: the whole of it, old values already merged in. */
export interface UserDraft {
  readonly email: string;
  readonly firstName?: string | undefined;
  readonly lastName?: string | undefined;
  readonly displayName?: string | undefined;
  readonly phone?: string | undefined;
  readonly extension?: string | undefined;
  readonly locationId?: string | undefined;
  readonly preferredWebexSite?: string | undefined;
  readonly packages: readonly PackageName[];
  readonly licenses: Licenses;
}

/** How a field is named in error messages (`users[2].phoneNumber`, or a CSV column). */
export type FieldNames = Readonly<
  Record<'email' | 'package' | 'phone' | 'extension' | 'location' | 'site', string>
>;

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/** Every check of USR-1..6, ORG-3, ORG-4 on one user change; answers errors and warnings. */
export const checkUser = (
  index: UserIndex,
  c: Customer,
  before: WholesaleSubscriber | undefined,
  d: UserDraft,
  f: FieldNames,
): { errors: ErrorItem[]; warnings: string[] } => {
  const errors: ErrorItem[] = [];
  const changed = !before || !same(before.packages, d.packages);
  if (!before && d.packages.length === 0)
    errors.push({
      description: `${f.package}: a new user needs a package`,
      errorCode: ErrorCode.required,
    });
  if (changed) {
    const combo = checkPackages(d.packages, f.package, 'subscriber');
    errors.push(...combo);
    if (combo.length === 0 && d.packages.filter((p) => p !== 'attendant_console').length > 1)
      errors.push({
        description: `${f.package}: a user holds one base package (and at most the attendant_console add-on); got ${d.packages.join(', ')}`,
        errorCode: ErrorCode.invalidValue,
      });
    const missing = d.packages.filter((p) => !c.packages.includes(p));
    if (missing.length > 0)
      errors.push({
        description: `${f.package}: the customer does not have ${missing.join(', ')} (it has ${c.packages.join(', ')})`,
        errorCode: ErrorCode.invalidValue,
      });
    if (needsNumber(before?.packages ?? [], d.packages, d))
      errors.push({
        description: `${f.phone}: a calling package needs a phone number or an extension (USR-5, ORG-3)`,
        errorCode: ErrorCode.required,
      });
    if (hasCalling(d.packages) && !hasCalling(before?.packages ?? []) && !d.locationId)
      errors.push({
        description: `${f.location}: a calling package needs a location (ORG-3)`,
        errorCode: ErrorCode.required,
      });
    if (before) {
      const admin = checkAdminPackage(before, d.packages, f.package);
      if (admin) errors.push(admin);
      const stuck = d.packages.length > 0 ? checkPackageError(before, f.package) : undefined;
      if (stuck) errors.push(stuck);
    }
  }
  if (!before && index.emailTaken(d.email))
    errors.push({
      description: `${f.email}: ${d.email} is already associated with an existing user`,
      errorCode: ErrorCode.inUse,
    });
  if (
    d.extension &&
    d.extension !== before?.extension &&
    index.extensionTaken(d.extension, before?.id)
  )
    errors.push({
      description: `${f.extension}: extension ${d.extension} is already used in this customer`,
      errorCode: ErrorCode.inUse,
    });
  if (d.phone && d.phone !== before?.primaryPhoneNumber && index.phoneTaken(d.phone, before?.id))
    errors.push({
      description: `${f.phone}: phone number ${d.phone} is already assigned`,
      errorCode: ErrorCode.inUse,
    });
  const warnings =
    errors.length === 0 && hasMeetings(d.packages) && !d.preferredWebexSite
      ? [
          `${f.site}: missing for a package with meetings; the user gets the customer's default site (USR-2)`,
        ]
      : [];
  return { errors, warnings };
};

const opt = <K extends string>(k: K, v: string | undefined) =>
  v ? ({ [k]: v } as { [P in K]: string }) : {};

/** Writes a checked change; a package assignment takes its step (a waiting step fault leaves it in error, USR-6). */
export const saveUser = (
  tx: WorldTx,
  index: UserIndex,
  c: Customer,
  before: WholesaleSubscriber | undefined,
  d: UserDraft,
): WholesaleSubscriber => {
  const free = !before && tx.meta.freeAccounts.includes(d.email.toLowerCase());
  const base: Omit<WholesaleSubscriber, 'email' | 'packages'> = before ?? {
    id: webexId('SUBSCRIBER', tx.uuid()),
    partnerId: c.partnerId,
    customerId: c.id,
    status: free ? ('pending_user_migration' as const) : ('provisioned' as const),
    personId: webexId('PEOPLE', tx.uuid()),
    errors: [],
    ...(free ? { consentToken: tx.uuid().replace(/-/g, '') } : {}),
    created: tx.nowIso,
    lastStatusChange: tx.nowIso,
  };
  const {
    firstName: _f,
    lastName: _l,
    displayName: _d,
    primaryPhoneNumber: _p,
    extension: _e,
    locationId: _lo,
    preferredWebexSite: _s,
    ...kept
  } = base;
  let next: WholesaleSubscriber = {
    ...kept,
    email: d.email,
    ...opt('firstName', d.firstName),
    ...opt('lastName', d.lastName),
    ...opt('displayName', d.displayName),
    ...opt('primaryPhoneNumber', d.phone),
    ...opt('extension', d.extension),
    ...opt('locationId', d.locationId),
    ...opt('preferredWebexSite', d.preferredWebexSite),
    packages: [...d.packages],
    licenses: d.licenses,
  };
  if (d.packages.length === 0) next = { ...next, errors: [], lastStatusChange: tx.nowIso };
  else if (!before || !same(before.packages, d.packages)) next = assignStep(tx, next);
  tx.put('subscribers', next);
  index.save(next, before);
  if (free) sendConsentMail(tx, next, c.name);
  return next;
};

/** Whether a change leaves the user as it was. */
export const unchanged = (before: WholesaleSubscriber, d: UserDraft): boolean =>
  same(before.packages, d.packages) &&
  before.firstName === d.firstName &&
  before.lastName === d.lastName &&
  before.displayName === d.displayName &&
  before.primaryPhoneNumber === d.phone &&
  before.extension === d.extension &&
  before.locationId === d.locationId &&
  before.preferredWebexSite === d.preferredWebexSite &&
  JSON.stringify(before.licenses ?? { messaging: true, meetings: true, calling: true }) ===
    JSON.stringify(d.licenses);
