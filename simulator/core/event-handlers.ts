import {
  CCW_CLOSE,
  CCW_RSD,
  onCustomerProvisioned,
  onRequestedStartDate,
  onWindowEnd,
} from './ccw/orders.ts';
import { BW_STEP, finishBroadWorksStep } from './broadworks/subscribers.ts';
import { CUSTOMER_STEP, finishCustomerStep } from './organisations/customers.ts';
import { ensureAdmin } from './subscribers/users.ts';
import type { EventHandlers } from './kernel/world.ts';

/** Every time-driven step of the domain, by event kind (SIM-1). */
export const EVENT_HANDLERS: EventHandlers = {
  [CUSTOMER_STEP]: (tx, e) => {
    finishCustomerStep(tx, e.payload);
    const c = tx.get('customers', String(e.payload.customerId));
    if (c?.status === 'provisioned') onCustomerProvisioned(tx, c.id);
    if (c?.status === 'provisioned' && c.source === 'partner_hub') ensureAdmin(tx, c);
  },
  [BW_STEP]: (tx, e) => finishBroadWorksStep(tx, e.payload),
  [CCW_RSD]: (tx, e) => onRequestedStartDate(tx, e.payload),
  [CCW_CLOSE]: (tx, e) => onWindowEnd(tx, e.payload),
};
