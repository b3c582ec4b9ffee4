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

/** The subscribers of a template that Show user status lists, in store order (FT-3, FT-7). */
export const userStatusSubscribers = (
  w: WorldReader,
  templateId: string,
  excludeProvisioned: boolean,
): readonly BroadWorksSubscriber[] => {
  const all = w.lookup('broadworksSubscribers', 'templateId', templateId);
  return excludeProvisioned ? all.filter((s) => s.status !== 'provisioned') : all;
};

/** A subscriber as a row of Show user status. */
export const userStatusRow = (s: BroadWorksSubscriber): UserStatusRow => ({
  subscriberId: s.id,
  broadworksId: s.userId,
  package: s.package,
  status: s.status,
  errorText: errorText(s),
});

/** Every row of Show user status for a template, read as it is asked for. */
export function* userStatusRows(
  w: WorldReader,
  templateId: string,
  excludeProvisioned: boolean,
): Generator<UserStatusRow> {
  for (const s of userStatusSubscribers(w, templateId, excludeProvisioned)) yield userStatusRow(s);
}

const csvCell = (v: string | null): string => (v === null ? '' : csvField(v));

/** The export's lines, each ending `\r\n` (FT-6): the same rows as the view, filter included. */
export function* userStatusCsv(rows: Iterable<UserStatusRow>): Generator<string> {
  yield 'BroadWorks ID,Package,Status,Error text\r\n';
  for (const r of rows)
    yield `${[r.broadworksId, r.package, r.status, r.errorText].map(csvCell).join(',')}\r\n`;
}

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
