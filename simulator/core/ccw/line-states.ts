import { defineStateTable } from '../kernel/state-table.ts';
import type { OrderLineStatus } from './model.ts';

/**
 * A CCW order line's statuses (CCW-2, CCW-5, CCW-6). A line waits for provisioning details from
 * its order; it closes when its window ends unprovisioned, and is provisioned when the order's
 * customer is, closed or not. Lines are never removed.
 */
export const LINE_STATES = defineStateTable<OrderLineStatus>({
  resource: 'order line',
  statuses: ['awaiting_provisioning_details', 'closed', 'provisioned'],
  moves: {
    awaiting_provisioning_details: {
      closed: 'the window ends before setup (7 or 30 days after the first mail, CCW-5)',
      provisioned: "the order's customer is provisioned",
    },
    closed: { provisioned: "the order's customer is provisioned after the line closed (CCW-6)" },
    provisioned: {},
  },
  removable: [],
});
