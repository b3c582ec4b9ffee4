import { renameItems, type DomainError, type ErrorItem, type FieldMap } from '../kernel/errors.ts';
import { csvErrors } from './errors.ts';
import { emailField, extensionField, phoneField } from '../kernel/fields.ts';
import type { PartnerUser } from '../kernel/model.ts';
import { ownedBy } from '../kernel/ownership.ts';
import { ok, type Result } from '../kernel/result.ts';
import { finished, type Steps } from '../kernel/steps.ts';
import type { WorldReader, WorldTx } from '../kernel/world-tx.ts';
import type { Customer } from '../organisations/model.ts';
import { packageInfo, type PackageName } from '../organisations/packages.ts';
import { saveUser, usableCustomer } from './commands.ts';
import {
  BASIC_COLUMNS,
  EMAIL_COLUMN,
  PACKAGE_COLUMNS,
  readUsersCsv,
  type CsvRecord,
} from './csv.ts';
import {
  BASIC_LICENSES,
  checkAdminRemoval,
  checkUser,
  unchanged,
  type Licenses,
  type UserDraft,
} from './rules.ts';
import { UserIndex } from './uniqueness.ts';

export type ImportBehavior = 'default' | 'add_and_remove_services';
export type Outcome = 'created' | 'updated' | 'removed' | 'unchanged' | 'failed';
export interface RowReport {
  readonly line: number;
  readonly email: string;
  readonly outcome: Outcome;
  readonly errors: readonly ErrorItem[];
  readonly warnings: readonly { description: string }[];
}
export interface ImportReport {
  readonly summary: Record<Exclude<Outcome, 'failed'> | 'failed' | 'rows' | 'warnings', number>;
  readonly rows: RowReport[];
}

/** The rules' fields as the file names them: its columns. */
export const CSV_FIELDS: FieldMap = {
  email: EMAIL_COLUMN,
  packages: 'package columns',
  phoneNumber: 'Phone Number',
  extension: 'Extension',
  locationId: 'Location',
  preferredWebexSite: 'Preferred Webex Site',
};

type Cell = boolean | undefined;
const cellOf = (v: string | undefined, col: string, errors: ErrorItem[]): Cell => {
  if (v === undefined || v === '') return undefined;
  const u = v.toUpperCase();
  if (u === 'TRUE' || u === 'FALSE') return u === 'TRUE';
  errors.push(csvErrors.notBoolean.at(col, { value: JSON.stringify(v) }));
  return undefined;
};

/** The packages a row asks for: a TRUE base replaces the old base, FALSE removes; all FALSE: remove (USR-4). */
const rowPackages = (
  current: readonly PackageName[],
  cells: ReadonlyMap<PackageName, Cell>,
): PackageName[] | 'remove' => {
  const values = [...cells.values()];
  if (values.length > 0 && values.every((v) => v === false)) return 'remove';
  const on = [...cells].filter(([, v]) => v === true).map(([p]) => p);
  const newBase = on.some((p) => !packageInfo(p).needsOneOf);
  const kept = current.filter(
    (p) => cells.get(p) !== false && !(newBase && !packageInfo(p).needsOneOf && !on.includes(p)),
  );
  return [...kept, ...on.filter((p) => !kept.includes(p))];
};

/** The cells of a row checked one by one: what they say, and what is wrong with them. */
const readRow = (index: UserIndex, r: CsvRecord) => {
  const cells = r.cells;
  const errors: ErrorItem[] = [];
  const email = cells[EMAIL_COLUMN] ?? '';
  if (email === '') errors.push(csvErrors.required.at(EMAIL_COLUMN, {}));
  else if (!emailField.safeParse(email).success)
    errors.push(csvErrors.notEmail.at(EMAIL_COLUMN, {}));
  const pkgCells = new Map<PackageName, Cell>();
  for (const [col, p] of PACKAGE_COLUMNS)
    if (col in cells) pkgCells.set(p, cellOf(cells[col], col, errors));
  const basic: Partial<Record<keyof Licenses, Cell>> = {};
  for (const [col, k] of Object.entries(BASIC_COLUMNS)) basic[k] = cellOf(cells[col], col, errors);
  const text = (col: string) =>
    cells[col] === undefined || cells[col] === '' ? undefined : cells[col];
  const phone = text('Phone Number');
  const extension = text('Extension');
  if (phone && !phoneField.safeParse(phone).success)
    errors.push(csvErrors.notPhone.at('Phone Number', {}));
  if (extension && !extensionField.safeParse(extension).success)
    errors.push(csvErrors.notExtension.at('Extension', {}));
  const locName = text('Location');
  const location = locName ? index.location(locName) : undefined;
  if (locName && !location)
    errors.push(csvErrors.noSuchLocation.at('Location', { name: JSON.stringify(locName) }));
  return { email, pkgCells, basic, text, phone, extension, location, errors };
};

