import { z } from 'zod';
import { emailHeld, sendBroadWorksConsent } from '../broadworks/subscribers.ts';
import { conflict, ErrorCode, invalidFields, notFound, type ErrorItem } from '../kernel/errors.ts';
import { webexId } from '../kernel/ids.ts';
import type { Customer } from '../organisations/model.ts';
import type { PartnerUser } from '../kernel/model.ts';
import type { WholesaleSubscriber } from './model.ts';
import { ownedBy } from '../kernel/ownership.ts';
import {
  checkPackages,
  hasCalling,
  packageInfo,
  SUBSCRIBER_PACKAGES,
  type PackageName,
} from '../organisations/packages.ts';
import { fail, ok, type Result } from '../kernel/result.ts';
import { emailField, extensionField, phoneField } from '../kernel/fields.ts';
import { parseWith } from '../kernel/validation.ts';
import type { WorldReader, WorldTx } from '../kernel/world-tx.ts';

/**
 * Wholesale subscribers (api.md `/v1` subscribers): synchronous, as published. A free-account email
 * waits in `pending_user_migration` until its owner accepts the move from the consent mail.
 */
const packageEnum = z.enum(SUBSCRIBER_PACKAGES as [PackageName, ...PackageName[]]);
const params = z.object({
  firstName: z.string().max(64).optional(),
  lastName: z.string().max(64).optional(),
  primaryPhoneNumber: phoneField.optional(),
  extension: extensionField.optional(),
  locationId: z.string().optional(),
});

const createSchema = z.object({
  customerId: z.string().min(1),
  email: emailField,
  package: packageEnum.optional(),
  packages: z.array(z.string()).min(1, 'must name a package').max(2).optional(),
  provisioningParameters: params,
});

const updateSchema = z.object({
  package: packageEnum.optional(),
  packages: z.array(z.string()).min(1, 'must name a package').max(2).optional(),
  provisioningParameters: params.omit({ firstName: true, lastName: true }).optional(),
});

const requestedPackages = (v: {
  package?: PackageName | undefined;
  packages?: string[] | undefined;
}): Result<PackageName[] | undefined> => {
  if (v.packages === undefined) return ok(v.package ? [v.package] : undefined);
  const problems: ErrorItem[] = checkPackages(v.packages, 'packages', 'subscriber');
  if (
    problems.length === 0 &&
    v.packages.filter((p) => !packageInfo(p as PackageName).needsOneOf).length !== 1
  )
    problems.push({
      description:
        'packages: must hold exactly one base package (and at most the attendant_console add-on)',
      errorCode: ErrorCode.invalidValue,
    });
  return problems.length > 0 ? fail(invalidFields(problems)) : ok(v.packages as PackageName[]);
};

/** An email any subscriber already holds is taken (409, 10022). */
export const emailTaken = (w: WorldReader, email: string, exceptId?: string): boolean =>
  emailHeld(w, email, exceptId);

export const emailInUse = () =>
  conflict('The email is already associated with an existing user.', ErrorCode.inUse);

const checkNumbers = (
  w: WorldReader,
  c: Customer,
  packages: readonly PackageName[],
  p: { primaryPhoneNumber?: string | undefined; extension?: string | undefined },
  exceptId?: string,
): Result<void> => {
  if (hasCalling(packages) && !p.primaryPhoneNumber && !p.extension) {
    return fail(
      invalidFields([
        {
          description:
            'provisioningParameters.primaryPhoneNumber: a calling package needs a primary phone number or an extension (USR-5)',
          errorCode: ErrorCode.required,
        },
      ]),
    );
  }
  const others = w.list('subscribers').filter((s) => s.customerId === c.id && s.id !== exceptId);
  if (p.extension && others.some((s) => s.extension === p.extension))
    return fail(conflict(`Extension ${p.extension} is already used in this customer.`));
  const digits = (n: string) => n.replace(/[^0-9+]/g, '');
  if (
    p.primaryPhoneNumber &&
    w
      .list('subscribers')
      .some(
        (s) =>
          s.id !== exceptId &&
          s.primaryPhoneNumber &&
          digits(s.primaryPhoneNumber) === digits(p.primaryPhoneNumber!),
      )
  ) {
    return fail(conflict(`Phone number ${p.primaryPhoneNumber} is already assigned.`));
  }
  return ok(undefined);
};

