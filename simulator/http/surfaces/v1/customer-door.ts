import { z } from 'zod';
import { invalidFields, type ErrorItem } from '../../../core/kernel/errors.ts';
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

/** The precheck takes any of the provisioning fields; only the address is required. */
export const precheckDraft = (body: unknown): Result<CustomerDraft> => {
  const b = checked(CUSTOMER_OPERATIONS.precheck, body);
  return b.ok ? ok(draftOf(b.value)) : b;
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
