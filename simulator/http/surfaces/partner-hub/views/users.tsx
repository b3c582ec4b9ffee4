import { ListBar, Pager, SortHeader, type ListState } from '../../../pages/list-controls.tsx';
import type { ListPage } from '../../../pages/list-view.ts';
import { FlashBox, type Flash } from '../../sim/views/panel.tsx';
import { ErrorSummary, StatusBadge, type FormErrors } from './common.tsx';
import { CustomerHead } from './customers.tsx';

export interface UserRow {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly packageName: string;
  readonly packageTitle: string;
  readonly location: string;
  readonly number: string;
  readonly status: string;
  readonly role: string;
  readonly errors: readonly string[];
  readonly changeAction: string;
  readonly deleteAction: string;
}

export interface ReportRow {
  readonly line: number;
  readonly email: string;
  readonly outcome: string;
  readonly messages: readonly string[];
}

export interface UsersHead {
  readonly customer: string;
  readonly status: string;
  readonly base: string;
  readonly listHref: string;
}

export interface UsersPageView extends UsersHead {
  readonly canWrite: boolean;
  readonly state: ListState;
  readonly page: ListPage<UserRow>;
  readonly all: number;
  readonly packages: readonly { name: string; title: string }[];
  readonly addHref: string;
  readonly importHref: string;
  readonly exportHref: string;
  readonly errors: FormErrors;
  readonly flash?: Flash;
}

const Head = ({ h, current }: { h: UsersHead; current: 'users' }) => (
  <CustomerHead
    name={h.customer}
    status={h.status}
    base={h.base}
    listHref={h.listHref}
    current={current}
  />
);