const ownedPackages = (c: Customer, packages: readonly PackageName[]): Result<void> => {
  const missing = packages.filter((p) => !c.packages.includes(p));
  return missing.length === 0
    ? ok(undefined)
    : fail(
        invalidFields(
          missing.map((p) => ({
            description: `packages: the customer does not have the ${p} package (it has ${c.packages.join(', ')})`,
            errorCode: ErrorCode.invalidValue,
          })),
        ),
      );
};

const checkCreate = (w: WorldReader, user: PartnerUser, body: unknown) => {
  const input = parseWith(createSchema, body);
  if (!input.ok) return input;
  const v = input.value;
  const packages = requestedPackages(v);
  if (!packages.ok) return packages;
  if (!packages.value)
    return fail(
      invalidFields([{ description: 'packages: is required', errorCode: ErrorCode.required }]),
    );
  const customer = ownedBy(w, 'customers', v.customerId, user.partnerId, 'Customer');
  if (!customer.ok) return customer;
  if (customer.value.status !== 'provisioned')
    return fail(
      conflict(
        `Customer ${v.customerId} is ${customer.value.status}; subscribers can be provisioned once it is provisioned.`,
      ),
    );
  const owned = ownedPackages(customer.value, packages.value);
  if (!owned.ok) return owned;
  const loc = v.provisioningParameters.locationId;
  if (
    loc !== undefined &&
    !w.list('locations').some((l) => l.id === loc && l.customerId === customer.value.id)
  )
    return fail(notFound(`Location ${loc}`));
  const numbers = checkNumbers(w, customer.value, packages.value, v.provisioningParameters);
  if (!numbers.ok) return numbers;
  if (emailTaken(w, v.email)) return fail(emailInUse());
  return ok({ input: v, packages: packages.value, customer: customer.value });
};

export const precheckSubscriber = (
  w: WorldReader,
  user: PartnerUser,
  body: unknown,
): Result<void> => {
  const r = checkCreate(
    w,
    user,
    typeof body === 'object' && body !== null ? { provisioningParameters: {}, ...body } : body,
  );
  return r.ok ? ok(undefined) : r;
};

const CONSENT_FROM = 'noreply@webex.com';

export const sendConsentMail = (tx: WorldTx, s: WholesaleSubscriber, company: string): void => {
  tx.sendMail({
    from: CONSENT_FROM,
    to: [s.email],
    subject: `${company} invites you to move your Webex account`,
    text: `${company} has set up Webex for you. Your free Webex account ${s.email} moves to ${company} once you accept: {{link:0}}`,
    links: [{ label: 'Accept and move my account', path: `/consent/${s.consentToken ?? ''}` }],
  });
};

/** `POST /v1/wholesale/subscribers`: `provisioned` at once, or `pending_user_migration` for a free account. */
export const provisionSubscriber = (
  tx: WorldTx,
  user: PartnerUser,
  body: unknown,
): Result<WholesaleSubscriber> => {
  const checked = checkCreate(tx, user, body);
  if (!checked.ok) return checked;
  const { input, packages, customer } = checked.value;
  const p = input.provisioningParameters;
  const free = tx.meta.freeAccounts.includes(input.email.toLowerCase());
  const locationId =
    p.locationId ??
    (hasCalling(packages)
      ? (customer.callingLocationId ?? customer.headquartersLocationId)
      : undefined);
  const s: WholesaleSubscriber = {
    id: webexId('SUBSCRIBER', tx.uuid()),
    partnerId: user.partnerId,
    customerId: customer.id,
    email: input.email,
    ...(p.firstName !== undefined ? { firstName: p.firstName } : {}),
    ...(p.lastName !== undefined ? { lastName: p.lastName } : {}),
    packages,
    ...(p.primaryPhoneNumber !== undefined ? { primaryPhoneNumber: p.primaryPhoneNumber } : {}),
    ...(p.extension !== undefined ? { extension: p.extension } : {}),
    ...(locationId !== undefined ? { locationId } : {}),
    status: free ? 'pending_user_migration' : 'provisioned',
    personId: webexId('PEOPLE', tx.uuid()),
    errors: [],
    ...(free ? { consentToken: tx.uuid().replace(/-/g, '') } : {}),
    created: tx.nowIso,
    lastStatusChange: tx.nowIso,
  };
  tx.put('subscribers', s);
  if (free) sendConsentMail(tx, s, customer.name);
  return ok(s);
};

