import { byDueTime, type EventRecord } from '../kernel/events.ts';
import type { WorldReader } from '../kernel/world-tx.ts';

/** A resource that waits for the virtual clock, and what it waits for. */
export interface NextStep {
  readonly resource: 'customer' | 'broadworksSubscriber' | 'orderLine';
  /** The customer's, subscriber's or order line's id. */
  readonly id: string;
  /** For an order line, its order. */
  readonly orderId?: string;
  /** What happens then: `provision`, `update`, `delete`, `rsd` (the provisioning mail), `close`. */
  readonly step: string;
  readonly dueAt: string;
}

/** A step named by what it ends: steps carry the status they expect (provisioning, …). */
const STEP_OF: Readonly<Record<string, string>> = {
  provisioning: 'provision',
  updating: 'update',
  deleting: 'delete',
  pending_rpl_review: 'review',
};
const stepOf = (p: Readonly<Record<string, unknown>>): string =>
  typeof p.op === 'string' ? p.op : (STEP_OF[String(p.expect)] ?? String(p.expect ?? 'step'));

const fromEvent = (e: EventRecord): NextStep | undefined => {
  const p = e.payload;
  if (e.kind === 'customer.step' && typeof p.customerId === 'string')
    return { resource: 'customer', id: p.customerId, step: stepOf(p), dueAt: e.dueAt };
  if (e.kind === 'broadworks.step' && typeof p.subscriberId === 'string')
    return {
      resource: 'broadworksSubscriber',
      id: p.subscriberId,
      step: stepOf(p),
      dueAt: e.dueAt,
    };
  if ((e.kind === 'ccw.rsd' || e.kind === 'ccw.close') && typeof p.lineId === 'string')
    return {
      resource: 'orderLine',
      id: p.lineId,
      orderId: String(p.orderId),
      step: e.kind === 'ccw.rsd' ? 'rsd' : 'close',
      dueAt: e.dueAt,
    };
  return undefined;
};

/**
 * Every scheduled step of the world in the order its events were made (ties of a due time keep it:
 * an event's sequence number is its id's), read lazily and again each time it is iterated.
 */
export const eachScheduledStep = (w: WorldReader): Iterable<NextStep> => ({
  *[Symbol.iterator]() {
    for (const event of w.list('events')) {
      const step = fromEvent(event);
      if (step) yield step;
    }
  },
});

/** Every scheduled step of the world, soonest first (SIM-1: what advancing the clock will do). */
export const scheduledSteps = (w: WorldReader): NextStep[] =>
  [...w.list('events')]
    .sort(byDueTime)
    .map(fromEvent)
    .filter((s): s is NextStep => s !== undefined);

/** The soonest step of each resource (or of the one with id `only`): one pass, no sort. */
const soonestSteps = (w: WorldReader, only?: string): Map<string, NextStep> => {
  const soonest = new Map<string, { readonly event: EventRecord; readonly step: NextStep }>();
  for (const event of w.list('events')) {
    const step = fromEvent(event);
    if (!step || (only !== undefined && step.id !== only)) continue;
    const kept = soonest.get(step.id);
    if (!kept || byDueTime(event, kept.event) < 0) soonest.set(step.id, { event, step });
  }
  return new Map([...soonest].map(([id, kept]) => [id, kept.step]));
};

/** The soonest scheduled step of each resource, by id. */
export const nextStepsById = (w: WorldReader): ReadonlyMap<string, NextStep> => soonestSteps(w);

/** When a resource's next scheduled step is due, if it waits for one. */
export const nextStepOf = (w: WorldReader, id: string): NextStep | undefined =>
  soonestSteps(w, id).get(id);
