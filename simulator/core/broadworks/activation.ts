import { z } from 'zod';
import { emailHeld, move, sendVerification } from './subscribers.ts';
import { notFound, type DomainError } from '../kernel/errors.ts';
import { bwErrors } from './errors.ts';
import { webexId } from '../kernel/ids.ts';
import type { BroadWorksSubscriber } from './model.ts';
import type { Template } from '../organisations/model.ts';
import { fail, ok, type Result } from '../kernel/result.ts';
import { emailField, userIdField } from '../kernel/fields.ts';
import { shareLinkId } from '../organisations/templates.ts';
import { parseWith } from '../kernel/validation.ts';
import type { WorldReader, WorldTx } from '../kernel/world-tx.ts';

/**
 * The user activation portal (FT-1, FT-2, FT-5, TPL-4): a BroadWorks user enters their user ID and
 * email at the template's activation link, then follows the verification mail.
 */
export const MISCONFIGURED = bwErrors.trustedTemplate.spec.code;

export const templateByLinkId = (w: WorldReader, linkId: string): Result<Template> => {
  const t = w
    .list('templates')
    .find((x) => x.offer === 'broadworks' && x.activationLinkId === linkId);
  return t ? ok(t) : fail(notFound('Activation link'));
};

/** Why a template cannot take self-activations, naming the setting (TPL-4), if it cannot. */
export const misconfiguration = (t: Template): DomainError | undefined => {
  if (t.userVerification?.emailTrust !== 'untrusted')
    return bwErrors.trustedTemplate({ name: t.name });
  if (shareLinkId(t) !== t.activationLinkId)
    return bwErrors.shareLinkElsewhere({
      name: t.name,
      shareLink: t.userVerification.shareLink ?? '',
    });
  return undefined;
};

export const formSchema = z.object({
  userId: userIdField('enter your BroadWorks user ID'),
  email: emailField,
});

export interface ActivationOutcome {
  readonly subscriber: BroadWorksSubscriber;
  /** A failure that was recorded on the subscriber (it is now in `error`), to show with Try again. */
  readonly failure?: DomainError;
}

/** A failed activation of a known user: → `error` with the reason (the transition table allows it). */
const failed = (
  tx: WorldTx,
  s: BroadWorksSubscriber,
  error: DomainError,
): Result<ActivationOutcome> => {
  const errors = error.errors.map((e) => ({
    description: e.description,
    ...(e.errorCode !== undefined ? { errorCode: e.errorCode } : {}),
  }));
  const moved = move(tx, s, 'error', 'Activation', { errors });
  return moved.ok ? ok({ subscriber: moved.value, failure: error }) : moved;
};

/**
 * A portal submit. Bad input and unknown users change nothing (400, 404). A known user whose attempt
 * fails (misconfigured template, email in use) goes to `error` with the reason: the outcome carries
 * the failure. Otherwise: `pending_email_validation` and a verification mail.
 */
export const selfActivate = (
  tx: WorldTx,
  linkId: string,
  body: unknown,
): Result<ActivationOutcome> => {
  const template = templateByLinkId(tx, linkId);
  if (!template.ok) return template;
  const input = parseWith(formSchema, body);
  if (!input.ok) return input;
  const { userId, email } = input.value;
  const t = template.value;
  const lower = userId.toLowerCase();
  let s = tx
    .lookup('broadworksSubscribers', 'userId', lower)
    .find((x) => x.partnerId === t.partnerId);
  if (!s) {
    const enterprise = tx
      .list('enterprises')
      .find(
        (e) =>
          e.partnerId === t.partnerId && e.directory.some((d) => d.userId.toLowerCase() === lower),
      );
    const entry = enterprise?.directory.find((d) => d.userId.toLowerCase() === lower);
    if (!enterprise || !entry) {
      return fail(bwErrors.notInDirectory({ userId }));
    }
    s = {
      id: webexId('SUBSCRIBER', tx.uuid()),
      partnerId: t.partnerId,
      templateId: t.id,
      provisioningId: t.provisioningId,
      userId: entry.userId,
      spEnterpriseId: enterprise.spEnterpriseId,
      firstName: entry.firstName,
      lastName: entry.lastName,
      package: 'standard',
      status: 'pending_email_input',
      errors: [],
      personId: webexId('PEOPLE', tx.uuid()),
      selfActivated: true,
      created: tx.nowIso,
      lastStatusChange: tx.nowIso,
    };
    tx.put('broadworksSubscribers', s);
  }
  if (s.status !== 'pending_email_input' && s.status !== 'error') {
    return fail(bwErrors.nothingToActivate({ status: s.status.replace(/_/g, ' ') }));
  }
  const problem = misconfiguration(t);
  if (problem) return failed(tx, s, problem);
  if (emailHeld(tx, email, s.id)) return failed(tx, s, bwErrors.inUse({ what: 'email' }));
  const sent = sendVerification(tx, s, email);
  return sent.ok ? ok({ subscriber: sent.value }) : sent;
};
