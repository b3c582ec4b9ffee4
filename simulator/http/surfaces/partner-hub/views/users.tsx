import { ErrorSummary, StatusBadge, type FormErrors } from './common.tsx';

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
}

export interface ReportRow {
  readonly line: number;
  readonly email: string;
  readonly outcome: string;
  readonly messages: readonly string[];
}

export interface UsersPageView {
  readonly customer: string;
  readonly canWrite: boolean;
  readonly users: readonly UserRow[];
  readonly packages: readonly { name: string; title: string }[];
  readonly locations: readonly { id: string; name: string }[];
  readonly addAction: string;
  readonly importAction: string;
  readonly exportHref: string;
  readonly backHref: string;
  readonly errors: FormErrors;
  readonly report?: {
    readonly summary: Readonly<Record<string, number>>;
    readonly rows: readonly ReportRow[];
  };
  readonly rowsToAdd: number;
}

const Report = ({ report }: { report: NonNullable<UsersPageView['report']> }) => (
  <section data-testid="import-report">
    <h2>Import report</h2>
    <p data-testid="import-summary">
      {Object.entries(report.summary)
        .map(([k, v]) => `${k}: ${v}`)
        .join(' · ')}
    </p>
    <table>
      <thead>
        <tr>
          <th>Line</th>
          <th>Email</th>
          <th>Outcome</th>
          <th>Errors and warnings</th>
        </tr>
      </thead>
      <tbody>
        {report.rows.map((r) => (
          <tr data-testid={`report-line-${r.line}`}>
            <td>{r.line}</td>
            <td>{r.email}</td>
            <td>{r.outcome}</td>
            <td>{r.messages.join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </section>
);

export const UsersPage = ({ view }: { view: UsersPageView }) => (
  <section>
    <h1>Users of {view.customer}</h1>
    <ErrorSummary errors={view.errors} />
    {view.report ? <Report report={view.report} /> : null}
    <p>
      <a href={view.exportHref} data-testid="export-csv" download>
        Export users (CSV)
      </a>
    </p>
    <table data-testid="users">
      <thead>
        <tr>
          <th>Email</th>
          <th>Name</th>
          <th>Package</th>
          <th>Location</th>
          <th>Number</th>
          <th>Status</th>
          {view.canWrite ? <th>Change package</th> : null}
        </tr>
      </thead>
      <tbody>
        {view.users.map((u) => (
          <tr>
            <td>
              {u.email}
              {u.role === 'full_admin' ? <small class="muted"> (full administrator)</small> : null}
            </td>
            <td>{u.name}</td>
            <td>{u.packageTitle}</td>
            <td>{u.location}</td>
            <td>{u.number}</td>
            <td>
              <StatusBadge status={u.status} /> {u.errors.join('; ')}
            </td>
            {view.canWrite ? (
              <td>
                <form method="post" action={u.changeAction} class="inline">
                  <select name="package" aria-label={`Package of ${u.email}`}>
                    <option value="">None (unassign)</option>
                    {view.packages.map((p) => (
                      <option value={p.name} selected={p.name === u.packageName}>
                        {p.title}
                      </option>
                    ))}
                  </select>
                  <input
                    name="extension"
                    placeholder="Extension"
                    aria-label={`Extension of ${u.email}`}
                    size={6}
                  />
                  <button type="submit">Change</button>
                </form>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
    {view.canWrite ? (
      <>
        <h2>CSV add or edit</h2>
        <form method="post" action={view.importAction} enctype="multipart/form-data" class="form">
          <label for="file">CSV file</label>
          <input type="file" id="file" name="file" accept=".csv,text/csv" />
          <fieldset>
            <legend>Behaviour</legend>
            <label>
              <input type="radio" name="behavior" value="default" checked /> Default (assign the
              basic licenses)
            </label>
            <label>
              <input type="radio" name="behavior" value="add_and_remove_services" /> Add and remove
              services
            </label>
          </fieldset>
          <button type="submit">Import CSV</button>
        </form>
        <h2>Add users</h2>
        <form method="post" action={view.addAction} class="form">
          <p class="muted">
            Up to 25 users at once; rows left empty are ignored. Calling packages need a phone
            number or an extension.
          </p>
          <table>
            <thead>
              <tr>
                <th>First name</th>
                <th>Last name</th>
                <th>Email</th>
                <th>Package</th>
                <th>Location</th>
                <th>Phone number</th>
                <th>Extension</th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: view.rowsToAdd }, (_, i) => (
                <tr>
                  <td>
                    <input name={`firstName.${i}`} aria-label={`First name ${i + 1}`} />
                  </td>
                  <td>
                    <input name={`lastName.${i}`} aria-label={`Last name ${i + 1}`} />
                  </td>
                  <td>
                    <input name={`email.${i}`} aria-label={`Email ${i + 1}`} />
                  </td>
                  <td>
                    <select name={`package.${i}`} aria-label={`Package ${i + 1}`}>
                      {view.packages.map((p) => (
                        <option value={p.name}>{p.title}</option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select name={`locationId.${i}`} aria-label={`Location ${i + 1}`}>
                      {view.locations.map((l) => (
                        <option value={l.id}>{l.name}</option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input name={`phoneNumber.${i}`} aria-label={`Phone number ${i + 1}`} />
                  </td>
                  <td>
                    <input name={`extension.${i}`} aria-label={`Extension ${i + 1}`} size={6} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit">Add users</button>
        </form>
      </>
    ) : null}
    <a href={view.backHref}>Back to the customer</a>
  </section>
);
