import { z } from 'zod';
import {
  ErrorCode,
  invalidField,
  invalidFields,
  type ErrorItem,
} from '../../../core/kernel/errors.ts';
import {
  countryField,
  emailField,
  languageField,
  timezoneField,
} from '../../../core/kernel/fields.ts';
import type { Address } from '../../../core/kernel/model.ts';
import { fail, ok, type Result } from '../../../core/kernel/result.ts';
import type {
  CustomerChange,
  CustomerDraft,
  NewCustomer,
} from '../../../core/organisations/customers.ts';
import type { LocationInput } from '../../../core/organisations/locations.ts';
import { validateCiscoBody } from './cisco-validate.ts';
import { formatProblems, orgIdProblem, type Check } from './description-rules.ts';

/**
 * `/v1/wholesale/customers` bodies as the domain's customer commands: Cisco's schema first
 * (webex-wholesale.json), then what its descriptions state, then the mapping. The domain names
 * fields as `/v1` does, so no renaming is needed.
 */
export const CUSTOMER_OPERATIONS = {
  provision: 'Provision a Wholesale Customer',
  update: 'Update a Wholesale Customer',
  precheck: 'Precheck a Wholesale Customer Provisioning',
} as const;

interface Body {
  readonly provisioningId?: string;
  readonly packages?: string[];
  readonly orgId?: string;
  readonly externalId?: string;
  readonly address?: Address;
  readonly customerInfo?: { name?: string; primaryEmail: string; language?: string };
  readonly provisioningParameters?: {
    calling?: { location: LocationInput };
    meetings?: { timezone?: string };
  };
  readonly subPartnerAdminEmail?: string;
}

const noPercent = z.string().regex(/^[^%]*$/, 'must not include the "%" character');
const notEmpty = z.string().min(1, 'must not be empty');

/** What the descriptions of the customer operations state beyond the schema. */
const describedProblems = (b: Body): ErrorItem[] => {
  const loc = b.provisioningParameters?.calling?.location;
  const checks: Check[] = [
    ['externalId', b.externalId, notEmpty],
    ['address.country', b.address?.country, countryField],
    ['address.addressLine1', b.address?.addressLine1, notEmpty],
    ['address.city', b.address?.city, notEmpty],
    ['customerInfo.name', b.customerInfo?.name, noPercent],
    ['customerInfo.primaryEmail', b.customerInfo?.primaryEmail, emailField],
    ['customerInfo.language', b.customerInfo?.language, languageField],
    ['provisioningParameters.calling.location.address.country', loc?.address.country, countryField],
    ['provisioningParameters.calling.location.timezone', loc?.timezone, timezoneField],
    ['provisioningParameters.calling.location.language', loc?.language, languageField],
    [
      'provisioningParameters.meetings.timezone',
      b.provisioningParameters?.meetings?.timezone,
      timezoneField,
    ],
    ['subPartnerAdminEmail', b.subPartnerAdminEmail, emailField],
  ];
  return [...formatProblems(checks), ...orgIdProblem('orgId', b.orgId)];
};

const checked = (operationId: string, body: unknown): Result<Body> => {
  const schema = validateCiscoBody(operationId, body);
  if (!schema.ok) return schema;
  const problems = describedProblems(body as Body);
  return problems.length > 0 ? fail(invalidFields(problems)) : ok(body as Body);
};

const draftOf = (b: Body): CustomerDraft => ({
  ...(b.provisioningId !== undefined ? { provisioningId: b.provisioningId } : {}),
  ...(b.packages !== undefined ? { packages: b.packages } : {}),
  ...(b.externalId !== undefined ? { externalId: b.externalId } : {}),
  address: b.address!,
  orgId: b.orgId,
  customerInfo: b.customerInfo,
  callingLocation: b.provisioningParameters?.calling?.location,
  meetingsTimezone: b.provisioningParameters?.meetings?.timezone,
  subPartnerAdminEmail: b.subPartnerAdminEmail,
});

export const provisionCommand = (body: unknown): Result<NewCustomer> => {
  const b = checked(CUSTOMER_OPERATIONS.provision, body);
  if (!b.ok) return b;
  return ok({
    ...draftOf(b.value),
    provisioningId: b.value.provisioningId!,
    packages: b.value.packages!,
    externalId: b.value.externalId!,
    source: 'api',
  });
};

/** The fields only a provisioning request has: any of them makes a precheck the provisioning variant. */
const PROVISIONING_FIELDS = [
  'provisioningId',
  'packages',
  'externalId',
  'orgId',
  'provisioningParameters',
] as const;

/**
 * The customer precheck, in its two variants (webex-wholesale.json: "two variants of Wholesale
 * Customer Provisioning Precheck Requests"): the address and the customer's primary email
 * (`{address, customerInfo: {primaryEmail}}`, Cisco's example), or, once any provisioning field is
 * there, the provisioning request itself, checked against the provisioning schema.
 */
export const precheckDraft = (body: unknown): Result<CustomerDraft> => {
  const b = checked(CUSTOMER_OPERATIONS.precheck, body);
  if (!b.ok) return b;
  const given = b.value as Readonly<Record<string, unknown>>;
  if (PROVISIONING_FIELDS.some((k) => given[k] !== undefined)) {
    const full = provisionCommand(body);
    return full.ok ? ok(draftOf(b.value)) : full;
  }
  return b.value.customerInfo === undefined
    ? fail(
        invalidField(
          'customerInfo',
          'is required: a precheck without provisioningId, packages or externalId checks the address and customerInfo.primaryEmail',
          ErrorCode.required,
        ),
      )
    : ok(draftOf(b.value));
};

export const updateCommand = (body: unknown): Result<CustomerChange> => {
  const b = checked(CUSTOMER_OPERATIONS.update, body);
  if (!b.ok) return b;
  return ok({
    packages: b.value.packages!,
    externalId: b.value.externalId,
    address: b.value.address,
    callingLocation: b.value.provisioningParameters?.calling?.location,
    subPartnerAdminEmail: b.value.subPartnerAdminEmail,
  });
};
