import { z } from 'zod';
import { conflict, notFound } from '../kernel/errors.ts';
import type { Customer } from '../organisations/model.ts';
import type { PartnerUser } from '../kernel/model.ts';
import type { WholesaleSubscriber } from './model.ts';
import { ownedBy } from '../kernel/ownership.ts';
import { SUBSCRIBER_PACKAGES, type PackageName } from '../organisations/packages.ts';
import { fail, ok, type Result } from '../kernel/result.ts';
import { emailField, extensionField, phoneField } from '../kernel/fields.ts';
import { checkUser, saveUser, type FieldNames } from './user-changes.ts';
import { UserIndex } from './user-index.ts';
import {
  BASIC_LICENSES,
  checkAdminPackage,
  customerUsers,
  ensureAdmin,
  rejection,
  usableCustomer,
} from './users.ts';
import { parseWith } from '../kernel/validation.ts';
import type { WorldTx } from '../kernel/world-tx.ts';

/** `/partner-hub/api/customers/{id}/users` (USR-1, USR-5, USR-6, ORG-3, ORG-4). */
export const MAX_USERS_PER_ADD = 25;

const packageEnum = z.enum(SUBSCRIBER_PACKAGES as [PackageName, ...PackageName[]]);
const name = z.string().trim().min(1, 'must not be empty').max(64);

const addSchema = z.strictObject({
  users: z
    .array(
      z.strictObject({
        firstName: name,
        lastName: name,
        email: emailField,
        package: packageEnum,
        locationId: z.string().min(1, 'must name a location'),
        phoneNumber: phoneField.optional(),
        extension: extensionField.optional(),
        displayName: z.string().max(128).optional(),
        preferredWebexSite: z.string().max(256).optional(),
      }),
    )
    .min(1, 'must hold at least one user')
    .max(MAX_USERS_PER_ADD),
});

const patchSchema = z.strictObject({
  package: packageEnum.nullable(),
  phoneNumber: phoneField.optional(),
  extension: extensionField.optional(),
  locationId: z.string().min(1).optional(),
});

/** The customer, provisioned, with its full administrator in place (ORG-4). */
export const usersCustomer = (
  tx: WorldTx,
  user: PartnerUser,
  customerId: string,
): Result<Customer> => {
  const found = ownedBy(tx, 'customers', customerId, user.partnerId, 'Customer');
  if (!found.ok) return found;
  ensureAdmin(tx, found.value);
  return ok(found.value);
};

const fieldsAt = (i: number): FieldNames => ({
  email: `users[${i}].email`,
  package: `users[${i}].package`,
  phone: `users[${i}].phoneNumber`,
  extension: `users[${i}].extension`,
  location: `users[${i}].locationId`,
  site: `users[${i}].preferredWebexSite`,
});

/** POST: 1 to 25 users, all or nothing; each gets the basic licenses (USR-1, USR-3). */
export const addUsers = (
  tx: WorldTx,
  user: PartnerUser,
  customerId: string,
  body: unknown,
): Result<WholesaleSubscriber[]> => {
  const found = usersCustomer(tx, user, customerId);
  if (!found.ok) return found;
  const input = parseWith(addSchema, body);
  if (!input.ok) return input;
  const c = usableCustomer(found.value);
  if (!c.ok) return c;
  const index = new UserIndex(tx, c.value.id);
  for (const [i, u] of input.value.users.entries()) {
    if (!index.locationById(u.locationId))
      return fail(notFound(`users[${i}].locationId: Location ${u.locationId}`));
  }
  const made: WholesaleSubscriber[] = [];
  for (const [i, u] of input.value.users.entries()) {
    const draft = {
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
    };
    const checked = checkUser(index, c.value, undefined, draft, fieldsAt(i));
    if (checked.errors.length > 0) return fail(rejection(checked.errors));
    made.push(saveUser(tx, index, c.value, undefined, draft));
  }
  return ok(made);
};

const ownUser = (tx: WorldTx, c: Customer, userId: string): Result<WholesaleSubscriber> => {
  const s = tx.get('subscribers', userId);
  return s && s.customerId === c.id ? ok(s) : fail(notFound(`User ${userId}`));
};

/** PATCH: a package change (USR-5, ORG-4), or `package: null` to unassign, clearing a package error (USR-6). */
export const patchUser = (
  tx: WorldTx,
  user: PartnerUser,
  customerId: string,
  userId: string,
  body: unknown,
): Result<WholesaleSubscriber> => {
  const found = usersCustomer(tx, user, customerId);
  if (!found.ok) return found;
  const s = ownUser(tx, found.value, userId);
  if (!s.ok) return s;
  const input = parseWith(patchSchema, body);
  if (!input.ok) return input;
  const c = usableCustomer(found.value);
  if (!c.ok) return c;
  const v = input.value;
  const before = s.value;
  const index = new UserIndex(tx, c.value.id);
  if (v.locationId !== undefined && !index.locationById(v.locationId))
    return fail(notFound(`Location ${v.locationId}`));
  const addOn = before.packages.filter((p) => p === 'attendant_console');
  const packages: PackageName[] =
    v.package === null
      ? []
      : [
          v.package,
          ...(v.package === 'webex_calling' ||
          v.package === 'webex_suite' ||
          v.package === 'cx_essentials'
            ? addOn
            : []),
        ];
  const draft = {
    email: before.email,
    firstName: before.firstName,
    lastName: before.lastName,
    displayName: before.displayName,
    phone: v.phoneNumber ?? before.primaryPhoneNumber,
    extension: v.extension ?? before.extension,
    locationId:
      v.locationId ??
      before.locationId ??
      (packages.length > 0
        ? (c.value.callingLocationId ?? c.value.headquartersLocationId)
        : undefined),
    preferredWebexSite: before.preferredWebexSite,
    packages,
    licenses: before.licenses ?? BASIC_LICENSES,
  };
  const fields: FieldNames = {
    email: 'email',
    package: 'package',
    phone: 'phoneNumber',
    extension: 'extension',
    location: 'locationId',
    site: 'preferredWebexSite',
  };
  const checked = checkUser(index, c.value, before, draft, fields);
  if (checked.errors.length > 0) return fail(rejection(checked.errors));
  return ok(saveUser(tx, index, c.value, before, draft));
};

/** DELETE: removes the user; never the full administrator (ORG-4). */
export const deleteUser = (
  tx: WorldTx,
  user: PartnerUser,
  customerId: string,
  userId: string,
): Result<void> => {
  const found = usersCustomer(tx, user, customerId);
  if (!found.ok) return found;
  const s = ownUser(tx, found.value, userId);
  if (!s.ok) return s;
  if (checkAdminPackage(s.value, [], 'user'))
    return fail(
      conflict(
        `${s.value.email} is the customer's full administrator and cannot be removed (ORG-4).`,
      ),
    );
  tx.delete('subscribers', s.value.id);
  return ok(undefined);
};

export const listUsers = (
  tx: WorldTx,
  user: PartnerUser,
  customerId: string,
): Result<WholesaleSubscriber[]> => {
  const found = usersCustomer(tx, user, customerId);
  return found.ok ? ok(customerUsers(tx, found.value.id)) : found;
};
