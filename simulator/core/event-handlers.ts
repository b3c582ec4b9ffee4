import { REPORT_STEP, finishReportStep } from './billing/reports.ts';
import { recordUsage } from './billing/usage.ts';
import { SYNC_STEP, finishSyncStep } from './broadworks/directory-sync.ts';
import { BW_STEP, finishBroadWorksStep } from './broadworks/subscribers.ts';
import {
  CCW_CLOSE,
  CCW_RSD,
  onCustomerProvisioned,
  onRequestedStartDate,
  onWindowEnd,
} from './ccw/orders.ts';
import type { CommitHook, EventHandlers } from './kernel/world.ts';
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
  [REPORT_STEP]: (tx, e) => finishReportStep(tx, e.payload),
  [SYNC_STEP]: (tx, e) => finishSyncStep(tx, e.payload),
};

/** What every successful transaction does before it is stored: the billing history (SIM-1). */
export const ON_COMMIT: CommitHook = recordUsage;
