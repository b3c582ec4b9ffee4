import type { worldSummary } from '../core/sim/world-summary.ts';

/**
 * The shapes of the `/sim` API as the package's users see them (api.md, `/sim`). Written out here,
 * rather than derived from the validation schemas, so that a consumer's type-check reads plain
 * interfaces; `test-world.test.ts` checks that they and the schemas agree.
 */

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/** A request fault (SIM-4): matching requests answer an error, a real-time delay, or both. */
export interface RequestFault {
  /** Any method when left out. */
  readonly method?: HttpMethod | Lowercase<HttpMethod>;
  /** The path inside the world, starting with `/`; `*` matches any run of characters. */
  readonly path: string;
  /** The error status (400–599); without it the fault only delays. */
  readonly status?: number;
  readonly errorCode?: number;
  readonly message?: string;
  /** Real milliseconds to wait before answering (0–60000). */
  readonly latencyMs?: number;
  /** Seconds, sent as `Retry-After`. */
  readonly retryAfter?: number;
  /** How many matching requests it hits before it is spent (default: every one). */
  readonly times?: number;
  /** The chance (0–1) that a matching request is hit, drawn from the world's seeded source. */
  readonly probability?: number;
  readonly on?: never;
}

/** The kinds of asynchronous step a step fault can fail. */
export type StepFaultKind =
  'customer' | 'subscriber' | 'broadworksSubscriber' | 'billingReport' | 'directorySync';

/**
 * A step fault (SIM-4): the next provisioning steps of a kind end in `error`, or, for customers,
 * in the `outcome` named (`provisioned_with_errors` on `package`, `pending_rpl_review`, or
 * `provisioned` with a package warning).
 */
export interface StepFault {
  readonly on: StepFaultKind;
  readonly outcome?: 'error' | 'provisioned_with_errors' | 'pending_rpl_review' | 'provisioned';
  readonly package?: string;
  readonly errorCode: number;
  readonly description: string;
  readonly times?: number;
}

/** What `POST /sim/faults` takes: a request fault or a step fault (told apart by `on`). */
export type Fault = RequestFault | StepFault;

/** A fault as the world holds it: what was asked, its id, when, and how often it has hit. */
export type FaultView = (
  (Omit<RequestFault, 'method'> & { readonly method?: HttpMethod }) | StepFault
) & {
  readonly id: string;
  readonly createdAt: string;
  readonly hits: number;
};

/** `GET /sim/world`: the world's id and base URL, seed, partners (with tokens), clock and more. */
export type SimWorld = { readonly id: string; readonly base: string } & ReturnType<
  typeof worldSummary
>;

/** `GET /sim/clock` and what `POST /sim/clock` answers. */
export interface ClockView {
  readonly now: string;
  readonly mode: 'running' | 'frozen';
  readonly speed: number;
}

/** The filters of `GET /sim/requests`. */
export interface RequestsFilter {
  readonly method?: string;
  /** Exact, or a pattern where `*` matches any run of characters (as in faults). */
  readonly path?: string;
  /** `429`, or a class such as `'4xx'`. */
  readonly status?: number | string;
}

/** A snapshot of a world (`POST /sim/snapshots`, `GET /sim/snapshots`). */
export interface SnapshotView {
  readonly id: string;
  /** The name given, which may stand for the id; null when none was. */
  readonly name: string | null;
  /** The virtual time the world was at. */
  readonly at: string;
  /** The wall-clock time it was taken. */
  readonly createdAt: string;
}

/** `GET /sim/export`: the whole world as one versioned document (`POST /sim/import` takes it). */
export interface WorldExport {
  readonly format: 'provisim-world';
  readonly version: 1;
  /** The virtual time the world was at. */
  readonly at: string;
  /** Every collection of the world's store: entities, clock, faults, config, mail, pending steps. */
  readonly collections: Readonly<Record<string, readonly { readonly id: string }[]>>;
}
