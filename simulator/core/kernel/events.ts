/**
 * Time-driven steps (SIM-1): an event due at an instant happens when the clock reaches it, whatever
 * steps the clock takes to get there. Events wait in the store; `World.tick` runs every due event in
 * order of due time (then of scheduling), each at its own instant, so advancing in one step or in
 * many gives the same world.
 */
export interface EventRecord {
  readonly id: string;
  readonly seq: number;
  readonly dueAt: string;
  readonly kind: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

export const byDueTime = (a: EventRecord, b: EventRecord): number =>
  a.dueAt === b.dueAt ? a.seq - b.seq : a.dueAt < b.dueAt ? -1 : 1;
