import { z } from 'zod';
import {
  BW_PACKAGES,
  deleteBroadWorks,
  emailHeld,
  inUse,
  sendVerification,
  updateBroadWorks,
} from './subscribers.ts';
import { isPending, pendingRequirement } from './states.ts';
import { notFound } from '../kernel/errors.ts';
import { bwErrors } from './errors.ts';
import type { BroadWorksSubscriber } from './model.ts';
import type { PartnerUser } from '../kernel/model.ts';
import type { Template } from '../organisations/model.ts';
import { ownedBy } from '../kernel/ownership.ts';
import { fail, ok, type Result } from '../kernel/result.ts';
import { csvField } from '../kernel/csv.ts';
import { emailField } from '../kernel/fields.ts';
import { parseWith } from '../kernel/validation.ts';
import type { WorldReader, WorldTx } from '../kernel/world-tx.ts';

/** Partner Hub's Show user status for a broadworks template (FT-3..7). */
export interface UserStatusRow {
  readonly subscriberId: string;
  readonly broadworksId: string;
  readonly package: string;
  readonly status: string;
  readonly errorText: string | null;
}

/** The copyable error text: the errors, or what is still pending (FT-4). */
export const errorText = (s: BroadWorksSubscriber): string | null =>
  s.status === 'error'
    ? s.errors
        .map((e) =>
          e.errorCode !== undefined ? `${e.errorCode}: ${e.description}` : e.description,
        )
        .join('\n')
    : (pendingRequirement(s.status) ?? null);

export const broadworksTemplate = (
  w: WorldReader,
  user: PartnerUser,
  id: string,
): Result<Template> => {
  const t = ownedBy(w, 'templates', id, user.partnerId, 'Template');
  if (!t.ok) return t;
  return t.value.offer === 'broadworks' ? t : fail(notFound(`BroadWorks template ${id}`));
};

export const userStatusRows = (
  w: WorldReader,
  templateId: string,
  excludeProvisioned: boolean,
): UserStatusRow[] =>
  w
    .lookup('broadworksSubscribers', 'templateId', templateId)
    .filter((s) => !(excludeProvisioned && s.status === 'provisioned'))
    .map((s) => ({
      subscriberId: s.id,
      broadworksId: s.userId,
      package: s.package,
      status: s.status,
      errorText: errorText(s),
    }));

const csvCell = (v: string | null): string => (v === null ? '' : csvField(v));

/** The export (FT-6): the same rows as the view, filter included. */
export const userStatusCsv = (rows: readonly UserStatusRow[]): string =>
  [
    'BroadWorks ID,Package,Status,Error text',
    ...rows.map((r) => [r.broadworksId, r.package, r.status, r.errorText].map(csvCell).join(',')),
  ].join('\r\n') + '\r\n';

const subscriberOf = (
  w: WorldReader,
  template: Template,
  id: string,
): Result<BroadWorksSubscriber> => {
  const s = w.get('broadworksSubscribers', id);
  return s && s.templateId === template.id ? ok(s) : fail(notFound(`Subscriber ${id}`));
};

/** Retry activation (FT-4): a valid email, then Onboard: error or pending → pending_email_validation. */
export const retryActivation = (
  tx: WorldTx,
  template: Template,
  id: string,
  body: unknown,
): Result<BroadWorksSubscriber> => {
  const s = subscriberOf(tx, template, id);
  if (!s.ok) return s;
  const input = parseWith(z.strictObject({ email: emailField }), body);
  if (!input.ok) return input;
  if (s.value.status !== 'error' && !isPending(s.value.status))
    return fail(bwErrors.notRetryable({ status: s.value.status }));
  if (emailHeld(tx, input.value.email, s.value.id)) return fail(inUse('email'));
  return sendVerification(tx, s.value, input.value.email);
};

/** Change package (FT-4): a user not provisioned keeps its status; a provisioned one updates. */
export const changePackage = (
  tx: WorldTx,
  user: PartnerUser,
  template: Template,
  id: string,
  body: unknown,
): Result<BroadWorksSubscriber> => {
  const s = subscriberOf(tx, template, id);
  if (!s.ok) return s;
  const input = parseWith(z.strictObject({ package: z.enum(BW_PACKAGES) }), body);
  if (!input.ok) return input;
  return updateBroadWorks(tx, user, id, input.value);
};

export const deleteUser = (
  tx: WorldTx,
  template: Template,
  id: string,
): Result<BroadWorksSubscriber> => {
  const s = subscriberOf(tx, template, id);
  return s.ok ? deleteBroadWorks(tx, template.partnerId, id) : s;
};
