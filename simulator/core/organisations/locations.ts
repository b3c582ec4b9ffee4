import { z } from 'zod';
import {
  addressSchema,
  defaultTimezone,
  languageField,
  text,
  timezoneField,
} from '../kernel/fields.ts';
import { webexId } from '../kernel/ids.ts';
import type { Address, PartnerUser } from '../kernel/model.ts';
import { ownedBy } from '../kernel/ownership.ts';
import { fail, ok, type Result } from '../kernel/result.ts';
import { parseWith } from '../kernel/validation.ts';
import type { WorldReader, WorldTx } from '../kernel/world-tx.ts';
import { checkCountry } from './countries.ts';
import { invalidFields } from '../kernel/errors.ts';
import { orgErrors } from './errors.ts';
import type { Customer, Location } from './model.ts';

/** A location as a command gives it (`/v1` `provisioningParameters.calling.location`, ORG-3). */
export interface LocationInput {
  readonly name: string;
  readonly address: Address;
  readonly timezone: string;
  readonly language: string;
  readonly emergencyLocationIdentifier?: string | undefined;
}

export const newLocation = (
  tx: WorldTx,
  c: Pick<Customer, 'id' | 'partnerId'>,
  l: LocationInput,
): Location => {
  const { emergencyLocationIdentifier, ...rest } = l;
  const loc: Location = {
    id: webexId('LOCATION', tx.uuid()),
    partnerId: c.partnerId,
    customerId: c.id,
    created: tx.nowIso,
    ...rest,
    ...(emergencyLocationIdentifier ? { emergencyLocationIdentifier } : {}),
  };
  tx.put('locations', loc);
  return loc;
};

export const customerLocations = (w: WorldReader, customerId: string): Location[] => [
  ...w.lookup('locations', 'customerId', customerId),
];

export const addLocationSchema = z.strictObject({
  name: text(80).trim().min(1, 'must not be empty'),
  address: addressSchema,
  timezone: timezoneField.optional(),
  language: languageField.optional(),
});

/** `POST /partner-hub/api/customers/{id}/locations` (ORG-3): another location, unique by name. */
export const addLocation = (
  tx: WorldTx,
  user: PartnerUser,
  customerId: string,
  body: unknown,
): Result<Location> => {
  const found = ownedBy(tx, 'customers', customerId, user.partnerId, 'Customer');
  if (!found.ok) return found;
  const input = parseWith(addLocationSchema, body);
  if (!input.ok) return input;
  const problems = checkCountry(tx, input.value.address, 'address');
  if (problems.length > 0) return fail(invalidFields(problems));
  if (found.value.status === 'deleting')
    return fail(orgErrors.customerBeingDeleted({ id: customerId }));
  const name = input.value.name;
  const taken = customerLocations(tx, customerId).some(
    (l) => l.name.toLowerCase() === name.toLowerCase(),
  );
  if (taken) return fail(orgErrors.locationNameTaken({ name }));
  return ok(
    newLocation(tx, found.value, {
      name,
      address: input.value.address,
      timezone: input.value.timezone ?? defaultTimezone(input.value.address.country),
      language: input.value.language ?? found.value.language ?? 'en_US',
    }),
  );
};
