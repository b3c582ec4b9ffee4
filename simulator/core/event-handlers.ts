import { BW_STEP, finishBroadWorksStep } from './broadworks/subscribers.ts';
import {
  CCW_CLOSE,
  CCW_RSD,
  onCustomerProvisioned,
  onRequestedStartDate,
  onWindowEnd,
} from './ccw/orders.ts';
import type { EventHandlers } from './kernel/world.ts';
import { isUsable } from './organisations/customer-states.ts';
import { CUSTOMER_STEP, finishCustomerStep } from './organisations/customers.ts';
import { createFullAdmin } from './subscribers/full-admin.ts';

/**
 * Every time-driven step of the domain, by event kind (SIM-1). When a customer becomes provisioned,
 * whichever door made it, its full administrator exists (ORG-4) and its CCW order lines are
 * provisioned (api.md `/ccw/api`).
 */
export const EVENT_HANDLERS: EventHandlers = {
  [CUSTOMER_STEP]: (tx, e) => {
    const c = finishCustomerStep(tx, e.payload);
    if (c && isUsable(c.status)) {
      createFullAdmin(tx, c);
      onCustomerProvisioned(tx, c.id);
    }
  },
  [BW_STEP]: (tx, e) => finishBroadWorksStep(tx, e.payload),
  [CCW_RSD]: (tx, e) => onRequestedStartDate(tx, e.payload),
  [CCW_CLOSE]: (tx, e) => onWindowEnd(tx, e.payload),
};
