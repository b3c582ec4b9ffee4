import type { ErrorItem } from '../kernel/errors.ts';
import { isUsable } from '../organisations/customer-states.ts';
import type { Customer } from '../organisations/model.ts';
import {
  checkPackages,
  hasCalling,
  hasMeetings,
  lostServices,
  packageInfo,
  type PackageName,
} from '../organisations/packages.ts';
import { subErrors } from './errors.ts';
import type { WholesaleSubscriber } from './model.ts';
import type { UserIndex } from './uniqueness.ts';

/**
 * The one rule set for wholesale subscribers (USR-1..6, ORG-3, ORG-4), whichever door a change
 * comes through: `/v1`, Partner Hub's Add users and user changes, CSV rows and the pages. Each door
 * maps its input to a `UserDraft`; the rules answer problems naming the domain's fields.
 */
export type Licenses = NonNullable<WholesaleSubscriber['licenses']>;
export const BASIC_LICENSES: Licenses = { messaging: true, meetings: true, calling: true };

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

export const samePackages = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x));

/** The base package of a set (the one that is not an add-on). */
export const basePackage = (packages: readonly PackageName[]): PackageName | undefined =>
  packages.find((p) => !packageInfo(p).needsOneOf);

/** The customer must be provisioned (with or without package errors) before users change. */
export const customerUsable = (c: Customer): ErrorItem | undefined =>
  isUsable(c.status) ? undefined : subErrors.customerNotUsable.item({ id: c.id, status: c.status });

/** ORG-4: the full administrator never moves to a package lacking a service the old one had. */
export const checkAdminPackage = (
  s: WholesaleSubscriber,
  next: readonly PackageName[],
): ErrorItem | undefined => {
  if (s.role !== 'full_admin') return undefined;
  const from = basePackage(s.packages);
  const to = basePackage(next);
  if (!from) return undefined;
  const lost = to ? lostServices(from, to) : packageInfo(from).services.slice();
  if (lost.length === 0) return undefined;
  return subErrors.adminDowngrade.at('packages', {
    email: s.email,
    from,
    to: to ?? 'none',
    lost: lost.join(', '),
  });
};

/** ORG-4: the full administrator is never removed. */
export const checkAdminRemoval = (s: WholesaleSubscriber): ErrorItem | undefined =>
  s.role === 'full_admin' ? subErrors.adminRemoval.item({ email: s.email }) : undefined;

/** USR-6: a user stuck in a package error only takes an unassign. */
export const checkPackageError = (s: WholesaleSubscriber): ErrorItem | undefined =>
  s.errors.length > 0 ? subErrors.packageError.at('packages', { email: s.email }) : undefined;

/** USR-5, ORG-3: a calling package newly assigned needs a phone number or an extension. */
export const needsNumber = (
  before: readonly PackageName[],
  after: readonly PackageName[],
  numbers: { phone?: string | undefined; extension?: string | undefined },
): boolean => hasCalling(after) && !hasCalling(before) && !numbers.phone && !numbers.extension;

/** Every check of the package rules on a change of packages (USR-5, USR-6, ORG-3, ORG-4). */
const checkPackageChange = (
  c: Customer,
  before: WholesaleSubscriber | undefined,
  d: UserDraft,
): ErrorItem[] => {
  const errors: ErrorItem[] = [];
  const combo = checkPackages(d.packages, 'packages', 'subscriber');
  errors.push(...combo);
  const bases = d.packages.filter((p) => p !== 'attendant_console');
  if (combo.length === 0 && bases.length > 1)
    errors.push(subErrors.oneBasePackage.at('packages', { packages: d.packages.join(', ') }));
  const missing = d.packages.filter((p) => !c.packages.includes(p));
  if (missing.length > 0)
    errors.push(
      subErrors.customerLacksPackage.at('packages', {
        missing: missing.join(', '),
        has: c.packages.join(', '),
      }),
    );
  if (needsNumber(before?.packages ?? [], d.packages, d))
    errors.push(subErrors.numberRequired.at('phoneNumber', {}));
  if (hasCalling(d.packages) && !hasCalling(before?.packages ?? []) && !d.locationId)
    errors.push(subErrors.locationRequired.at('locationId', {}));
  if (before) {
    const admin = checkAdminPackage(before, d.packages);
    if (admin) errors.push(admin);
    const stuck = d.packages.length > 0 ? checkPackageError(before) : undefined;
    if (stuck) errors.push(stuck);
  }
  return errors;
};

/** The meetings-site warning has no parameters: made once, shared (errors are never changed). */
const SITE_MISSING = Object.freeze(subErrors.meetingsSiteMissing.at('preferredWebexSite', {}));

/** Every rule on one user change: errors (bad input first, then conflicts) and warnings. */
export const checkUser = (
  index: UserIndex,
  c: Customer,
  before: WholesaleSubscriber | undefined,
  d: UserDraft,
): { errors: ErrorItem[]; warnings: ErrorItem[] } => {
  const errors: ErrorItem[] = [];
  if (!before && d.packages.length === 0) errors.push(subErrors.packageRequired.at('packages', {}));
  else if (!before || !samePackages(before.packages, d.packages))
    errors.push(...checkPackageChange(c, before, d));
  if (!before && index.emailTaken(d.email)) errors.push(subErrors.emailInUse.at('email', {}));
  if (
    d.extension &&
    d.extension !== before?.extension &&
    index.extensionTaken(d.extension, before?.id)
  )
    errors.push(subErrors.extensionInUse.at('extension', { extension: d.extension }));
  if (d.phone && d.phone !== before?.primaryPhoneNumber && index.phoneTaken(d.phone, before?.id))
    errors.push(subErrors.phoneInUse.at('phoneNumber', { phone: d.phone }));
  const warnings =
    errors.length === 0 && hasMeetings(d.packages) && !d.preferredWebexSite ? [SITE_MISSING] : [];
  return { errors, warnings };
};

/** Whether a change leaves the user as it was. */
export const unchanged = (before: WholesaleSubscriber, d: UserDraft): boolean =>
  samePackages(before.packages, d.packages) &&
  before.firstName === d.firstName &&
  before.lastName === d.lastName &&
  before.displayName === d.displayName &&
  before.primaryPhoneNumber === d.phone &&
  before.extension === d.extension &&
  before.locationId === d.locationId &&
  before.preferredWebexSite === d.preferredWebexSite &&
  JSON.stringify(before.licenses ?? BASIC_LICENSES) === JSON.stringify(d.licenses);
