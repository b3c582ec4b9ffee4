import { z } from 'zod';
import { renameFields } from '../../../core/kernel/errors.ts';
import { addressSchema, emailField, idField, text } from '../../../core/kernel/fields.ts';
import type { PartnerUser } from '../../../core/kernel/model.ts';
import { fail, type Result } from '../../../core/kernel/result.ts';
import { parseWith } from '../../../core/kernel/validation.ts';
import type { WorldReader, WorldTx } from '../../../core/kernel/world-tx.ts';
import { CUSTOMER_FORM_FIELDS } from '../../../core/organisations/customer-forms.ts';
import { provisionCustomer } from '../../../core/organisations/customers.ts';
import { customerLocations } from '../../../core/organisations/locations.ts';
import type { Customer } from '../../../core/organisations/model.ts';
import { isCalling, isPackage } from '../../../core/organisations/packages.ts';
import { templateByProvisioningId } from '../../../core/organisations/templates.ts';

/**
 * Partner Hub's Create customer (ORG-1, ORG-2), a door to the one customer command: company name,
 * admin email and template, then packages, then the headquarters, attested to be in a
 * Webex-supported location. The headquarters is also the first location and, for calling packages,
 * the calling location. Errors name the form's fields (`headquarters.country`, not `/v1`'s).
 */
export const partnerHubCustomerSchema = z.strictObject({
  companyName: text(256)
    .trim()
    .min(1, 'must not be empty')
    .regex(/^[^%]*$/, 'must not include the "%" character'),
  adminEmail: emailField,
  provisioningId: idField.min(1, 'must name a template'),
  packages: z.array(text(64)).min(1, 'must name at least one package').max(20),
  headquarters: addressSchema,
  supportedLocationAttested: z.literal(true, {
    error: 'the partner must attest that the headquarters is in a Webex-supported location (ORG-2)',
  }),
});

export const createPartnerHubCustomer = (
  tx: WorldTx,
  user: PartnerUser,
  body: unknown,
): Result<Customer> => {
  const input = parseWith(partnerHubCustomerSchema, body);
  if (!input.ok) return input;
  const v = input.value;
  const template = templateByProvisioningId(tx, user.partnerId, v.provisioningId, 'wholesale');
  const language = template.ok ? template.value.language : 'en_US';
  const calling = v.packages.some((p) => isPackage(p) && isCalling(p));
  const r = provisionCustomer(tx, user, {
    provisioningId: v.provisioningId,
    packages: v.packages,
    externalId: tx.uuid(),
    address: v.headquarters,
    customerInfo: { name: v.companyName, primaryEmail: v.adminEmail, language },
    ...(calling ? { callingLocation: 'headquarters' as const } : {}),
    headquartersName: 'Headquarters',
    supportedLocationAttested: true,
    source: 'partner_hub',
  });
  return r.ok ? r : fail(renameFields(r.error, CUSTOMER_FORM_FIELDS));
};

/** A customer as Partner Hub shows it. */
export const partnerHubCustomerView = (w: WorldReader, c: Customer) => ({
  id: c.id,
  companyName: c.name,
  adminEmail: c.primaryEmail,
  provisioningId: c.provisioningId,
  templateId: c.templateId,
  templateName: w.get('templates', c.templateId)?.name,
  packages: c.packages,
  headquarters: c.address,
  headquartersLocationId: c.headquartersLocationId,
  ...(c.callingLocationId ? { callingLocationId: c.callingLocationId } : {}),
  locations: customerLocations(w, c.id).map((l) => ({
    id: l.id,
    name: l.name,
    address: l.address,
    timezone: l.timezone,
    language: l.language,
  })),
  status: c.status,
  ...(c.status === 'provisioned' || c.status === 'provisioned_with_errors'
    ? { orgId: c.orgId }
    : {}),
  errors: c.errors,
  externalId: c.externalId,
  source: c.source,
  supportedLocationAttested: c.supportedLocationAttested ?? false,
  createdAt: c.created,
  lastStatusChange: c.lastStatusChange,
});