const applyRow = (
  tx: WorldTx,
  index: UserIndex,
  c: Customer,
  r: CsvRecord,
  behavior: ImportBehavior,
): RowReport => {
  const row = readRow(index, r);
  const { email, errors } = row;
  const report = (outcome: Outcome, warnings: readonly ErrorItem[] = []): RowReport => ({
    line: r.line,
    email,
    outcome,
    errors: renameItems(errors, CSV_FIELDS).map(({ field: _f, ...e }) => e),
    warnings: renameItems(warnings, CSV_FIELDS).map((w) => ({ description: w.description })),
  });
  if (errors.length > 0) return report('failed');
  const before = index.user(email);
  const packages = rowPackages(before?.packages ?? [], row.pkgCells);
  if (packages === 'remove') {
    if (!before) return report('unchanged', [csvErrors.nothingToRemove.item({ email })]);
    const admin = checkAdminRemoval(before);
    if (admin) {
      errors.push({ ...admin, field: 'packages', description: `packages: ${admin.description}` });
      return report('failed');
    }
    tx.delete('subscribers', before.id);
    index.remove(before);
    return report('removed');
  }
  const old = before?.licenses ?? BASIC_LICENSES;
  const b = row.basic;
  const licenses: Licenses =
    behavior === 'default'
      ? BASIC_LICENSES
      : {
          messaging: b.messaging ?? old.messaging,
          meetings: b.meetings ?? old.meetings,
          calling: b.calling ?? old.calling,
        };
  const draft: UserDraft = {
    email: before?.email ?? email,
    firstName: row.text('First Name') ?? before?.firstName,
    lastName: row.text('Last Name') ?? before?.lastName,
    displayName: row.text('Display Name') ?? before?.displayName,
    phone: row.phone ?? before?.primaryPhoneNumber,
    extension: row.extension ?? before?.extension,
    locationId: row.location?.id ?? before?.locationId,
    preferredWebexSite: row.text('Preferred Webex Site') ?? before?.preferredWebexSite,
    packages,
    licenses,
  };
  if (before && unchanged(before, draft)) return report('unchanged');
  const checked = checkUser(index, c, before, draft);
  errors.push(...checked.errors);
  if (errors.length > 0) return report('failed');
  saveUser(tx, index, c, before, draft);
  return report(before ? 'updated' : 'created', checked.warnings);
};

/** A file read and checked as a whole (USR-2), its rows still to apply. */
export interface UsersImport {
  readonly customerId: string;
  readonly behavior: ImportBehavior;
  readonly records: readonly CsvRecord[];
  /** The emails of the rows applied so far, lower-cased: a later row repeating one fails. */
  readonly seen: Set<string>;
}

/**
 * What can refuse a whole file, checked before any row applies (USR-2): the customer's ownership
 * and status, and a file that cannot be read (400 naming the line, 413 past 20,000 rows). In
 * steps, as the file is read (`readUsersCsv`); the customer's status is read once it is.
 */
export function* openUsersImport(
  tx: WorldReader,
  user: PartnerUser,
  customerId: string,
  bytes: Uint8Array,
  behavior: ImportBehavior,
): Steps<Result<UsersImport>> {
  const found = ownedBy(tx, 'customers', customerId, user.partnerId, 'Customer');
  if (!found.ok) return found;
  const file = yield* readUsersCsv(bytes);
  if (!file.ok) return file;
  const c = usableCustomer(tx, user, customerId);
  if (!c.ok) return c;
  return ok({ customerId: c.value.id, behavior, records: file.value.records, seen: new Set() });
}

/**
 * Applies the rows `from` up to `to` of an opened import (USR-2..4), each on its own: a failing row
 * changes nothing. The customer is checked again, since it may have moved on between two calls.
 */
export const importRows = (
  tx: WorldTx,
  user: PartnerUser,
  job: UsersImport,
  from: number,
  to: number,
): Result<RowReport[]> => {
  const c = usableCustomer(tx, user, job.customerId);
  if (!c.ok) return c;
  const index = new UserIndex(tx, c.value.id);
  return ok(
    job.records.slice(from, to).map((r): RowReport => {
      const email = (r.cells[EMAIL_COLUMN] ?? '').toLowerCase();
      if (email && job.seen.has(email))
        return {
          line: r.line,
          email: r.cells[EMAIL_COLUMN] ?? '',
          outcome: 'failed',
          errors: [csvErrors.repeatedEmail.at(EMAIL_COLUMN, { email })].map(
            ({ field: _f, ...e }) => e,
          ),
          warnings: [],
        };
      job.seen.add(email);
      return applyRow(tx, index, c.value, r, job.behavior);
    }),
  );
};

/**
 * The rows of an opened import from `from` on, reported as failed with `error`: the import stopped
 * there (its customer stopped taking users between two chunks) and they were not applied.
 */
export const stoppedRows = (job: UsersImport, from: number, error: DomainError): RowReport[] =>
  job.records.slice(from).map((r) => ({
    line: r.line,
    email: r.cells[EMAIL_COLUMN] ?? '',
    outcome: 'failed',
    errors: error.errors.map(({ field: _f, ...e }) => e),
    warnings: [],
  }));

/** The counts of an import's report. */
export const summarize = (rows: readonly RowReport[]): ImportReport['summary'] => {
  const count = (o: Outcome) => rows.filter((r) => r.outcome === o).length;
  return {
    rows: rows.length,
    created: count('created'),
    updated: count('updated'),
    removed: count('removed'),
    unchanged: count('unchanged'),
    failed: count('failed'),
    warnings: rows.reduce((n, r) => n + r.warnings.length, 0),
  };
};

/**
 * `POST …/users/csv` (USR-2..4): an unreadable file changes nothing; otherwise each row applies on
 * its own and a failing row changes nothing. Rows meet the same rules as every other door
 * (rules.ts), their fields named by the file's columns.
 */
export const importUsersCsv = (
  tx: WorldTx,
  user: PartnerUser,
  customerId: string,
  bytes: Uint8Array,
  behavior: ImportBehavior,
): Result<ImportReport> => {
  const job = finished(openUsersImport(tx, user, customerId, bytes, behavior));
  if (!job.ok) return job;
  const rows = importRows(tx, user, job.value, 0, job.value.records.length);
  if (!rows.ok) return rows;
  return ok({ summary: summarize(rows.value), rows: rows.value });
};
