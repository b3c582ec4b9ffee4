import {
  invalidFields,
  renameFields,
  type DomainError,
  type ErrorItem,
  type FieldMap,
} from '../../../core/kernel/errors.ts';
import { emailField, extensionField, phoneField } from '../../../core/kernel/fields.ts';
import { fail, ok, type Result } from '../../../core/kernel/result.ts';
import type { PackageName } from '../../../core/organisations/packages.ts';
import type { NewSubscriber, SubscriberChange } from '../../../core/subscribers/commands.ts';
import type { SubscriberPrecheck } from '../../../core/subscribers/precheck.ts';
import { validateCiscoBody } from './cisco-validate.ts';
import { formatProblems, onePackage, packageOrPackages, type Check } from './description-rules.ts';

/**
 * `/v1/wholesale/subscribers` bodies as the domain's subscriber commands: Cisco's schema first
 * (webex-wholesale.json), then what its descriptions state ("Either `packages` or `package` field is
 * required but not both", "Currently accepts only one package in the list"), then the mapping. The
 * domain's field names become `/v1`'s.
 */
export const SUBSCRIBER_OPERATIONS = {
  provision: 'Provision a Wholesale Subscriber',
  update: 'Update a Wholesale Subscriber',
  precheck: 'Precheck a Wholesale Subscriber Provisioning',
} as const;

export const V1_SUBSCRIBER_FIELDS: FieldMap = {
  phoneNumber: 'provisioningParameters.primaryPhoneNumber',
  extension: 'provisioningParameters.extension',
  locationId: 'provisioningParameters.locationId',
  // Webex's 10022 description names no field.
  email: '',
};

interface Body {
  readonly customerId?: string;
  readonly email?: string;
  readonly package?: PackageName;
  readonly packages?: PackageName[];
  readonly provisioningId?: string;
  readonly customerInfo?: { readonly primaryEmail: string };
  readonly provisioningParameters?: {
    readonly firstName?: string;
    readonly lastName?: string;
    readonly primaryPhoneNumber?: string;
    readonly extension?: string;
    readonly locationId?: string;
  };
}

const describedProblems = (b: Body, packagesRequired: boolean): ErrorItem[] => {
  const p = b.provisioningParameters;
  const checks: Check[] = [
    ['email', b.email, emailField],
    ['customerInfo.primaryEmail', b.customerInfo?.primaryEmail, emailField],
    ['provisioningParameters.primaryPhoneNumber', p?.primaryPhoneNumber, phoneField],
    ['provisioningParameters.extension', p?.extension, extensionField],
  ];
  return [
    ...packageOrPackages(b, packagesRequired),
    ...onePackage(b.packages),
    ...formatProblems(checks),
  ];
};

const checked = (operationId: string, body: unknown, packagesRequired: boolean): Result<Body> => {
  const schema = validateCiscoBody(operationId, body);
  if (!schema.ok) return schema;
  const problems = describedProblems(body as Body, packagesRequired);
  return problems.length > 0 ? fail(invalidFields(problems)) : ok(body as Body);
};

const packagesOf = (b: Body): PackageName[] | undefined =>
  b.packages ?? (b.package !== undefined ? [b.package] : undefined);

const commandOf = (b: Body): NewSubscriber => {
  const p = b.provisioningParameters ?? {};
  return {
    customerId: b.customerId ?? '',
    email: b.email!,
    packages: packagesOf(b) ?? [],
    firstName: p.firstName,
    lastName: p.lastName,
    phone: p.primaryPhoneNumber,
    extension: p.extension,
    locationId: p.locationId,
    defaultLocation: true,
  };
};

export const provisionCommand = (body: unknown): Result<NewSubscriber> => {
  const b = checked(SUBSCRIBER_OPERATIONS.provision, body, true);
  return b.ok ? ok(commandOf(b.value)) : b;
};

export const precheckCommand = (body: unknown): Result<SubscriberPrecheck> => {
  const r = checked(SUBSCRIBER_OPERATIONS.precheck, body, false);
  if (!r.ok) return r;
  const b = r.value;
  if (b.customerId !== undefined) return ok({ variant: 'customer', cmd: commandOf(b) });
  if (b.provisioningId !== undefined || b.customerInfo !== undefined) {
    const missing: ErrorItem[] = [];
    if (b.provisioningId === undefined)
      missing.push({
        description: 'provisioningId: is required with customerInfo',
        errorCode: 1001,
        field: 'provisioningId',
      });
    if (b.customerInfo === undefined)
      missing.push({
        description: 'customerInfo: is required with provisioningId',
        errorCode: 1001,
        field: 'customerInfo',
      });
    if (missing.length > 0) return fail(invalidFields(missing));
    return ok({
      variant: 'newCustomer',
      email: b.email!,
      provisioningId: b.provisioningId!,
      primaryEmail: b.customerInfo!.primaryEmail,
      packages: packagesOf(b),
    });
  }
  return ok({ variant: 'email', email: b.email! });
};

/** A PUT names a package ("Either `packages` or `package` field is required"). */
export const updateCommand = (body: unknown): Result<SubscriberChange> => {
  const b = checked(SUBSCRIBER_OPERATIONS.update, body, true);
  if (!b.ok) return b;
  const p = b.value.provisioningParameters ?? {};
  return ok({
    packages: packagesOf(b.value)!,
    phone: p.primaryPhoneNumber,
    extension: p.extension,
    locationId: p.locationId,
  });
};

/** A domain answer with its fields named as `/v1` names them. */
export const asV1 = <T>(r: Result<T>): Result<T> =>
  r.ok ? r : fail(renameFields(r.error, V1_SUBSCRIBER_FIELDS) as DomainError);
