// csv-parse's Node build under Node, its browser build in a browser bundle (package.json `imports`):
// the browser build carries a Buffer written in JavaScript, which made a 20,000-row import allocate a
// third more and peak about 25 MB higher in a server.
import { parse } from '#csv-parse';
import { csvField, unescapeFormula } from '../kernel/csv.ts';
import { invalidFields, type DomainError } from '../kernel/errors.ts';
import { csvErrors } from './errors.ts';
import type { WholesaleSubscriber } from './model.ts';
import { PACKAGES, SUBSCRIBER_PACKAGES, type PackageName } from '../organisations/packages.ts';
import { fail, ok, type Result } from '../kernel/result.ts';
import { TURN, type Steps } from '../kernel/steps.ts';
import { BASIC_LICENSES } from './rules.ts';
import type { WorldReader } from '../kernel/world-tx.ts';

/** The users CSV (api.md, CSV; USR-2..4): one format for export and import. */
export const EMAIL_COLUMN = 'User ID/Email (Required)';
export const TEXT_COLUMNS = [
  'First Name',
  'Last Name',
  'Display Name',
  'Phone Number',
  'Extension',
  'Location',
  'Preferred Webex Site',
] as const;
export const BASIC_COLUMNS = {
  'Basic Messaging': 'messaging',
  'Basic Meetings': 'meetings',
  'Basic Calling': 'calling',
} as const;
export const PACKAGE_COLUMNS: ReadonlyMap<string, PackageName> = new Map(
  SUBSCRIBER_PACKAGES.flatMap((p) => {
    const col = (PACKAGES[p] as { csvColumn?: string }).csvColumn;
    return col ? [[col, p] as const] : [];
  }),
);
export const ALL_COLUMNS: readonly string[] = [
  EMAIL_COLUMN,
  ...TEXT_COLUMNS,
  ...Object.keys(BASIC_COLUMNS),
  ...PACKAGE_COLUMNS.keys(),
];
export const MAX_CSV_ROWS = 20_000;

export interface CsvRecord {
  /** The line where the record starts (the header is line 1). */
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

const unreadable = (line: number, problem: string): DomainError =>
  invalidFields([csvErrors.unreadable.at(`line ${line}`, { problem })]);

/** Bytes as UTF-8 text (a BOM is dropped); invalid UTF-8 names the first line it spoils. */
export const decodeUtf8 = (bytes: Uint8Array): Result<string> => {
  try {
    return ok(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch {
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i += 1) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, i));
        } catch {
          return fail(unreadable(line, 'is not valid UTF-8; save the file as CSV UTF-8'));
        }
        line += 1;
        start = i + 1;
      }
    }
    return fail(unreadable(1, 'is not valid UTF-8; save the file as CSV UTF-8'));
  }
};

/** Where a record starts: csv-parse counts the line where it ends; quoted cells may span lines. */
const startLine = (record: readonly string[], lines: number): number =>
  lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);

/** Characters of a file parsed a step: a few milliseconds of csv-parse's time. */
export const CSV_STEP_CHARS = 256 * 1024;

/**
 * Where the records of a text end, asked part after part (`from` never going back): just after
 * the first line break outside quotes at or after `min` (quotes pair up, an escaped `""` as two),
 * or the text's end. Linear over the whole text: each quote and each line break is looked for
 * once, the next quote kept from one part to the next (a file without quotes is not read again
 * to its end for each part).
 */
const recordEnds = (text: string) => {
  /** The first quote at or after the last place looked from; -1 once none is left. */
  let quote = -2;
  const quoteFrom = (i: number): number => {
    if (quote !== -1 && quote < i) quote = text.indexOf('"', i);
    return quote;
  };
  return (from: number, min: number): number => {
    let nl = text.indexOf('\n', Math.max(from, min));
    for (let i = from; ;) {
      if (nl < 0) return text.length;
      const open = quoteFrom(i);
      if (open < 0 || open > nl) return nl + 1;
      const close = quoteFrom(open + 1);
      if (close < 0) return text.length;
      i = close + 1;
      if (i > nl) nl = text.indexOf('\n', Math.max(i, min));
    }
  };
};

/** A record as one CSV line, every cell quoted. */
const csvLine = (record: readonly string[]): string =>
  `${record.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',')}\n`;

/** csv-parse's error, its line numbers moved by `offset` (in `lines` and in its message). */
const movedError = (error: unknown, offset: number): { lines?: number; message?: string } => {
  const e = error as { lines?: number; message?: string };
  return {
    ...(e.lines === undefined ? {} : { lines: e.lines + offset }),
    message: (e.message ?? String(error)).replace(
      /\b(at|on) line (\d+)/g,
      (_, word: string, n: string) => `${word} line ${Number(n) + offset}`,
    ),
  };
};

/**
 * Reads the file: the header checked, every record with its start line. Nothing is applied here.
 * In steps (kernel/steps.ts), `stepChars` of text a step, cut where a record ends: a file of
 * 32 MiB is seconds of parsing. Each part after the first is parsed after the header, written again
 * (so every record is held to the header's number of cells), and its lines counted from its place.
 */
