import { notFound } from '../kernel/errors.ts';
import { fail, ok, type Result } from '../kernel/result.ts';
import { transition } from '../kernel/state-table.ts';
import type { WorldReader, WorldTx } from '../kernel/world-tx.ts';
import type { WholesaleSubscriber } from './model.ts';
import { SUBSCRIBER_STATES } from './states.ts';

/**
 * The move of a free Webex account (api.md `/v1` subscribers): a subscriber whose email already has
 * a free account waits in `pending_user_migration`; the consent mail's link accepts the move.
 */
export const CONSENT_FROM = 'noreply@webex.com';

export const sendConsentMail = (tx: WorldTx, s: WholesaleSubscriber, company: string): void => {
  tx.sendMail({
    from: CONSENT_FROM,
    to: [s.email],
    subject: `${company} invites you to move your Webex account`,
    text: `${company} has set up Webex for you. Your free Webex account ${s.email} moves to ${company} once you accept: {{link:0}}`,
    links: [
      { label: 'Accept and move my account', link: { to: 'consent', token: s.consentToken ?? '' } },
    ],
  });
};

/** The subscriber a consent link is for, while its move is pending. */
export const subscriberByConsentToken = (
  w: WorldReader,
  token: string,
): Result<WholesaleSubscriber> => {
  const s = w.lookup('subscribers', 'consentToken', token)[0];
  return s ? ok(s) : fail(notFound('Consent link (it may have been used already)'));
};

/** The owner accepts the move: `provisioned`; the link is spent. */
export const acceptConsent = (tx: WorldTx, token: string): Result<WholesaleSubscriber> => {
  const found = subscriberByConsentToken(tx, token);
  if (!found.ok) return found;
  const moved = transition(SUBSCRIBER_STATES, found.value.status, 'provisioned', 'Consent');
  if (!moved.ok) return moved;
  const { consentToken: _spent, ...rest } = found.value;
  const next: WholesaleSubscriber = { ...rest, status: moved.value, lastStatusChange: tx.nowIso };
  tx.put('subscribers', next);
  return ok(next);
};