/** `PUT /v1/wholesale/subscribers/{id}`: a package or number change (USR-5). */
export const updateSubscriber = (
  tx: WorldTx,
  user: PartnerUser,
  id: string,
  body: unknown,
): Result<WholesaleSubscriber> => {
  const found = ownedBy(tx, 'subscribers', id, user.partnerId, 'Subscriber');
  if (!found.ok) return found;
  const input = parseWith(updateSchema, body);
  if (!input.ok) return input;
  const s = found.value;
  if (s.status !== 'provisioned')
    return fail(conflict(`Subscriber ${id} is ${s.status}; it can be changed once provisioned.`));
  const packages = requestedPackages(input.value);
  if (!packages.ok) return packages;
  const customer = tx.get('customers', s.customerId);
  if (!customer) return fail(notFound(`Customer ${s.customerId}`));
  const next = packages.value ?? s.packages;
  const owned = ownedPackages(customer, next);
  if (!owned.ok) return owned;
  const p = input.value.provisioningParameters ?? {};
  const numbers = {
    primaryPhoneNumber: p.primaryPhoneNumber ?? s.primaryPhoneNumber,
    extension: p.extension ?? s.extension,
  };
  const check = checkNumbers(tx, customer, next, numbers, s.id);
  if (!check.ok) return check;
  if (
    p.locationId !== undefined &&
    !tx.list('locations').some((l) => l.id === p.locationId && l.customerId === customer.id)
  )
    return fail(notFound(`Location ${p.locationId}`));
  const locationId =
    p.locationId ??
    s.locationId ??
    (hasCalling(next)
      ? (customer.callingLocationId ?? customer.headquartersLocationId)
      : undefined);
  const updated: WholesaleSubscriber = {
    ...s,
    packages: next,
    ...(numbers.primaryPhoneNumber !== undefined
      ? { primaryPhoneNumber: numbers.primaryPhoneNumber }
      : {}),
    ...(numbers.extension !== undefined ? { extension: numbers.extension } : {}),
    ...(locationId !== undefined ? { locationId } : {}),
  };
  tx.put('subscribers', updated);
  return ok(updated);
};

export const deleteSubscriber = (tx: WorldTx, user: PartnerUser, id: string): Result<void> => {
  const found = ownedBy(tx, 'subscribers', id, user.partnerId, 'Subscriber');
  if (!found.ok) return found;
  tx.delete('subscribers', id);
  return ok(undefined);
};

/** `POST /v1/subscribers/{id}/emails/consentMove`: the consent mail again, while the move is pending. */
export const resendConsent = (tx: WorldTx, user: PartnerUser, id: string): Result<void> => {
  const bw = ownedBy(tx, 'broadworksSubscribers', id, user.partnerId, 'Subscriber');
  if (bw.ok) {
    if (bw.value.status !== 'pending_user_migration')
      return fail(
        conflict(
          `Subscriber ${id} is ${bw.value.status}; a consent mail goes only to subscribers pending user migration.`,
        ),
      );
    sendBroadWorksConsent(tx, bw.value);
    return ok(undefined);
  }
  const found = ownedBy(tx, 'subscribers', id, user.partnerId, 'Subscriber');
  if (!found.ok) return found;
  if (found.value.status !== 'pending_user_migration')
    return fail(
      conflict(
        `Subscriber ${id} is ${found.value.status}; a consent mail goes only to subscribers pending user migration.`,
      ),
    );
  sendConsentMail(
    tx,
    found.value,
    tx.get('customers', found.value.customerId)?.name ?? 'Your provider',
  );
  return ok(undefined);
};

/** The subscriber a consent link is for, while its move is pending. */
export const subscriberByConsentToken = (
  w: WorldReader,
  token: string,
): Result<WholesaleSubscriber> => {
  const s = w
    .list('subscribers')
    .find((x) => x.consentToken !== undefined && x.consentToken === token);
  return s ? ok(s) : fail(notFound('Consent link (it may have been used already)'));
};

/** The owner accepts the move: `provisioned`; the link is spent. */
export const acceptConsent = (tx: WorldTx, token: string): Result<WholesaleSubscriber> => {
  const found = subscriberByConsentToken(tx, token);
  if (!found.ok) return found;
  const { consentToken: _spent, ...rest } = found.value;
  const next: WholesaleSubscriber = { ...rest, status: 'provisioned', lastStatusChange: tx.nowIso };
  tx.put('subscribers', next);
  return ok(next);
};
