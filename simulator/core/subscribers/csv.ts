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

/** Reads the file: the header checked, every record with its start line. Nothing is applied here. */
export const readUsersCsv = (
  bytes: Uint8Array,
): Result<{ columns: string[]; records: CsvRecord[] }> => {
  const text = decodeUtf8(bytes);
  if (!text.ok) return text;
  if (text.value.trim() === '')
    return fail(unreadable(1, 'the file is empty; it needs a header line and at least one user'));
  // Each record becomes a CsvRecord as it is read, and csv-parse keeps nothing of its own (no
  // array of raw records and their details beside ours, for up to 20,000 rows); past the most
  // rows a file may have, records are only counted.
  let head: { readonly record: string[]; readonly line: number } | undefined;
  let columns: string[] = [];
  const records: CsvRecord[] = [];
  let rowCount = 0;
  try {
    parse(text.value.replace(/\r\n?/g, '\n'), {
      bom: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      relax_column_count: false,
      on_record: (record: string[], info: { lines: number }) => {
        const line = startLine(record, info.lines);
        if (!head) {
          head = { record, line };
          columns = record.map((h) => h.trim());
          return null;
        }
        rowCount += 1;
        if (rowCount > MAX_CSV_ROWS) return null;
        const cells: Record<string, string> = {};
        // A cell the export escaped against formulas (kernel/csv.ts) reads back as it was.
        columns.forEach((col, i) => (cells[col] = unescapeFormula((record[i] ?? '').trim())));
        records.push({ line, cells });
        return null;
      },
    });
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    return fail(
      unreadable(
        e.lines ?? 1,
        `cannot be read as CSV: ${(e.message ?? String(error)).replace(/^Invalid /, 'invalid ')}`,
      ),
    );
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
};

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
