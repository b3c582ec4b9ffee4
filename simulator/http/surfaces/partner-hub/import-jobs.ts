import type { PartnerUser } from '../../../core/kernel/model.ts';
import type { World } from '../../../core/kernel/world.ts';
import {
  importRows,
  summarize,
  type ImportReport,
  type RowReport,
  type UsersImport,
} from '../../../core/subscribers/csv-import.ts';
import { worldClosed } from '../../world-gate.ts';

/** Rows applied per turn of the event loop: each turn is one transaction, and the API stays free. */
export const IMPORT_CHUNK = 250;
/** Finished jobs a world keeps for their reports; the oldest finished one goes first. */
export const KEPT_JOBS = 20;
/** Jobs a world runs at once; one more waits for a free place (the page says so, 429). */
export const RUNNING_JOBS = 4;

export type JobState = 'running' | 'done' | 'stopped';

/** A CSV import of the users page running in the background (issue 14: a job with a progress bar). */
export interface ImportJob {
  readonly id: string;
  readonly customerId: string;
  readonly partnerId: string;
  readonly total: number;
  readonly rows: RowReport[];
  state: JobState;
  /** Why a job stopped before its last row (the customer was deleted, say): rows so far stay. */
  stopReason?: string;
}

interface Jobs {
  next: number;
  readonly byId: Map<string, ImportJob>;
}
const jobsOf = new WeakMap<World, Jobs>();
const jobs = (world: World): Jobs => {
  let j = jobsOf.get(world);
  if (!j) jobsOf.set(world, (j = { next: 1, byId: new Map() }));
  return j;
};

const forget = (j: Jobs) => {
  const finished = [...j.byId.values()].filter((x) => x.state !== 'running');
  for (const old of finished.slice(0, Math.max(finished.length - KEPT_JOBS, 0)))
    j.byId.delete(old.id);
};

/** Whether a world already runs as many jobs as it may. */
export const jobsFull = (world: World): boolean =>
  [...jobs(world).byId.values()].filter((x) => x.state === 'running').length >= RUNNING_JOBS;

/**
 * Starts an opened import as a job: the first chunk applies now (a small file is done before the
 * answer), the rest a chunk per turn of the event loop, each in its own transaction.
 */
export const startImportJob = (
  world: World,
  user: PartnerUser,
  opened: UsersImport,
  defer: (fn: () => void) => void = (fn) => void setTimeout(fn, 0),
): ImportJob => {
  const j = jobs(world);
  const job: ImportJob = {
    id: String(j.next++),
    customerId: opened.customerId,
    partnerId: user.partnerId,
    total: opened.records.length,
    rows: [],
    state: 'running',
  };
  j.byId.set(job.id, job);
  forget(j);
  const turn = () => {
    // A world being replaced (a restore, an import) is written by nothing else: wait for it.
    const closed = worldClosed(world);
    if (closed) {
      void closed.then(() => defer(turn));
      return;
    }
    const from = job.rows.length;
    const to = Math.min(from + IMPORT_CHUNK, job.total);
    let r;
    try {
      r = world.transact((tx) => importRows(tx, user, opened, from, to));
    } catch (e) {
      job.state = 'stopped';
      job.stopReason = e instanceof Error ? e.message : String(e);
      return;
    }
    if (!r.ok) {
      job.state = 'stopped';
      job.stopReason = r.error.message;
      return;
    }
    job.rows.push(...r.value);
    if (job.rows.length >= job.total) job.state = 'done';
    else defer(turn);
  };
  turn();
  return job;
};

/** A job of this partner's, for this customer. */
export const findImportJob = (
  world: World,
  partnerId: string,
  customerId: string,
  id: string,
): ImportJob | undefined => {
  const job = jobs(world).byId.get(id);
  return job && job.partnerId === partnerId && job.customerId === customerId ? job : undefined;
};

/** The report of the rows applied so far. */
export const jobReport = (job: ImportJob): ImportReport => ({
  summary: summarize(job.rows),
  rows: job.rows,
});
