import { globMatch } from '../core/glob.ts';

/** The request headers the journal keeps (api.md, "Verifying the client under test"). */
export interface JournalHeaders {
  /** `TrackingID` as the client sent it (`tracking-id`, or Webex's own spelling `trackingid`). */
  readonly 'tracking-id'?: string;
  readonly 'user-agent'?: string;
  readonly 'content-type'?: string;
}

/** One request a world answered, as `GET /sim/requests` shows it. */
export interface JournalEntry {
  readonly seq: number;
  readonly method: string;
  /** The path inside the world (no `/w/{id}` prefix), without the query. */
  readonly path: string;
  /** The query string, `?…`, or empty. */
  readonly query: string;
  readonly status: number;
  /** The world's virtual clock when the request came in. */
  readonly time: string;
  /** The wall-clock time when the request came in. */
  readonly wallTime: string;
  /** How long the answer took, in real milliseconds. */
  readonly durationMs: number;
  /** The bearer token, when the world knows it: its name, e.g. `acme-admin`. */
  readonly token?: string;
  readonly headers: JournalHeaders;
  /** The seconds the answer's `Retry-After` asked for. */
  readonly retryAfter?: number;
  /** The first bytes of the body, as UTF-8 text (none for an empty body). */
  readonly body?: string;
  /** Set when the body is longer than the prefix kept (or was not read to its end). */
  readonly bodyTruncated?: boolean;
}

/**
 * An entry as the journal keeps it: the times as numbers (milliseconds since the epoch), written
 * out as ISO 8601 only when the journal is read, so a request pays for no date formatting.
 */
export type JournalRecord = Omit<JournalEntry, 'time' | 'wallTime'> & {
  /** The world's virtual clock when the request came in. */
  readonly at: number;
  /** The wall clock when the request came in. */
  readonly wallAt: number;
};

const entryOf = (e: JournalRecord): JournalEntry => ({
  seq: e.seq,
  method: e.method,
  path: e.path,
  query: e.query,
  status: e.status,
  time: new Date(e.at).toISOString(),
  wallTime: new Date(e.wallAt).toISOString(),
  durationMs: e.durationMs,
  ...(e.token !== undefined ? { token: e.token } : {}),
  headers: e.headers,
  ...(e.retryAfter !== undefined ? { retryAfter: e.retryAfter } : {}),
  ...(e.body !== undefined ? { body: e.body } : {}),
  ...(e.bodyTruncated !== undefined ? { bodyTruncated: e.bodyTruncated } : {}),
});

export interface JournalFilter {
  readonly method?: string;
  /** Exact, or a pattern where `*` matches any run of characters (as faults). */
  readonly path?: string;
  /** `429`, or a class such as `4xx`. */
  readonly status?: string;
}

/** How many bytes of a body the journal keeps. */
export const BODY_PREFIX_BYTES = 2048;
/** What a world's journal may hold, in (estimated) bytes; the oldest entries go first. */
export const JOURNAL_BUDGET_BYTES = 4 * 1024 * 1024;
/** What an entry costs beyond its strings (numbers, times, the object itself). */
const ENTRY_OVERHEAD = 256;

const statusMatches = (wanted: string, status: number): boolean =>
  /^[1-5]xx$/i.test(wanted) ? String(status)[0] === wanted[0] : String(status) === wanted;

const costOf = (e: JournalRecord): number =>
  ENTRY_OVERHEAD +
  e.method.length +
  e.path.length +
  e.query.length +
  (e.token?.length ?? 0) +
  (e.body?.length ?? 0) +
  (e.headers['tracking-id']?.length ?? 0) +
  (e.headers['user-agent']?.length ?? 0) +
  (e.headers['content-type']?.length ?? 0);

/**
 * A world's latest requests, in memory only (never persisted), within a byte budget: when a new
 * entry would pass it, the oldest entries are dropped. Entries sit in a ring (no array shifting).
 */
export class RequestJournal {
  readonly #budget: number;
  #entries: (JournalRecord | undefined)[] = [];
  #head = 0;
  #bytes = 0;
  #seq = 0;
  #pending = 0;

  constructor(budgetBytes: number = JOURNAL_BUDGET_BYTES) {
    this.#budget = budgetBytes;
  }

  /** A request came in: its number (requests are numbered as they arrive). */
  begin(): number {
    this.#seq += 1;
    this.#pending += 1;
    return this.#seq;
  }

  /** The number of the latest request that came in (answered or not). */
  get lastSeq(): number {
    return this.#seq;
  }

  /** Requests that came in and are not answered yet (they are listed once answered). */
  get pending(): number {
    return this.#pending;
  }

  /** Records an answered request under the number `begin` gave it (kept in arrival order). */
  add(e: JournalRecord): void {
    this.#pending = Math.max(0, this.#pending - 1);
    this.#entries.push(e);
    // An answer that overtook an earlier request's: move it back to its place (rare, and near).
    for (let i = this.#entries.length - 1; i > this.#head; i--) {
      const before = this.#entries[i - 1];
      if (!before || before.seq < e.seq) break;
      this.#entries[i] = before;
      this.#entries[i - 1] = e;
    }
    this.#bytes += costOf(e);
    while (this.#bytes > this.#budget && this.#head < this.#entries.length - 1) {
      const old = this.#entries[this.#head];
      if (old) this.#bytes -= costOf(old);
      this.#entries[this.#head] = undefined;
      this.#head += 1;
    }
    // Compact once the dropped slots outnumber the kept ones (amortized constant per entry).
    if (this.#head > 1024 && this.#head * 2 > this.#entries.length) {
      this.#entries = this.#entries.slice(this.#head);
      this.#head = 0;
    }
  }

  /** Newest first, filtered. */
  list(filter: JournalFilter = {}): JournalEntry[] {
    const method = filter.method?.toUpperCase();
    const out: JournalEntry[] = [];
    for (let i = this.#entries.length - 1; i >= this.#head; i--) {
      const e = this.#entries[i];
      if (
        e &&
        (method === undefined || e.method === method) &&
        (filter.path === undefined || globMatch(filter.path, e.path)) &&
        (filter.status === undefined || statusMatches(filter.status, e.status))
      )
        out.push(entryOf(e));
    }
    return out;
  }

  get size(): number {
    return this.#entries.length - this.#head;
  }

  /** The estimated bytes held. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Forgets the answered requests (numbering goes on). */
  clear(): void {
    this.#entries = [];
    this.#head = 0;
    this.#bytes = 0;
  }
}

/** `Retry-After` in seconds (a number, or an HTTP date relative to `wall`), when present. */
export const retryAfterSeconds = (value: string | null, wall: number): number | undefined => {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - wall) / 1000));
};
