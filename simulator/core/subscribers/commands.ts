import { notFound, rejection, type ErrorItem } from '../kernel/errors.ts';
import { webexId } from '../kernel/ids.ts';
import type { PartnerUser } from '../kernel/model.ts';
import { ownedBy } from '../kernel/ownership.ts';
import { fail, ok, type Result } from '../kernel/result.ts';
import { removal } from '../kernel/state-table.ts';
import type { WorldReader, WorldTx } from '../kernel/world-tx.ts';
import type { Customer } from '../organisations/model.ts';
import { hasCalling, type PackageName } from '../organisations/packages.ts';
import { takeStepFault } from '../sim/fault-ops.ts';
import { inScope, mayWrite, ownCustomer } from '../organisations/sub-partners.ts';
import { sendConsentMail } from './consent.ts';
import { subErrors } from './errors.ts';
import type { WholesaleSubscriber } from './model.ts';
import {
  BASIC_LICENSES,
  checkAdminRemoval,
  checkUser,
  customerUsable,
  samePackages,
  type Licenses,
  type UserDraft,
} from './rules.ts';
import { isChangeable, SUBSCRIBER_STATES } from './states.ts';
import { UserIndex } from './uniqueness.ts';

/**
 * The commands on wholesale subscribers. Every door reaches these: `/v1` (POST, PUT, DELETE),
 * Partner Hub (Add users, change, delete), CSV rows (through `saveUser` and the same rules) and the
 * pages. Errors name the domain's fields; each door renames them (`renameFields`).
 */
export interface NewSubscriber {
  readonly customerId: string;
  readonly email: string;
  readonly packages: readonly PackageName[];
  readonly firstName?: string | undefined;
  readonly lastName?: string | undefined;
  readonly displayName?: string | undefined;
  readonly phone?: string | undefined;
  readonly extension?: string | undefined;
  readonly locationId?: string | undefined;
  readonly preferredWebexSite?: string | undefined;
  readonly licenses?: Licenses | undefined;
  /** A calling package without a location gets the customer's calling location (`/v1`). */
  readonly defaultLocation?: boolean | undefined;
}

/** A change: `packages` replaces the user's packages; absent fields keep their values. */
export type SubscriberChange = Partial<Omit<NewSubscriber, 'customerId' | 'email'>>;

const callingLocationOf = (c: Customer): string => c.callingLocationId ?? c.headquartersLocationId;

/** The package assignment step: a waiting step fault `{on: "subscriber"}` leaves it in error (USR-6). */
const assignStep = (tx: WorldTx, s: WholesaleSubscriber): WholesaleSubscriber => {
  const fault = takeStepFault(tx, 'subscriber');
  return {
    ...s,
    errors: fault ? [{ errorCode: fault.errorCode, description: fault.description }] : [],
    lastStatusChange: tx.nowIso,
  };
};

/** The stored fields a user draft sets (or drops, when it leaves them out). */
const DRAFT_FIELDS: ReadonlySet<string> = new Set([
  'firstName',
  'lastName',
  'displayName',
  'primaryPhoneNumber',
  'extension',
  'locationId',
  'preferredWebexSite',
] satisfies (keyof WholesaleSubscriber)[]);

/** Writes a checked change; a package assignment takes its step. */
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
    status: free ? 'pending_user_migration' : 'provisioned',
    personId: webexId('PEOPLE', tx.uuid()),
    errors: [],
    ...(free ? { consentToken: tx.uuid().replace(/-/g, '') } : {}),
    created: tx.nowIso,
    lastStatusChange: tx.nowIso,
  };
  // The draft's fields replace the stored ones (an absent one is dropped); everything else is kept.
  // Built field by field: this runs for every user a seed, a CSV or a client writes.
  const fields: Record<string, unknown> = {};
  for (const k of Object.keys(base))
    if (!DRAFT_FIELDS.has(k)) fields[k] = (base as Record<string, unknown>)[k];
  fields.email = d.email;
  if (d.firstName) fields.firstName = d.firstName;
  if (d.lastName) fields.lastName = d.lastName;
  if (d.displayName) fields.displayName = d.displayName;
  if (d.phone) fields.primaryPhoneNumber = d.phone;
  if (d.extension) fields.extension = d.extension;
  if (d.locationId) fields.locationId = d.locationId;
  if (d.preferredWebexSite) fields.preferredWebexSite = d.preferredWebexSite;
  fields.packages = [...d.packages];
  fields.licenses = d.licenses;
  let next = fields as unknown as WholesaleSubscriber;
  if (d.packages.length === 0) next = { ...next, errors: [], lastStatusChange: tx.nowIso };
  else if (!before || !samePackages(before.packages, d.packages)) next = assignStep(tx, next);
  tx.put('subscribers', next);
  index.save(next, before);
  if (free) sendConsentMail(tx, next, c.name);
  return next;
};

