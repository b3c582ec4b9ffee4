import { z } from 'zod';
import { extensionField, phoneField } from '../kernel/fields.ts';
import { webexId } from '../kernel/ids.ts';
import type { PartnerUser } from '../kernel/model.ts';
import { ownedBy } from '../kernel/ownership.ts';
import { fail, ok, type Result } from '../kernel/result.ts';
import { parseWith } from '../kernel/validation.ts';
import type { WorldReader, WorldTx } from '../kernel/world-tx.ts';
import { templateByProvisioningId } from '../organisations/templates.ts';
import { bwErrors } from './errors.ts';
import type { BroadWorksWorkspace } from './model.ts';
import { workspaceErrors } from './workspace-errors.ts';

/**
 * BroadWorks workspaces (webex-broadworks.json "BroadWorks Workspaces"): a shared device's
 * BroadWorks user on Webex, provisioned for an existing enterprise under a broadworks template
 * (TPL-1), answered at once. Directory sync counts them as machines.
 */
const userIdField = z.string().min(1, 'must not be empty').max(161);
/** An empty phone number or extension in a PUT removes it. */
const removable = <S extends z.ZodType>(field: S) => z.union([z.literal(''), field]).optional();

const createSchema = z.object({
  provisioningId: z.string().min(1, 'must not be empty'),
  userId: userIdField,
  spEnterpriseId: z.string().min(1, 'must not be empty').max(161),
  displayName: z.string().min(1, 'must not be empty').max(128),
  primaryPhoneNumber: phoneField.optional(),
  extension: extensionField.optional(),
});

const updateSchema = z.object({
  userId: userIdField.optional(),
  primaryPhoneNumber: removable(phoneField),
  extension: removable(extensionField),
});

/** A BroadWorks user ID is one user's or one workspace's, within a partner (409, 10022). */
const userIdHeld = (w: WorldReader, partnerId: string, userId: string, except?: string) => {
  const key = userId.toLowerCase();
  const same = (x: { partnerId: string; id: string }) =>
    x.partnerId === partnerId && x.id !== except;
  return (
    w.lookup('broadworksWorkspaces', 'userId', key).some(same) ||
    w.lookup('broadworksSubscribers', 'userId', key).some(same)
  );
};

export const provisionWorkspace = (
  tx: WorldTx,
  user: PartnerUser,
  body: unknown,
): Result<BroadWorksWorkspace> => {
  const input = parseWith(createSchema, body);
  if (!input.ok) return input;
  const v = input.value;
  const template = templateByProvisioningId(tx, user.partnerId, v.provisioningId, 'broadworks');
  if (!template.ok) return template;
  const enterprise = tx
    .list('enterprises')
    .some((e) => e.partnerId === user.partnerId && e.spEnterpriseId === v.spEnterpriseId);
  if (!enterprise) return fail(workspaceErrors.noEnterprise({ spEnterpriseId: v.spEnterpriseId }));
  if (userIdHeld(tx, user.partnerId, v.userId))
    return fail(bwErrors.inUse({ what: 'BroadWorks user ID' }));
  const w: BroadWorksWorkspace = {
    id: webexId('PLACE', tx.uuid()),
    partnerId: user.partnerId,
    templateId: template.value.id,
    provisioningId: template.value.provisioningId,
    userId: v.userId,
    spEnterpriseId: v.spEnterpriseId,
    displayName: v.displayName,
    ...(v.primaryPhoneNumber !== undefined ? { primaryPhoneNumber: v.primaryPhoneNumber } : {}),
    ...(v.extension !== undefined ? { extension: v.extension } : {}),
    created: tx.nowIso,
  };
  tx.put('broadworksWorkspaces', w);
  return ok(w);
};

/** `PUT`: the user ID, phone number and extension; an empty number or extension removes it. */
export const updateWorkspace = (
  tx: WorldTx,
  user: PartnerUser,
  id: string,
  body: unknown,
): Result<BroadWorksWorkspace> => {
  const found = ownedBy(tx, 'broadworksWorkspaces', id, user.partnerId, 'Workspace');
  if (!found.ok) return found;
  const input = parseWith(updateSchema, body);
  if (!input.ok) return input;
  const v = input.value;
  if (v.userId !== undefined && userIdHeld(tx, user.partnerId, v.userId, id))
    return fail(bwErrors.inUse({ what: 'BroadWorks user ID' }));
  const { primaryPhoneNumber: phone, extension: ext, ...rest } = found.value;
  /** Unsent keeps, empty removes, a value replaces. */
  const keep = (was: string | undefined, sent: string | undefined) =>
    sent === undefined ? was : sent === '' ? undefined : sent;
  const primaryPhoneNumber = keep(phone, v.primaryPhoneNumber);
  const extension = keep(ext, v.extension);
  const next: BroadWorksWorkspace = {
    ...rest,
    ...(v.userId !== undefined ? { userId: v.userId } : {}),
    ...(primaryPhoneNumber !== undefined ? { primaryPhoneNumber } : {}),
    ...(extension !== undefined ? { extension } : {}),
  };
  tx.put('broadworksWorkspaces', next);
  return ok(next);
};

export const removeWorkspace = (
  tx: WorldTx,
  user: PartnerUser,
  id: string,
): Result<BroadWorksWorkspace> => {
  const found = ownedBy(tx, 'broadworksWorkspaces', id, user.partnerId, 'Workspace');
  if (found.ok) tx.delete('broadworksWorkspaces', id);
  return found;
};
