import { z } from 'zod';
import { customerLocations, provisionCustomer } from './customers.ts';
import type { Customer } from './model.ts';
import type { PartnerUser } from '../kernel/model.ts';
import { isCalling, isPackage } from './packages.ts';
import type { Result } from '../kernel/result.ts';
import { addressSchema, defaultTimezone, emailField } from '../kernel/fields.ts';
import { templateByProvisioningId } from './templates.ts';
import { parseWith } from '../kernel/validation.ts';
import type { WorldReader, WorldTx } from '../kernel/world-tx.ts';

/**
 * Partner Hub's Create customer (ORG-1, ORG-2): company name, admin email and template, then
 * packages, then the headquarters, attested to be in a Webex-supported location. The headquarters is
 * also the first location and, for calling packages, the calling location.
 */
export const partnerHubCustomerSchema = z.strictObject({
  companyName: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(256)
    .regex(/^[^%]*$/, 'must not include the "%" character'),
  adminEmail: emailField,
  provisioningId: z.string().min(1, 'must name a template'),
  packages: z.array(z.string()).min(1, 'must name at least one package').max(20),
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
  return provisionCustomer(
    tx,
    user,
    {
      provisioningId: v.provisioningId,
      packages: v.packages,
      externalId: tx.uuid(),
      address: v.headquarters,
      customerInfo: { name: v.companyName, primaryEmail: v.adminEmail, language },
      ...(calling
        ? {
            provisioningParameters: {
              calling: {
                location: {
                  name: 'Headquarters',
                  address: v.headquarters,
                  timezone: defaultTimezone(v.headquarters.country),
                  language,
                },
              },
            },
          }
        : {}),
    },
    { source: 'partner_hub', supportedLocationAttested: true, headquartersName: 'Headquarters' },
  );
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
  ...(c.status === 'provisioned' ? { orgId: c.orgId } : {}),
  errors: c.errors,
  externalId: c.externalId,
  source: c.source,
  supportedLocationAttested: c.supportedLocationAttested ?? false,
  createdAt: c.created,
  lastStatusChange: c.lastStatusChange,
});
