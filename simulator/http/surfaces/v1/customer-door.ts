import { z } from 'zod';
import {
  addressSchema,
  emailField,
  languageField,
  timezoneField,
} from '../../../core/kernel/fields.ts';
import { ok, type Result } from '../../../core/kernel/result.ts';
import { parseWith } from '../../../core/kernel/validation.ts';
import type {
  CustomerChange,
  CustomerDraft,
  NewCustomer,
} from '../../../core/organisations/customers.ts';

/**
 * `/v1/wholesale/customers` bodies (webex-wholesale.json) as the domain's customer commands. The
 * domain names fields as `/v1` does, so no renaming is needed here.
 */
const locationSchema = z.object({
  name: z.string().min(1, 'must not be empty').max(80),
  address: addressSchema,
  timezone: timezoneField,
  language: languageField,
  emergencyLocationIdentifier: z.string().max(40).optional(),
});

const packagesField = z.array(z.string()).min(1, 'must name at least one package').max(20);

const provisioningParameters = z
  .object({
    calling: z.object({ location: locationSchema }).optional(),
    meetings: z.object({ timezone: timezoneField.optional() }).optional(),
  })
  .optional();

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
  provisioningParameters,
});

export const updateSchema = z.object({
  externalId: z.string().min(1).max(256).optional(),
  packages: packagesField,
  address: addressSchema.optional(),
  provisioningParameters,
});

type Provision = z.output<typeof provisionSchema>;

const draftOf = (
  v: { readonly [K in keyof Provision]?: Provision[K] | undefined } & Pick<Provision, 'address'>,
): CustomerDraft => ({
  ...(v.provisioningId !== undefined ? { provisioningId: v.provisioningId } : {}),
  ...(v.packages !== undefined ? { packages: v.packages } : {}),
  ...(v.externalId !== undefined ? { externalId: v.externalId } : {}),
  address: v.address,
  orgId: v.orgId,
  customerInfo: v.customerInfo,
  callingLocation: v.provisioningParameters?.calling?.location,
  meetingsTimezone: v.provisioningParameters?.meetings?.timezone,
});

export const provisionCommand = (body: unknown): Result<NewCustomer> => {
  const input = parseWith(provisionSchema, body);
  if (!input.ok) return input;
  const v = input.value;
  return ok({
    ...draftOf(v),
    provisioningId: v.provisioningId,
    packages: v.packages,
    externalId: v.externalId,
    source: 'api',
  });
};

/** The precheck takes any of the provisioning fields; only the address is required. */
export const precheckDraft = (body: unknown): Result<CustomerDraft> => {
  const schema = provisionSchema.partial({
    provisioningId: true,
    packages: true,
    externalId: true,
  });
  const input = parseWith(schema, body);
  return input.ok ? ok(draftOf(input.value)) : input;
};

export const updateCommand = (body: unknown): Result<CustomerChange> => {
  const input = parseWith(updateSchema, body);
  if (!input.ok) return input;
  const v = input.value;
  return ok({
    packages: v.packages,
    externalId: v.externalId,
    address: v.address,
    callingLocation: v.provisioningParameters?.calling?.location,
  });
};
