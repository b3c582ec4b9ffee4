import { z } from 'zod';
import { durationMs, parseDuration } from '../kernel/duration.ts';
import {
  conflict,
  ErrorCode,
  invalidField,
  invalidFields,
  type ErrorItem,
} from '../kernel/errors.ts';
import { takeStepFault } from '../sim/fault-ops.ts';
import { webexId } from '../kernel/ids.ts';
import type { Address, PartnerUser } from '../kernel/model.ts';
import type { Customer, Location } from './model.ts';
import { ownedBy } from '../kernel/ownership.ts';
import { checkPackages, hasCalling, type PackageName } from './packages.ts';
import { fail, ok, type Result } from '../kernel/result.ts';
import {
  addressSchema,
  defaultTimezone,
  emailField,
  languageField,
  timezoneField,
} from '../kernel/fields.ts';
import { templateByProvisioningId } from './templates.ts';
import { parseWith } from '../kernel/validation.ts';
import type { WorldReader, WorldTx } from '../kernel/world-tx.ts';

/**
 * Wholesale customers (ORG-1, ORG-2, TPL-1; api.md `/v1` customers). Provisioning, updates and
 * deletes are asynchronous: `provisioning` | `updating` | `deleting` end after the configured delay
 * in virtual time, in `provisioned` (or `error`, when a step fault waits), or gone.
 */
export const CUSTOMER_STEP = 'customer.step';

const locationSchema = z.object({
  name: z.string().min(1, 'must not be empty').max(80),
  address: addressSchema,
  timezone: timezoneField,
  language: languageField,
  emergencyLocationIdentifier: z.string().max(40).optional(),
});

const packagesField = z.array(z.string()).min(1, 'must name at least one package').max(20);

export const provisionSchema = z.object({
  provisioningId: z.string().min(1),
  packages: packagesField,
  orgId: z.string().optional(),
  externalId: z.string().min(1).max(256),
  address: addressSchema,
  customerInfo: z
    .object({
      name: z
        .string()
        .min(1)
        .max(256)
        .regex(/^[^%]*$/, 'must not include the "%" character'),
      primaryEmail: emailField,
      language: languageField.optional(),
    })
    .optional(),
  provisioningParameters: z
    .object({
      calling: z.object({ location: locationSchema }).optional(),
      meetings: z.object({ timezone: timezoneField.optional() }).optional(),
    })
    .optional(),
});

export const updateSchema = z.object({
  externalId: z.string().min(1).max(256).optional(),
  packages: packagesField,
  address: addressSchema.optional(),
  provisioningParameters: provisionSchema.shape.provisioningParameters,
});

export type ProvisionInput = z.output<typeof provisionSchema>;

/** The country of an address must be one the simulator supports (ORG-2). */
export const checkCountry = (w: WorldReader, address: Address, path: string): ErrorItem[] =>
  w.meta.supportedCountries.includes(address.country)
    ? []
    : [
        {
          description: `${path}.country: ${address.country} is not a Webex-supported location (supported: ${w.meta.supportedCountries.join(', ')}) (ORG-2)`,
          errorCode: ErrorCode.invalidValue,
        },
      ];

const delayOf = (tx: WorldTx, name: 'customer' | 'customerUpdate' | 'customerDelete'): number => {
  const d = parseDuration(tx.meta.config.delays[name]);
  return d.ok ? durationMs(d.value, tx.now) : 0;
};

const setStatus = (
  tx: WorldTx,
  c: Customer,
  status: Customer['status'],
  errors: readonly ErrorItem[] = [],
): Customer => {
  const next: Customer = { ...c, status, errors, lastStatusChange: tx.nowIso };
  tx.put('customers', next);
  return next;
};

const newLocation = (
  tx: WorldTx,
  c: Pick<Customer, 'id' | 'partnerId'>,
  l: Omit<Location, 'id' | 'partnerId' | 'customerId' | 'created'>,
): Location => {
  const loc: Location = {
    id: webexId('LOCATION', tx.uuid()),
    partnerId: c.partnerId,
    customerId: c.id,
    created: tx.nowIso,
    ...l,
  };
  tx.put('locations', loc);
  return loc;
};

/** The checks shared by provisioning and its precheck; answers the template. */
const checkProvision = (tx: WorldReader, user: PartnerUser, input: ProvisionInput) => {
  const template = templateByProvisioningId(tx, user.partnerId, input.provisioningId, 'wholesale');
  if (!template.ok) return template;
  const problems = [
    ...checkPackages(input.packages, 'packages', 'customer'),
    ...checkCountry(tx, input.address, 'address'),
  ];
  const packages = input.packages as PackageName[];
  if (problems.length === 0 && hasCalling(packages) && !input.provisioningParameters?.calling) {
    problems.push({
      description: 'provisioningParameters.calling.location: is required for calling packages',
      errorCode: ErrorCode.required,
    });
  }
  if (input.provisioningParameters?.calling)
    problems.push(
      ...checkCountry(
        tx,
        input.provisioningParameters.calling.location.address,
        'provisioningParameters.calling.location.address',
      ),
    );
  if (!input.customerInfo && !input.orgId)
    problems.push({
      description: 'customerInfo: is required for a new customer (one without orgId)',
      errorCode: ErrorCode.required,
    });
  if (problems.length > 0) return fail(invalidFields(problems));
  const mine = tx.list('customers').filter((c) => c.partnerId === user.partnerId);
  if (mine.some((c) => c.externalId === input.externalId))
    return fail(conflict(`externalId ${input.externalId} is already used by another customer.`));
  if (input.orgId !== undefined && tx.list('customers').some((c) => c.orgId === input.orgId))
    return fail(conflict(`Organization ${input.orgId} is already a wholesale customer.`));
  return template;
};

