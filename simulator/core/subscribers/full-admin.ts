import { webexId } from '../kernel/ids.ts';
import type { WorldTx } from '../kernel/world-tx.ts';
import type { Customer } from '../organisations/model.ts';
import { hasCalling, packageInfo } from '../organisations/packages.ts';
import { BASIC_LICENSES } from './rules.ts';
import { emailHeld } from './uniqueness.ts';

/**
 * ORG-4 (api.md, Wave 2 pins): a customer's full administrator (`customerInfo.primaryEmail` on
 * `/v1`, `adminEmail` in Partner Hub, the setup form in CCW) is a subscriber of the customer,
 * holding the org's first package, from the moment the customer is provisioned. Made by the
 * provisioning step, never by a read. An email someone else holds is left alone.
 */
export const createFullAdmin = (tx: WorldTx, c: Customer): void => {
  if (!c.primaryEmail) return;
  const email = c.primaryEmail.toLowerCase();
  const own = tx.lookup('subscribers', 'email', email).find((s) => s.customerId === c.id);
  if (own) {
    if (own.role !== 'full_admin') tx.put('subscribers', { ...own, role: 'full_admin' });
    return;
  }
  if (emailHeld(tx, email)) return;
  const first = c.packages.find((p) => packageInfo(p).subscriber);
  if (!first) return;
  tx.put('subscribers', {
    id: webexId('SUBSCRIBER', tx.uuid()),
    partnerId: c.partnerId,
    customerId: c.id,
    email: c.primaryEmail,
    packages: [first],
    ...(hasCalling([first]) ? { locationId: c.callingLocationId ?? c.headquartersLocationId } : {}),
    status: 'provisioned',
    personId: webexId('PEOPLE', tx.uuid()),
    errors: [],
    licenses: BASIC_LICENSES,
    role: 'full_admin',
    created: tx.nowIso,
    lastStatusChange: tx.nowIso,
  });
};
