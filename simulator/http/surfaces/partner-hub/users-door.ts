import { z } from 'zod';
import { renameFields, type DomainError, type FieldMap } from '../../../core/kernel/errors.ts';
import {
  emailField,
  extensionField,
  idField,
  phoneField,
  text,
} from '../../../core/kernel/fields.ts';
import type { PartnerUser } from '../../../core/kernel/model.ts';
import { ownedBy } from '../../../core/kernel/ownership.ts';
import { fail, ok, type Result } from '../../../core/kernel/result.ts';
import { parseWith } from '../../../core/kernel/validation.ts';
import type { WorldReader, WorldTx } from '../../../core/kernel/world-tx.ts';
import type { Customer } from '../../../core/organisations/model.ts';
import { SUBSCRIBER_PACKAGES, type PackageName } from '../../../core/organisations/packages.ts';
import {
  addUsers,
  changeSubscriber,
  MAX_USERS_PER_ADD,
  removeSubscriber,
} from '../../../core/subscribers/commands.ts';
import type { WholesaleSubscriber } from '../../../core/subscribers/model.ts';
import { BASIC_LICENSES, basePackage } from '../../../core/subscribers/rules.ts';

/**
 * Partner Hub's users of a customer (USR-1, USR-5, USR-6, ORG-3, ORG-4): a door to the one
 * subscriber rule set. Bodies map to the domain's commands; errors name Partner Hub's fields
 * (`users[2].package`, `phoneNumber`).
 */
const packageEnum = z.enum(SUBSCRIBER_PACKAGES as [PackageName, ...PackageName[]]);
const name = text(64).trim().min(1, 'must not be empty');

export const addUsersSchema = z.strictObject({
  users: z
    .array(
      z.strictObject({
        firstName: name,
        lastName: name,
        email: emailField,
        package: packageEnum,
        locationId: idField.min(1, 'must name a location'),
        phoneNumber: phoneField.optional(),
        extension: extensionField.optional(),
        displayName: text(128).optional(),
        preferredWebexSite: text(256).optional(),
      }),
    )
    .min(1, 'must hold at least one user')
    .max(MAX_USERS_PER_ADD),
});

export const patchUserSchema = z.strictObject({
  package: packageEnum.nullable(),
  phoneNumber: phoneField.optional(),
  extension: extensionField.optional(),
  locationId: idField.min(1).optional(),
});

/** Partner Hub names one package per user: the domain's `packages` is its `package`. */
const rowFields = (rows: number): FieldMap =>
  Object.fromEntries(
    Array.from({ length: rows }, (_, i) => [`users[${i}].packages`, `users[${i}].package`]),
  );
const USER_FIELDS: FieldMap = { packages: 'package' };
const renamed = <T>(r: Result<T>, map: FieldMap): Result<T> =>
  r.ok ? r : fail(renameFields(r.error, map) as DomainError);

/** The partner's customer, for reads: 404 when unknown or another partner's (SIM-3). Reads never write. */
export const usersCustomer = (w: WorldReader, user: PartnerUser, customerId: string) =>
  ownedBy(w, 'customers', customerId, user.partnerId, 'Customer');

/**
 * A customer's users in store order, read as they are asked for (a customer may have a million),
 * walked again each time they are iterated: never copied whole.
 */
export const customerUsers = (
  w: WorldReader,
  customerId: string,
): Iterable<WholesaleSubscriber> => ({
  [Symbol.iterator]: () => w.walkKey('subscribers', 'customerId', customerId)[Symbol.iterator](),
});

/** POST: 1 to 25 users, all or nothing; each gets the basic licenses (USR-1, USR-3). */
export const addPartnerHubUsers = (
  tx: WorldTx,
  user: PartnerUser,
  customerId: string,
  body: unknown,
): Result<WholesaleSubscriber[]> => {
  const found = usersCustomer(tx, user, customerId);
  if (!found.ok) return found;
  const input = parseWith(addUsersSchema, body);
  if (!input.ok) return input;
  const users = input.value.users.map((u) => ({
    email: u.email,
    firstName: u.firstName,
    lastName: u.lastName,
    displayName: u.displayName,
    phone: u.phoneNumber,
    extension: u.extension,
    locationId: u.locationId,
    preferredWebexSite: u.preferredWebexSite,
    packages: [u.package],
    licenses: BASIC_LICENSES,
  }));
  return renamed(addUsers(tx, user, customerId, users), rowFields(users.length));
};

/** PATCH: a package change (USR-5, ORG-4), or `package: null` to unassign (USR-6). */
export const patchPartnerHubUser = (
  tx: WorldTx,
  user: PartnerUser,
  customerId: string,
  userId: string,
  body: unknown,
): Result<WholesaleSubscriber> => {
  const found = usersCustomer(tx, user, customerId);
  if (!found.ok) return found;
  const input = parseWith(patchUserSchema, body);
  if (!input.ok) return input;
  const v = input.value;
  const before = tx.get('subscribers', userId);
  const addOn = (before?.packages ?? []).filter((p) => p === 'attendant_console');
  const keepsAddOn =
    v.package === 'webex_calling' || v.package === 'webex_suite' || v.package === 'cx_essentials';
  const packages: PackageName[] =
    v.package === null ? [] : [v.package, ...(keepsAddOn ? addOn : [])];
  return renamed(
    changeSubscriber(
      tx,
      user,
      userId,
      { packages, phone: v.phoneNumber, extension: v.extension, locationId: v.locationId },
      customerId,
    ),
    USER_FIELDS,
  );
};

/** DELETE: removes the user; never the full administrator (ORG-4). */
export const deletePartnerHubUser = (
  tx: WorldTx,
  user: PartnerUser,
  customerId: string,
  userId: string,
): Result<void> => {
  const found = usersCustomer(tx, user, customerId);
  if (!found.ok) return found;
  const r = removeSubscriber(tx, user, userId, customerId);
  return r.ok ? ok(undefined) : r;
};

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

export type { Customer };
