import { invalidField } from '../../../core/kernel/errors.ts';
import { ownList } from '../../../core/kernel/ownership.ts';
import type { SubPartner } from '../../../core/organisations/model.ts';
import { pageOf, readPage } from '../../paging.ts';
import { sendError } from '../../respond.ts';
import type { RouteTable } from '../../route-table.ts';

const STATES: readonly SubPartner['provisioningState'][] = ['active', 'suspended'];

const subPartnerV1 = (s: SubPartner) => ({
  orgId: s.orgId,
  subscriptionId: s.subscriptionId,
  provisioningState: s.provisioningState,
  created: s.created,
  billingStartDate: s.billingStartDate,
});

/** `GET /v1/wholesale/subPartners` (webex-wholesale.json): the partner's sub-partners, paged. */
export const addSubPartnerRoutes = (t: RouteTable): void => {
  t.get(
    '/v1/wholesale/subPartners',
    {
      summary: 'List Wholesale Sub-partners',
      operationId: 'List Wholesale Sub-partners',
      responses: [200, 400, 401, 403],
    },
    (c) => {
      const page = readPage(c, 100, 1000);
      if (!page.ok) return sendError(c, page.error);
      const state = c.req.query('provisioningState');
      if (state !== undefined && !STATES.includes(state as SubPartner['provisioningState']))
        return sendError(
          c,
          invalidField(
            'provisioningState',
            `must be one of ${STATES.map((x) => `"${x}"`).join(', ')}`,
          ),
        );
      const items = ownList(c.env.world.read(), 'subPartners', c.get('user').partnerId).filter(
        (s) => state === undefined || s.provisioningState === state,
      );
      return c.json({ items: pageOf(c, items, page.value).map(subPartnerV1) });
    },
  );
};
