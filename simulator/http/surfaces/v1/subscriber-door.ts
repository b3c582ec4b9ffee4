import { z } from 'zod';
import {
  invalidFields,
  renameFields,
  type DomainError,
  type ErrorItem,
  type FieldMap,
} from '../../../core/kernel/errors.ts';
import { emailField, extensionField, phoneField } from '../../../core/kernel/fields.ts';
import { fail, ok, type Result } from '../../../core/kernel/result.ts';
import { parseWith } from '../../../core/kernel/validation.ts';
import {
  checkPackages,
  packageInfo,
  SUBSCRIBER_PACKAGES,
  type PackageName,
} from '../../../core/organisations/packages.ts';
import type { NewSubscriber, SubscriberChange } from '../../../core/subscribers/commands.ts';
import { subErrors } from '../../../core/subscribers/errors.ts';

/**
 * `/v1/wholesale/subscribers` bodies (webex-wholesale.json) as the domain's subscriber commands,
 * and the domain's field names as `/v1` knows them.
 */
export const V1_SUBSCRIBER_FIELDS: FieldMap = {
  phoneNumber: 'provisioningParameters.primaryPhoneNumber',
  extension: 'provisioningParameters.extension',
  locationId: 'provisioningParameters.locationId',
  // Webex's 10022 description names no field.
  email: '',
};

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

/** `package` (deprecated) or `packages`: one base package, and at most the attendant_console add-on. */
const requestedPackages = (v: {
  package?: PackageName | undefined;
  packages?: string[] | undefined;
}): Result<PackageName[] | undefined> => {
  if (v.packages === undefined) return ok(v.package ? [v.package] : undefined);
  const problems: ErrorItem[] = checkPackages(v.packages, 'packages', 'subscriber');
  const bases = v.packages.filter((p) => !packageInfo(p as PackageName).needsOneOf);
  if (problems.length === 0 && bases.length !== 1)
    problems.push(subErrors.oneBasePackage.at('packages', { packages: v.packages.join(', ') }));
  return problems.length > 0 ? fail(invalidFields(problems)) : ok(v.packages as PackageName[]);
};

export const provisionCommand = (body: unknown, precheck = false): Result<NewSubscriber> => {
  const input = parseWith(
    createSchema,
    precheck && typeof body === 'object' && body !== null
      ? { provisioningParameters: {}, ...body }
      : body,
  );
  if (!input.ok) return input;
  const v = input.value;
  const packages = requestedPackages(v);
  if (!packages.ok) return packages;
  if (!packages.value) return fail(invalidFields([subErrors.packageRequired.at('packages', {})]));
  const p = v.provisioningParameters;
  return ok({
    customerId: v.customerId,
    email: v.email,
    packages: packages.value,
    firstName: p.firstName,
    lastName: p.lastName,
    phone: p.primaryPhoneNumber,
    extension: p.extension,
    locationId: p.locationId,
    defaultLocation: true,
  });
};

export const updateCommand = (body: unknown): Result<SubscriberChange> => {
  const input = parseWith(updateSchema, body);
  if (!input.ok) return input;
  const packages = requestedPackages(input.value);
  if (!packages.ok) return packages;
  const p = input.value.provisioningParameters ?? {};
  return ok({
    ...(packages.value ? { packages: packages.value } : {}),
    phone: p.primaryPhoneNumber,
    extension: p.extension,
    locationId: p.locationId,
  });
};

/** A domain answer with its fields named as `/v1` names them. */
export const asV1 = <T>(r: Result<T>): Result<T> =>
  r.ok ? r : fail(renameFields(r.error, V1_SUBSCRIBER_FIELDS) as DomainError);