/** The partner's customer, usable for user changes: 404 unknown, 409 not provisioned. */
export const usableCustomer = (
  tx: WorldReader,
  user: PartnerUser,
  customerId: string,
): Result<Customer> => {
  const found = ownCustomer(tx, user, customerId);
  if (!found.ok) return found;
  const problem = customerUsable(found.value);
  return problem ? fail(rejection([problem])) : found;
};

const draftOf = (cmd: NewSubscriber, c: Customer): UserDraft => ({
  email: cmd.email,
  firstName: cmd.firstName,
  lastName: cmd.lastName,
  displayName: cmd.displayName,
  phone: cmd.phone,
  extension: cmd.extension,
  locationId:
    cmd.locationId ??
    (cmd.defaultLocation && hasCalling(cmd.packages) ? callingLocationOf(c) : undefined),
  preferredWebexSite: cmd.preferredWebexSite,
  packages: cmd.packages,
  licenses: cmd.licenses ?? BASIC_LICENSES,
});

/** Checks a new subscriber without writing: the precheck, and the first half of provisioning. */
export const checkNewSubscriber = (
  index: UserIndex,
  c: Customer,
  cmd: NewSubscriber,
): Result<UserDraft> => {
  if (cmd.locationId !== undefined && !index.locationById(cmd.locationId))
    return fail(notFound(`Location ${cmd.locationId}`));
  const draft = draftOf(cmd, c);
  const checked = checkUser(index, c, undefined, draft);
  return checked.errors.length > 0 ? fail(rejection(checked.errors)) : ok(draft);
};

/** Provisions one subscriber: `provisioned` at once, or `pending_user_migration` for a free account. */
export const provisionSubscriber = (
  tx: WorldTx,
  user: PartnerUser,
  cmd: NewSubscriber,
): Result<WholesaleSubscriber> => {
  const c = usableCustomer(tx, user, cmd.customerId);
  if (!c.ok) return c;
  const writable = mayWrite(tx, user);
  if (!writable.ok) return writable;
  const index = new UserIndex(tx, c.value.id);
  const draft = checkNewSubscriber(index, c.value, cmd);
  return draft.ok ? ok(saveUser(tx, index, c.value, undefined, draft.value)) : draft;
};

/** USR-1: at most this many users are added at once. */
export const MAX_USERS_PER_ADD = 25;

/** Partner Hub's Add users (USR-1): 1 to 25 users, all or nothing; fields named `users[i].…`. */
export const addUsers = (
  tx: WorldTx,
  user: PartnerUser,
  customerId: string,
  users: readonly Omit<NewSubscriber, 'customerId'>[],
): Result<WholesaleSubscriber[]> => {
  if (users.length > MAX_USERS_PER_ADD)
    return fail(rejection([subErrors.tooManyUsers.at('users', { max: MAX_USERS_PER_ADD })]));
  const c = usableCustomer(tx, user, customerId);
  if (!c.ok) return c;
  const index = new UserIndex(tx, c.value.id);
  const unknown = users.findIndex(
    (u) => u.locationId !== undefined && !index.locationById(u.locationId),
  );
  if (unknown >= 0)
    return fail(notFound(`users[${unknown}].locationId: Location ${users[unknown]!.locationId}`));
  const problems: ErrorItem[] = [];
  const drafts = users.map((u, i) => {
    const draft = draftOf({ ...u, customerId }, c.value);
    const checked = checkUser(index, c.value, undefined, draft);
    problems.push(...checked.errors.map((item) => inRow(item, i)));
    // Later rows see this one's email and numbers as taken.
    if (checked.errors.length === 0) index.save({ ...placeholder(draft), id: `row-${i}` });
    return draft;
  });
  if (problems.length > 0) return fail(rejection(problems));
  const fresh = new UserIndex(tx, c.value.id);
  return ok(drafts.map((d) => saveUser(tx, fresh, c.value, undefined, d)));
};

