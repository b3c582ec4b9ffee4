import { notFound } from '../kernel/errors.ts';
import type { PartnerUser } from '../kernel/model.ts';
import { ownedBy, ownList } from '../kernel/ownership.ts';
import { fail, ok, type Result } from '../kernel/result.ts';
import type { WorldReader } from '../kernel/world-tx.ts';
import { subPartnerErrors } from './errors.ts';
import type { Customer, SubPartner } from './model.ts';

/**
 * Wholesale sub-partners (webex-wholesale.json `SubPartner`, `onBehalfOfSubPartnerOrgId`): a
 * partner acts for one of its sub-partners, or for itself. Every `/v1` wholesale call is scoped:
 * it sees and changes only the customers (and their subscribers) of the one it acts for. A
 * suspended sub-partner's customers may be read and deleted, not provisioned or updated.
 */
export interface OnBehalfOf {
  /** The sub-partner acted for; undefined: the partner itself. */
  readonly subPartnerOrgId: string | undefined;
}

/** A partner user acting in a scope (`/v1`); without one (Partner Hub, CCW) it sees everything. */
export type Actor = PartnerUser & { readonly onBehalfOf?: OnBehalfOf };

/** The partner's sub-partner with that org id (404 otherwise, SIM-3). */
export const subPartnerOf = (
  w: WorldReader,
  partnerId: string,
  orgId: string,
): Result<SubPartner> => {
  const s = ownList(w, 'subPartners', partnerId).find((x) => x.orgId === orgId);
  return s ? ok(s) : fail(subPartnerErrors.unknown({ orgId }));
};

/** The user acting for `onBehalfOfSubPartnerOrgId` (or for the partner itself when absent). */
export const actingFor = (
  w: WorldReader,
  user: PartnerUser,
  subPartnerOrgId: string | undefined,
): Result<Actor> => {
  if (subPartnerOrgId === undefined) return ok({ ...user, onBehalfOf: { subPartnerOrgId } });
  const s = subPartnerOf(w, user.partnerId, subPartnerOrgId);
  return s.ok ? ok({ ...user, onBehalfOf: { subPartnerOrgId } }) : s;
};

const scopeOf = (user: PartnerUser): OnBehalfOf | undefined => (user as Actor).onBehalfOf;

/** Whether the customer is in the scope the user acts in. */
export const inScope = (user: PartnerUser, c: Customer): boolean => {
  const scope = scopeOf(user);
  return scope === undefined || c.subPartnerOrgId === scope.subPartnerOrgId;
};

/** The sub-partner a new customer belongs to, from the scope. */
export const scopedSubPartner = (user: PartnerUser): string | undefined =>
  scopeOf(user)?.subPartnerOrgId;

/** The partner's customer in the user's scope (404 otherwise, as if it did not exist). */
export const ownCustomer = (w: WorldReader, user: PartnerUser, id: string): Result<Customer> => {
  const c = ownedBy(w, 'customers', id, user.partnerId, 'Customer');
  return c.ok && !inScope(user, c.value) ? fail(notFound(`Customer ${id}`)) : c;
};

/** A suspended sub-partner may not provision or update (409); it may read and delete. */
export const mayWrite = (w: WorldReader, user: PartnerUser): Result<void> => {
  const orgId = scopedSubPartner(user);
  if (orgId === undefined) return ok(undefined);
  const s = subPartnerOf(w, user.partnerId, orgId);
  if (!s.ok) return s;
  return s.value.provisioningState === 'suspended'
    ? fail(subPartnerErrors.suspended({ orgId }))
    : ok(undefined);
};