export function* readUsersCsv(
  bytes: Uint8Array,
  stepChars = CSV_STEP_CHARS,
): Steps<Result<{ columns: string[]; records: CsvRecord[] }>> {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return decoded;
  if (decoded.value.trim() === '')
    return fail(unreadable(1, 'the file is empty; it needs a header line and at least one user'));
  const text = decoded.value.replace(/\r\n?/g, '\n');
  // Each record becomes a CsvRecord as it is read, and csv-parse keeps nothing of its own (no
  // array of raw records and their details beside ours, for up to 20,000 rows); past the most
  // rows a file may have, records are only counted.
  let head: { readonly record: string[]; readonly line: number } | undefined;
  let columns: string[] = [];
  const records: CsvRecord[] = [];
  let rowCount = 0;
  let line = 1;
  const endOfRecords = recordEnds(text);
  for (let from = 0; from < text.length;) {
    const to = endOfRecords(from, from + stepChars);
    const part = text.slice(from, to);
    // After the first part: the header again, its line not counted, then the part from its line.
    const prefix = head ? csvLine(head.record) : '';
    const offset = line - 1 - (prefix.match(/\n/g)?.length ?? 0);
    let skipHeader = head !== undefined;
    try {
      parse(prefix + part, {
        skip_empty_lines: true,
        skip_records_with_empty_values: true,
        relax_column_count: false,
        on_record: (record: string[], info: { lines: number }) => {
          if (skipHeader) {
            skipHeader = false;
            return null;
          }
          const at = startLine(record, info.lines) + offset;
          if (!head) {
            head = { record, line: at };
            columns = record.map((h) => h.trim());
            return null;
          }
          rowCount += 1;
          if (rowCount > MAX_CSV_ROWS) return null;
          const cells: Record<string, string> = {};
          // A cell the export escaped against formulas (kernel/csv.ts) reads back as it was.
          columns.forEach((col, i) => (cells[col] = unescapeFormula((record[i] ?? '').trim())));
          records.push({ line: at, cells });
          return null;
        },
      });
    } catch (error) {
      const e = movedError(error, offset);
      return fail(
        unreadable(
          e.lines ?? 1,
          `cannot be read as CSV: ${(e.message ?? '').replace(/^Invalid /, 'invalid ')}`,
        ),
      );
    }
    line += part.match(/\n/g)?.length ?? 0;
    from = to;
    if (from < text.length) yield TURN;
  }
  if (!head)
    return fail(unreadable(1, 'the file is empty; it needs a header line and at least one user'));
  const headerLine = head.line;
  const unknown = columns.filter((h) => !ALL_COLUMNS.includes(h));
  if (unknown.length > 0)
    return fail(
      unreadable(
        headerLine,
        `unknown column ${unknown.map((u) => JSON.stringify(u)).join(', ')}; the columns are ${ALL_COLUMNS.join(', ')}`,
      ),
    );
  const twice = columns.find((h, i) => columns.indexOf(h) !== i);
  if (twice) return fail(unreadable(headerLine, `column ${JSON.stringify(twice)} appears twice`));
  if (!columns.includes(EMAIL_COLUMN))
    return fail(unreadable(headerLine, `no ${JSON.stringify(EMAIL_COLUMN)} column`));
  if (rowCount > MAX_CSV_ROWS)
    return fail(csvErrors.tooManyRows({ rows: rowCount, max: MAX_CSV_ROWS }));
  return ok({ columns, records });
}

const bool = (b: boolean): string => (b ? 'TRUE' : 'FALSE');

/**
 * The export's lines, each ending `\r\n`, read as they are asked for: every column, basic licenses
 * TRUE/FALSE, assigned packages TRUE and the others empty.
 */
export function* usersCsvLines(
  w: WorldReader,
  users: Iterable<WholesaleSubscriber>,
): Generator<string> {
  yield `${ALL_COLUMNS.map(csvField).join(',')}\r\n`;
  for (const s of users) {
    const lic = s.licenses ?? BASIC_LICENSES;
    const loc = s.locationId ? (w.get('locations', s.locationId)?.name ?? '') : '';
    const cells = [
      s.email,
      s.firstName ?? '',
      s.lastName ?? '',
      s.displayName ?? '',
      s.primaryPhoneNumber ?? '',
      s.extension ?? '',
      loc,
      s.preferredWebexSite ?? '',
      bool(lic.messaging),
      bool(lic.meetings),
      bool(lic.calling),
      ...[...PACKAGE_COLUMNS.values()].map((p) => (s.packages.includes(p) ? 'TRUE' : '')),
    ];
    yield `${cells.map(csvField).join(',')}\r\n`;
  }
}

/** The export as one text. */
export const exportUsersCsv = (w: WorldReader, users: Iterable<WholesaleSubscriber>): string =>
  [...usersCsvLines(w, users)].join('');
