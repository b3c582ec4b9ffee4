import { webexId, decodeWebexId } from '../kernel/ids.ts';
import type { WorldTx } from '../kernel/world-tx.ts';
import type { Template } from '../organisations/model.ts';
import type { Enterprise } from './model.ts';

/** The customer org of an enterprise: the same uuid as the enterprise's id (Cisco's example does so). */
export const enterpriseOrgId = (enterpriseId: string): string =>
  webexId('ORGANIZATION', decodeWebexId(enterpriseId)?.uuid ?? enterpriseId);

/**
 * The partner's enterprise of an `spEnterpriseId`. Flow-through provisioning makes it on first use
 * (api.md, Wave 2 pins): a subscriber naming an enterprise the partner does not have yet creates
 * it, onboarded with the subscriber's template, with an empty BroadWorks directory.
 */
export const enterpriseFor = (
  tx: WorldTx,
  partnerId: string,
  spEnterpriseId: string,
  template: Template,
): Enterprise => {
  const found = tx
    .list('enterprises')
    .find((e) => e.partnerId === partnerId && e.spEnterpriseId === spEnterpriseId);
  if (found) return found;
  const id = webexId('BROADWORKS_ENTERPRISE', tx.uuid());
  const e: Enterprise = {
    id,
    partnerId,
    spEnterpriseId,
    name: spEnterpriseId,
    directory: [],
    orgId: enterpriseOrgId(id),
    provisioningId: template.provisioningId,
  };
  tx.put('enterprises', e);
  return e;
};