/** Starts provisioning a customer: 202 and `provisioning` at once, `provisioned` after the delay. */
export const provisionCustomer = (
  tx: WorldTx,
  user: PartnerUser,
  input: ProvisionInput,
  extra: {
    source: Customer['source'];
    supportedLocationAttested?: boolean;
    headquartersName?: string;
  } = { source: 'api' },
): Result<Customer> => {
  const template = checkProvision(tx, user, input);
  if (!template.ok) return template;
  const id = webexId('ENTERPRISE', tx.uuid());
  const base = { id, partnerId: user.partnerId };
  const language = input.customerInfo?.language ?? template.value.language;
  const calling = input.provisioningParameters?.calling?.location;
  const hq = calling
    ? newLocation(tx, base, {
        name: calling.name,
        address: calling.address,
        timezone: calling.timezone,
        language: calling.language,
        ...(calling.emergencyLocationIdentifier
          ? { emergencyLocationIdentifier: calling.emergencyLocationIdentifier }
          : {}),
      })
    : newLocation(tx, base, {
        name: extra.headquartersName ?? 'Headquarters',
        address: input.address,
        timezone: defaultTimezone(input.address.country),
        language,
      });
  const customer: Customer = {
    ...base,
    templateId: template.value.id,
    provisioningId: input.provisioningId,
    orgId: input.orgId ?? webexId('ORGANIZATION', tx.uuid()),
    externalId: input.externalId,
    name: input.customerInfo?.name ?? `Organization ${input.orgId ?? ''}`.trim(),
    primaryEmail: input.customerInfo?.primaryEmail ?? '',
    language,
    packages: input.packages as PackageName[],
    address: input.address,
    status: 'provisioning',
    errors: [],
    headquartersLocationId: hq.id,
    ...(calling ? { callingLocationId: hq.id } : {}),
    ...(input.provisioningParameters?.meetings?.timezone
      ? { meetingsTimezone: input.provisioningParameters.meetings.timezone }
      : {}),
    ...(extra.supportedLocationAttested !== undefined
      ? { supportedLocationAttested: extra.supportedLocationAttested }
      : {}),
    source: extra.source,
    created: tx.nowIso,
    lastStatusChange: tx.nowIso,
  };
  tx.put('customers', customer);
  tx.schedule(CUSTOMER_STEP, tx.now + delayOf(tx, 'customer'), { customerId: id, op: 'provision' });
  return ok(customer);
};

/** The precheck of `POST /v1/wholesale/customers/validate`: the same checks, nothing made. */
export const precheckCustomer = (
  w: WorldReader,
  user: PartnerUser,
  body: unknown,
): Result<void> => {
  const schema = provisionSchema.partial({
    provisioningId: true,
    packages: true,
    externalId: true,
  });
  const input = parseWith(schema, body);
  if (!input.ok) return input;
  const v = input.value;
  if (v.provisioningId !== undefined) {
    const t = templateByProvisioningId(w, user.partnerId, v.provisioningId, 'wholesale');
    if (!t.ok) return t;
  }
  const problems = [
    ...(v.packages ? checkPackages(v.packages, 'packages', 'customer') : []),
    ...checkCountry(w, v.address, 'address'),
  ];
  if (problems.length > 0) return fail(invalidFields(problems));
  if (
    v.externalId !== undefined &&
    w.list('customers').some((c) => c.partnerId === user.partnerId && c.externalId === v.externalId)
  ) {
    return fail(conflict(`externalId ${v.externalId} is already used by another customer.`));
  }
  return ok(undefined);
};

const busy = (c: Customer, doing: string): Result<never> | undefined =>
  c.status === 'provisioning' || c.status === 'updating' || c.status === 'deleting'
    ? fail(conflict(`Customer ${c.id} is ${c.status}; it cannot be ${doing} until that ends.`))
    : undefined;

