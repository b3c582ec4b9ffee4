import {
  type StepOutcome,
  effectOf,
  pathMatches,
  type FaultEffect,
  type FaultRecord,
  type RequestFaultInput,
  type StepFaultInput,
  type StepKind,
} from './faults.ts';
import { webexId } from '../kernel/ids.ts';
import type { WorldTx } from '../kernel/world-tx.ts';

/** Stores a fault the client asked for (SIM-4) and returns it with its id. */
export const addFault = (tx: WorldTx, input: RequestFaultInput | StepFaultInput): FaultRecord => {
  const base = { id: webexId('FAULT', tx.uuid()), createdAt: tx.nowIso, hits: 0 };
  const record: FaultRecord =
    'on' in input ? { ...base, kind: 'step', ...input } : { ...base, kind: 'request', ...input };
  tx.put('faults', record);
  return record;
};

/** Counts a hit, and removes the fault once it has hit `times` times. */
const hit = (tx: WorldTx, f: FaultRecord): void => {
  const hits = f.hits + 1;
  if (f.times !== undefined && hits >= f.times) tx.delete('faults', f.id);
  else tx.put('faults', { ...f, hits });
};

/**
 * The first request fault matching a request (in order of creation), drawing from the seeded
 * random source for faults with a probability. The hit is counted in the transaction.
 */
export const hitRequestFault = (
  tx: WorldTx,
  method: string,
  path: string,
): FaultEffect | undefined => {
  for (const f of tx.list('faults')) {
    if (f.kind !== 'request') continue;
    if (f.method !== undefined && f.method !== method) continue;
    if (!pathMatches(f.path, path)) continue;
    if (f.probability !== undefined && !(tx.random() < f.probability)) continue;
    hit(tx, f);
    return effectOf(f);
  }
  return undefined;
};

/** The error the next asynchronous step of a kind must end in, if a step fault is waiting for it. */
export interface StepFaultHit {
  readonly errorCode: number;
  readonly description: string;
  readonly outcome: StepOutcome;
  readonly package?: string;
}

export const takeStepFault = (tx: WorldTx, on: StepKind): StepFaultHit | undefined => {
  const f = tx.list('faults').find((x) => x.kind === 'step' && x.on === on);
  if (!f || f.kind !== 'step') return undefined;
  hit(tx, f);
  return {
    errorCode: f.errorCode,
    description: f.description,
    outcome: f.outcome ?? 'error',
    ...(f.package !== undefined ? { package: f.package } : {}),
  };
};
