import { CUSTOMER_STEP, finishCustomerStep } from './customers.ts';
import type { EventHandlers } from './world.ts';

/** Every time-driven step of the domain, by event kind (SIM-1). */
export const EVENT_HANDLERS: EventHandlers = {
  [CUSTOMER_STEP]: (tx, e) => finishCustomerStep(tx, e.payload),
};