export const UsersPage = ({ view: v }: { view: UsersPageView }) => (
  <section>
    <Head h={v} current="users" />
    <FlashBox flash={v.flash} />
    <ErrorSummary errors={v.errors} />
    <div class="actions">
      {v.canWrite ? (
        <>
          <a class="button" href={v.addHref}>
            Add users manually
          </a>
          <a class="button secondary" href={v.importHref}>
            CSV add or edit
          </a>
        </>
      ) : null}
      <a class="button secondary" href={v.exportHref} data-testid="export-csv" download>
        Export users (CSV)
      </a>
    </div>
    <ListBar state={v.state} page={v.page} total={v.all} />
    <div class="table-wrap">
      <table data-testid="users">
        <thead>
          <tr>
            <SortHeader state={v.state} label="Email" by="email" />
            <SortHeader state={v.state} label="Name" by="name" />
            <SortHeader state={v.state} label="Package" by="package" />
            <SortHeader state={v.state} label="Location" by="location" />
            <th scope="col">Number</th>
            <SortHeader state={v.state} label="Status" by="status" />
            {v.canWrite ? <th scope="col">Change package</th> : null}
            {v.canWrite ? (
              <th scope="col">
                <span class="visually-hidden">Delete</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {v.page.items.map((u) => (
            <tr>
              <td>
                {u.email}
                {u.role === 'full_admin' ? (
                  <small class="muted"> (full administrator)</small>
                ) : null}
              </td>
              <td>{u.name}</td>
              <td>{u.packageTitle}</td>
              <td>{u.location}</td>
              <td>{u.number}</td>
              <td>
                <StatusBadge status={u.status} /> {u.errors.join('; ')}
              </td>
              {v.canWrite ? (
                <td>
                  <form method="post" action={u.changeAction} class="inline">
                    <select name="package" aria-label={`Package of ${u.email}`}>
                      <option value="">None (unassign)</option>
                      {v.packages.map((p) => (
                        <option value={p.name} selected={p.name === u.packageName}>
                          {p.title}
                        </option>
                      ))}
                    </select>{' '}
                    <input
                      name="extension"
                      placeholder="Extension"
                      aria-label={`Extension of ${u.email}`}
                      size={6}
                    />{' '}
                    <button type="submit" class="secondary">
                      Change
                    </button>
                  </form>
                </td>
              ) : null}
              {v.canWrite ? (
                <td>
                  {u.role === 'full_admin' ? null : (
                    <form method="post" action={u.deleteAction} class="inline">
                      <button
                        type="submit"
                        class="link"
                        data-confirm={`Delete ${u.email}? The user loses every service.`}
                        data-confirm-label="Delete user"
                        aria-label={`Delete ${u.email}`}
                      >
                        Delete
                      </button>
                    </form>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <Pager state={v.state} page={v.page} />
  </section>
);

/** The fields of one row of Add users, in screen order. */
export const ADD_FIELDS = [
  ['firstName', 'First name'],
  ['lastName', 'Last name'],
  ['email', 'Email'],
  ['package', 'Package'],
  ['locationId', 'Location'],
  ['phoneNumber', 'Phone number'],
  ['extension', 'Extension'],
] as const;

export interface AddUsersView extends UsersHead {
  readonly action: string;
  readonly usersHref: string;
  readonly rows: number;
  readonly max: number;
  readonly moreHref: string;
  readonly values: Readonly<Record<string, string>>;
  readonly errors: FormErrors;
  readonly packages: readonly { name: string; title: string }[];
  readonly locations: readonly { id: string; name: string }[];
}

/** Add users manually: 25 rows; what was typed stays after an error, each error beside its cell. */
export const AddUsersPage = ({ view: v }: { view: AddUsersView }) => {
  const cell = (field: string, i: number, label: string) => {
    const name = `${field}.${i}`;
    const error = v.errors.byField[name];
    const common = {
      name,
      id: name,
      'aria-label': `${label}, row ${i + 1}`,
      ...(error
        ? { 'aria-invalid': 'true' as const, 'aria-describedby': `error-${field}-${i}` }
        : {}),
    };
    const control =
      field === 'package' ? (
        <select {...common}>
          {v.packages.map((p) => (
            <option value={p.name} selected={p.name === v.values[name]}>
              {p.title}
            </option>
          ))}
        </select>
      ) : field === 'locationId' ? (
        <select {...common}>
          {v.locations.map((l) => (
            <option value={l.id} selected={l.id === v.values[name]}>
              {l.name}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} value={v.values[name] ?? ''} size={field === 'extension' ? 6 : 14} />
      );
    return (
      <td>
        {control}
        {error ? (
          <small class="error" id={`error-${field}-${i}`} data-testid={`error-${field}.${i}`}>
            {error}
          </small>
        ) : null}
      </td>
    );
  };
  return (
    <section>
      <CustomerHead
        name={v.customer}
        status={v.status}
        base={v.base}
        listHref={v.listHref}
        current="users"
      />
      <h2>Add users manually</h2>
      <p class="muted">
        Up to {v.max} users at once; rows left empty are ignored. Calling packages need a phone
        number or an extension.{' '}
        {v.rows < v.max ? <a href={v.moreHref}>Show all {v.max} rows</a> : null}
      </p>
      <ErrorSummary errors={v.errors} />
      <form method="post" action={v.action}>
        <div class="table-wrap">
          <table data-testid="add-users">
            <thead>
              <tr>
                <th scope="col">Row</th>
                {ADD_FIELDS.map(([, label]) => (
                  <th scope="col">{label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: v.rows }, (_, i) => (
                <tr data-testid={`add-row-${i + 1}`}>
                  <td>{i + 1}</td>
                  {ADD_FIELDS.map(([field, label]) => cell(field, i, label))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div class="actions">
          <button type="submit">Add users</button>
          <a href={v.usersHref}>Cancel</a>
        </div>
      </form>
    </section>
  );
};

export interface ImportView extends UsersHead {
  readonly action: string;
  readonly usersHref: string;
  readonly errors: FormErrors;
}

/** A CSV import running or run as a job: its progress, then its report, paged and filtered. */
export interface ImportJobView extends UsersHead {
  readonly importHref: string;
  readonly usersHref: string;
  readonly state: 'running' | 'done' | 'stopped';
  readonly applied: number;
  readonly total: number;
  readonly stopReason?: string;
  readonly summary: Readonly<Record<string, number>>;
  /** Failures and warnings only, or every row. */
  readonly show: 'failures' | 'all';
  readonly failuresHref: string;
  readonly allHref: string;
  readonly failures: number;
  readonly list: ListState;
  readonly page: ListPage<ReportRow>;
}

const ReportTable = ({ rows, id }: { rows: readonly ReportRow[]; id: string }) => (
  <div class="table-wrap">
    <table data-testid={id}>
      <thead>
        <tr>
          <th scope="col">Line</th>
          <th scope="col">Email</th>
          <th scope="col">Outcome</th>
          <th scope="col">Errors and warnings</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr data-testid={`report-line-${r.line}`}>
            <td>{r.line}</td>
            <td>{r.email}</td>
            <td>{r.outcome}</td>
            <td>{r.messages.join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

const Progress = ({ v }: { v: ImportJobView }) => (
  <section class="card" data-testid="import-progress" aria-live="polite">
    <p>
      Importing: <strong data-testid="import-applied">{v.applied}</strong> of {v.total} rows
      applied. This page refreshes by itself.
    </p>
    <progress max={v.total} value={v.applied} aria-label="Rows applied">
      {v.applied} of {v.total}
    </progress>
  </section>
);

/** The customer's head on the Users tab, and the CSV page's title. */
const ImportHead = ({ v }: { v: UsersHead }) => (
  <>
    <CustomerHead
      name={v.customer}
      status={v.status}
      base={v.base}
      listHref={v.listHref}
      current="users"
    />
    <h2>CSV add or edit</h2>
  </>
);

export const ImportJobPage = ({ view: v }: { view: ImportJobView }) => (
  <section>
    <ImportHead v={v} />
    {v.state === 'running' ? <Progress v={v} /> : null}
    {v.state === 'stopped' ? (
      <ErrorSummary
        errors={{
          summary: [
            `The import stopped after ${v.applied} of ${v.total} rows: ${v.stopReason ?? ''}`,
          ],
          byField: {},
        }}
      />
    ) : null}
    <section data-testid="import-report">
      <h2>{v.state === 'running' ? 'Report so far' : 'Import report'}</h2>
      <p data-testid="import-summary">
        {Object.entries(v.summary)
          .map(([k, n]) => `${k}: ${n}`)
          .join(' · ')}
      </p>
      <nav class="tabs" aria-label="Rows shown" data-testid="report-filter">
        <a href={v.failuresHref} {...(v.show === 'failures' ? { 'aria-current': 'page' } : {})}>
          Failures and warnings ({v.failures})
        </a>
        <a href={v.allHref} {...(v.show === 'all' ? { 'aria-current': 'page' } : {})}>
          All rows ({v.summary.rows ?? 0})
        </a>
      </nav>
      {v.page.total === 0 ? (
        <p class="muted">
          {v.show === 'failures'
            ? 'Every row applied so far without a warning.'
            : 'No row applied yet.'}
        </p>
      ) : (
        <>
          <ReportTable
            rows={v.page.items}
            id={v.show === 'failures' ? 'report-failures' : 'report-all'}
          />
          <Pager state={v.list} page={v.page} />
        </>
      )}
    </section>
    <div class="actions">
      <a href={v.importHref}>Import another file</a>
      <a href={v.usersHref}>Back to the users</a>
    </div>
  </section>
);

export const ImportPage = ({ view: v }: { view: ImportView }) => (
  <section>
    <ImportHead v={v} />
    <ErrorSummary errors={v.errors} />
    <form method="post" action={v.action} enctype="multipart/form-data" class="form card">
      <div class="field">
        <label for="file">CSV file</label>
        <input type="file" id="file" name="file" accept=".csv,text/csv" />
      </div>
      <fieldset>
        <legend>Behaviour</legend>
        <label>
          <input type="radio" name="behavior" value="default" checked /> Default (assign the basic
          licenses)
        </label>
        <br />
        <label>
          <input type="radio" name="behavior" value="add_and_remove_services" /> Add and remove
          services
        </label>
      </fieldset>
      <div class="actions">
        <button type="submit">Import CSV</button>
        <a href={v.usersHref}>Back to the users</a>
      </div>
    </form>
  </section>
);