/** `PUT /v1/wholesale/customers/{id}`: 202, `updating`, then `provisioned` after the delay. */
export const updateCustomer = (
  tx: WorldTx,
  user: PartnerUser,
  id: string,
  body: unknown,
): Result<Customer> => {
  const found = ownedBy(tx, 'customers', id, user.partnerId, 'Customer');
  if (!found.ok) return found;
  const input = parseWith(updateSchema, body);
  if (!input.ok) return input;
  const c = found.value;
  const isBusy = busy(c, 'updated');
  if (isBusy) return isBusy;
  const v = input.value;
  const packages = v.packages as PackageName[];
  const problems = [
    ...checkPackages(v.packages, 'packages', 'customer'),
    ...(v.address ? checkCountry(tx, v.address, 'address') : []),
  ];
  if (
    problems.length === 0 &&
    hasCalling(packages) &&
    !c.callingLocationId &&
    !v.provisioningParameters?.calling
  ) {
    problems.push({
      description: 'provisioningParameters.calling.location: is required to add a calling package',
      errorCode: ErrorCode.required,
    });
  }
  if (problems.length > 0) return fail(invalidFields(problems));
  const removed = c.packages.filter((p) => !packages.includes(p));
  const inUse = removed.filter((p) =>
    tx.list('subscribers').some((s) => s.customerId === id && s.packages.includes(p)),
  );
  if (inUse.length > 0)
    return fail(
      conflict(
        `packages: ${inUse.join(', ')} still assigned to subscribers of this customer; change their packages first.`,
      ),
    );
  if (
    v.externalId !== undefined &&
    v.externalId !== c.externalId &&
    tx
      .list('customers')
      .some((o) => o.partnerId === user.partnerId && o.externalId === v.externalId)
  ) {
    return fail(conflict(`externalId ${v.externalId} is already used by another customer.`));
  }
  const calling = v.provisioningParameters?.calling?.location;
  const callingLocationId =
    calling && !c.callingLocationId
      ? newLocation(tx, c, {
          name: calling.name,
          address: calling.address,
          timezone: calling.timezone,
          language: calling.language,
        }).id
      : c.callingLocationId;
  const next = setStatus(
    tx,
    {
      ...c,
      packages,
      ...(v.address ? { address: v.address } : {}),
      ...(v.externalId ? { externalId: v.externalId } : {}),
      ...(callingLocationId ? { callingLocationId } : {}),
    },
    'updating',
  );
  tx.schedule(CUSTOMER_STEP, tx.now + delayOf(tx, 'customerUpdate'), {
    customerId: id,
    op: 'update',
  });
  return ok(next);
};

/** `DELETE /v1/wholesale/customers/{id}`: 202, `deleting`, then gone with its locations and subscribers. */
export const deleteCustomer = (tx: WorldTx, user: PartnerUser, id: string): Result<Customer> => {
  const found = ownedBy(tx, 'customers', id, user.partnerId, 'Customer');
  if (!found.ok) return found;
  if (found.value.status === 'deleting')
    return fail(conflict(`Customer ${id} is already being deleted.`));
  const next = setStatus(tx, found.value, 'deleting');
  tx.schedule(CUSTOMER_STEP, tx.now + delayOf(tx, 'customerDelete'), {
    customerId: id,
    op: 'delete',
  });
  return ok(next);
};

/** The end of an asynchronous customer step, at its due time. */
export const finishCustomerStep = (
  tx: WorldTx,
  payload: Readonly<Record<string, unknown>>,
): void => {
  const c = tx.get('customers', String(payload.customerId));
  if (!c) return;
  if (payload.op === 'delete') {
    for (const l of tx.list('locations')) if (l.customerId === c.id) tx.delete('locations', l.id);
    for (const s of tx.list('subscribers'))
      if (s.customerId === c.id) tx.delete('subscribers', s.id);
    tx.delete('customers', c.id);
    return;
  }
  const fault = takeStepFault(tx, 'customer');
  if (fault)
    setStatus(tx, c, 'error', [{ errorCode: fault.errorCode, description: fault.description }]);
  else setStatus(tx, c, 'provisioned');
};

/** `POST /partner-hub/api/customers/{id}/locations` (ORG-3): another location, unique by name. */
export const addLocation = (
  tx: WorldTx,
  user: PartnerUser,
  customerId: string,
  body: unknown,
): Result<Location> => {
  const found = ownedBy(tx, 'customers', customerId, user.partnerId, 'Customer');
  if (!found.ok) return found;
  const input = parseWith(
    z.strictObject({
      name: z.string().trim().min(1, 'must not be empty').max(80),
      address: addressSchema,
      timezone: timezoneField.optional(),
      language: languageField.optional(),
    }),
    body,
  );
  if (!input.ok) return input;
  const problems = checkCountry(tx, input.value.address, 'address');
  if (problems.length > 0) return fail(invalidFields(problems));
  if (found.value.status === 'deleting')
    return fail(conflict(`Customer ${customerId} is being deleted.`));
  const name = input.value.name;
  if (
    tx
      .list('locations')
      .some((l) => l.customerId === customerId && l.name.toLowerCase() === name.toLowerCase())
  ) {
    return fail(conflict(`The customer already has a location named "${name}".`));
  }
  return ok(
    newLocation(tx, found.value, {
      name,
      address: input.value.address,
      timezone: input.value.timezone ?? defaultTimezone(input.value.address.country),
      language: input.value.language ?? found.value.language ?? 'en_US',
    }),
  );
};

export const customerLocations = (w: WorldReader, customerId: string): Location[] =>
  w.list('locations').filter((l) => l.customerId === customerId);

export { invalidField };
