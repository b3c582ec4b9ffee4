import type { Customer, Location, WholesaleSubscriber } from '../core/model.ts';
import { packageInfo } from '../core/packages.ts';

/** Domain objects in Cisco's `/v1` shapes (webex-wholesale.json: Customer, Subscriber). */
const packageStatus = (s: Customer['status']): 'provisioned' | 'provisioning' | 'deleting' | 'error' =>
  s === 'provisioned' ? 'provisioned' : s === 'deleting' ? 'deleting' : s === 'error' ? 'error' : 'provisioning';

export const customerV1 = (c: Customer) => ({
  id: c.id,
  ...(c.status === 'provisioned' ? { orgId: c.orgId } : {}),
  externalId: c.externalId,
  address: c.address,
  status: c.status,
  packages: c.packages,
  resourceDetails: { packages: c.packages.map((name) => ({ name, status: packageStatus(c.status) })) },
  errors: c.errors,
});

export const subscriberV1 = (s: WholesaleSubscriber, c: Customer | undefined) => ({
  id: s.id,
  ...(s.status === 'provisioned' ? { personId: s.personId } : {}),
  email: s.email,
  customerId: s.customerId,
  ...(c ? { externalCustomerId: c.externalId } : {}),
  package: s.packages.find((p) => !packageInfo(p).needsOneOf) ?? s.packages[0],
  packages: s.packages,
  status: s.status,
  errors: s.errors,
  created: s.created,
  lastStatusChange: s.lastStatusChange,
});

/** Webex's Locations API shape, for `GET /v1/locations?orgId=`. */
export const locationV1 = (l: Location, orgId: string) => ({
  id: l.id,
  name: l.name,
  orgId,
  timeZone: l.timezone,
  preferredLanguage: l.language,
  address: {
    address1: l.address.addressLine1,
    ...(l.address.addressLine2 ? { address2: l.address.addressLine2 } : {}),
    city: l.address.city,
    ...(l.address.stateOrProvince ? { state: l.address.stateOrProvince } : {}),
    ...(l.address.zipOrPostalCode ? { postalCode: l.address.zipOrPostalCode } : {}),
    country: l.address.country,
  },
});

/** The precheck success body (the schema's object form; api.md `/v1`). */
export const PRECHECK_OK = { message: 'success', info: { infoCode: 100, description: 'Provisioning Precheck validation successful.' } };
