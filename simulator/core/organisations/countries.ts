import type { ErrorItem } from '../kernel/errors.ts';
import type { Address } from '../kernel/model.ts';
import type { WorldReader } from '../kernel/world-tx.ts';
import { orgErrors } from './errors.ts';

/** ORG-2: an address must lie in a country the simulator supports, attested or not. */
export const checkCountry = (w: WorldReader, address: Address, path: string): ErrorItem[] =>
  w.meta.supportedCountries.includes(address.country)
    ? []
    : [
        orgErrors.unsupportedCountry.at(`${path}.country`, {
          country: address.country,
          supported: w.meta.supportedCountries.join(', '),
        }),
      ];
