import { pathMatches } from '../core/sim/faults.ts';

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
  readonly contentType?: string;
  /** The first characters of the body (none for an empty body). */
  readonly body?: string;
  /** A JSON object body's top-level keys. */
  readonly bodyKeys?: readonly string[];
  readonly bodyTruncated?: boolean;
}

export interface JournalFilter {
  readonly method?: string;
  /** Exact, or a pattern where `*` matches any run of characters (as faults). */
  readonly path?: string;
  /** `429`, or a class such as `4xx`. */
  readonly status?: string;
}

export const JOURNAL_LIMIT = 1000;
export const BODY_SUMMARY_CHARS = 200;

const statusMatches = (wanted: string, status: number): boolean =>
  /^[1-5]xx$/i.test(wanted) ? String(status)[0] === wanted[0] : String(status) === wanted;

/** A world's last requests, in memory only (never persisted), at most `limit` of them. */
export class RequestJournal {
  readonly #limit: number;
  #entries: JournalEntry[] = [];
  #seq = 0;

  constructor(limit: number = JOURNAL_LIMIT) {
    this.#limit = limit;
  }

  add(entry: Omit<JournalEntry, 'seq'>): void {
    this.#seq += 1;
    this.#entries.push({ seq: this.#seq, ...entry });
    if (this.#entries.length > this.#limit)
      this.#entries.splice(0, this.#entries.length - this.#limit);
  }

  /** Newest first, filtered. */
  list(filter: JournalFilter = {}): JournalEntry[] {
    const method = filter.method?.toUpperCase();
    return this.#entries
      .filter(
        (e) =>
          (method === undefined || e.method === method) &&
          (filter.path === undefined || pathMatches(filter.path, e.path)) &&
          (filter.status === undefined || statusMatches(filter.status, e.status)),
      )
      .reverse();
  }

  get size(): number {
    return this.#entries.length;
  }

  clear(): void {
    this.#entries = [];
  }
}

/** Summarizes a body's text: its first characters and, for a JSON object, its keys. */
export const summarizeBody = (text: string, complete: boolean, contentType: string | undefined) => {
  if (text === '') return {};
  let bodyKeys: string[] | undefined;
  if (complete && (contentType ?? '').includes('json')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
        bodyKeys = Object.keys(parsed);
    } catch {
      // Not JSON after all: the text alone tells what was sent.
    }
  }
  const truncated = !complete || text.length > BODY_SUMMARY_CHARS;
  return {
    body: text.slice(0, BODY_SUMMARY_CHARS),
    ...(bodyKeys ? { bodyKeys } : {}),
    ...(truncated ? { bodyTruncated: true } : {}),
  };
};