const inRow = (item: ErrorItem, i: number): ErrorItem =>
  item.field === undefined
    ? item
    : {
        ...item,
        field: `users[${i}].${item.field}`,
        description: `users[${i}].${item.description}`,
      };

/** A stand-in, so that later rows of one add see an earlier row's email and numbers as taken. */
const placeholder = (d: UserDraft): Omit<WholesaleSubscriber, 'id'> => ({
  partnerId: '',
  customerId: '',
  email: d.email,
  packages: d.packages,
  ...(d.phone ? { primaryPhoneNumber: d.phone } : {}),
  ...(d.extension ? { extension: d.extension } : {}),
  status: 'provisioned',
  personId: '',
  errors: [],
  created: '',
  lastStatusChange: '',
});

/** The partner's subscriber in the user's scope (and of the customer, when one is named): 404 otherwise. */
export const ownSubscriber = (
  w: WorldReader,
  user: PartnerUser,
  id: string,
  customerId?: string,
): Result<WholesaleSubscriber> => {
  const found = ownedBy(w, 'subscribers', id, user.partnerId, 'Subscriber');
  const customer = found.ok ? w.get('customers', found.value.customerId) : undefined;
  const visible =
    found.ok &&
    (customerId === undefined || found.value.customerId === customerId) &&
    (customer === undefined || inScope(user, customer));
  return visible
    ? found
    : fail(notFound(`${customerId === undefined ? 'Subscriber' : 'User'} ${id}`));
};

/** Changes a subscriber (`PUT /v1/…`, Partner Hub, pages): package, numbers, location, names. */
export const changeSubscriber = (
  tx: WorldTx,
  user: PartnerUser,
  id: string,
  change: SubscriberChange,
  customerId?: string,
): Result<WholesaleSubscriber> => {
  const found = ownSubscriber(tx, user, id, customerId);
  if (!found.ok) return found;
  const before = found.value;
  const c = usableCustomer(tx, user, before.customerId);
  if (!c.ok) return c;
  const writable = mayWrite(tx, user);
  if (!writable.ok) return writable;
  if (!isChangeable(before.status))
    return fail(subErrors.notChangeable({ id, status: before.status }));
  const index = new UserIndex(tx, c.value.id);
  if (change.locationId !== undefined && !index.locationById(change.locationId))
    return fail(notFound(`Location ${change.locationId}`));
  const packages = change.packages ?? before.packages;
  const keepOrDefault = (): string | undefined =>
    before.locationId ?? (hasCalling(packages) ? callingLocationOf(c.value) : undefined);
  const draft: UserDraft = {
    email: before.email,
    firstName: change.firstName ?? before.firstName,
    lastName: change.lastName ?? before.lastName,
    displayName: change.displayName ?? before.displayName,
    phone: change.phone ?? before.primaryPhoneNumber,
    extension: change.extension ?? before.extension,
    locationId: change.locationId ?? keepOrDefault(),
    preferredWebexSite: change.preferredWebexSite ?? before.preferredWebexSite,
    packages,
    licenses: change.licenses ?? before.licenses ?? BASIC_LICENSES,
  };
  const checked = checkUser(index, c.value, before, draft);
  if (checked.errors.length > 0) return fail(rejection(checked.errors));
  return ok(saveUser(tx, index, c.value, before, draft));
};

/** Removes a subscriber (`DELETE /v1/…`, Partner Hub, CSV): never the full administrator (ORG-4). */
export const removeSubscriber = (
  tx: WorldTx,
  user: PartnerUser,
  id: string,
  customerId?: string,
): Result<WholesaleSubscriber> => {
  const found = ownSubscriber(tx, user, id, customerId);
  if (!found.ok) return found;
  const admin = checkAdminRemoval(found.value);
  if (admin) return fail(rejection([admin]));
  const allowed = removal(SUBSCRIBER_STATES, found.value.status, 'Remove');
  if (!allowed.ok) return allowed;
  tx.delete('subscribers', id);
  return found;
};
