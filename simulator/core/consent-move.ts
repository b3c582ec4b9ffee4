import { sendBroadWorksConsent } from './broadworks/subscribers.ts';
import type { PartnerUser } from './kernel/model.ts';
import { ownedBy } from './kernel/ownership.ts';
import { fail, ok, type Result } from './kernel/result.ts';
import type { WorldTx } from './kernel/world-tx.ts';
import { sendConsentMail } from './subscribers/consent.ts';
import { subErrors } from './subscribers/errors.ts';

/**
 * `POST /v1/subscribers/{id}/emails/consentMove`: the consent mail again, for a wholesale or a
 * BroadWorks subscriber, while its move is pending.
 */
export const resendConsent = (tx: WorldTx, user: PartnerUser, id: string): Result<void> => {
  const bw = ownedBy(tx, 'broadworksSubscribers', id, user.partnerId, 'Subscriber');
  const found = bw.ok ? bw : ownedBy(tx, 'subscribers', id, user.partnerId, 'Subscriber');
  if (!found.ok) return found;
  const s = found.value;
  if (s.status !== 'pending_user_migration')
    return fail(subErrors.notPendingConsent({ id, status: s.status }));
  if (bw.ok) sendBroadWorksConsent(tx, bw.value);
  else if ('customerId' in s)
    sendConsentMail(tx, s, tx.get('customers', s.customerId)?.name ?? 'Your provider');
  return ok(undefined);
};
