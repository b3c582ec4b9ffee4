import {
  AddressFields,
  CompanyFields,
  ErrorSummary,
  Field,
  ListHeader,
  StatusBadge,
  type FormErrors,
} from './common.tsx';

export interface CustomerRow {
  readonly name: string;
  readonly href: string;
  readonly status: string;
  readonly packages: string;
  readonly template: string;
}

export const CustomersList = ({
  rows,
  newHref,
  canWrite,
}: {
  rows: readonly CustomerRow[];
  newHref: string;
  canWrite: boolean;
}) => (
  <section>
    <ListHeader title="Customers" action="Create customer" href={newHref} show={canWrite} />
    {rows.length === 0 ? <p class="muted">No customers yet.</p> : null}
    <table data-testid="customers">
      <thead>
        <tr>
          <th>Company</th>
          <th>Status</th>
          <th>Packages</th>
          <th>Template</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>
              <a href={r.href}>{r.name}</a>
            </td>
            <td>
              <StatusBadge status={r.status} />
            </td>
            <td>{r.packages}</td>
            <td>{r.template}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </section>
);

export interface CustomerFormView {
  readonly action: string;
  readonly values: Readonly<Record<string, string>>;
  readonly packages: readonly string[];
  readonly errors: FormErrors;
  readonly templates: readonly { provisioningId: string; name: string }[];
  readonly packageOptions: readonly { name: string; title: string }[];
  readonly countries: readonly string[];
}

export const CustomerForm = ({ view }: { view: CustomerFormView }) => {
  const v = view.values;
  const e = view.errors;
  return (
    <section>
      <h1>Create customer</h1>
      <ErrorSummary errors={e} />
      <form method="post" action={view.action} class="form">
        <fieldset>
          <legend>1. Customer</legend>
          <CompanyFields values={v} errors={e} />
          <Field label="Onboarding template" name="provisioningId" errors={e}>
            <select id="provisioningId" name="provisioningId">
              <option value="">Choose a template</option>
              {view.templates.map((t) => (
                <option value={t.provisioningId} selected={t.provisioningId === v.provisioningId}>
                  {t.name}
                </option>
              ))}
            </select>
          </Field>
        </fieldset>
        <fieldset>
          <legend>2. Packages</legend>
          <Field label="Packages" name="packages" errors={e}>
            <div class="checks">
              {view.packageOptions.map((p) => (
                <label>
                  <input
                    type="checkbox"
                    name="packages"
                    value={p.name}
                    checked={view.packages.includes(p.name)}
                  />{' '}
                  {p.title}
                </label>
              ))}
            </div>
          </Field>
        </fieldset>
        <fieldset>
          <legend>3. Headquarters</legend>
          <AddressFields values={v} errors={e} countries={view.countries} />
          <Field label="" name="supportedLocationAttested" errors={e}>
            <label>
              <input
                type="checkbox"
                id="supportedLocationAttested"
                name="supportedLocationAttested"
                value="true"
                checked={v.supportedLocationAttested === 'true'}
              />{' '}
              I attest that the headquarters is in a Webex-supported location
            </label>
          </Field>
        </fieldset>
        <button type="submit">Create customer</button>
      </form>
    </section>
  );
};

export interface CustomerDetailView {
  readonly name: string;
  readonly status: string;
  readonly rows: readonly { label: string; value: string }[];
  readonly locations: readonly { name: string; address: string }[];
  readonly errors: readonly string[];
  readonly backHref: string;
  readonly usersHref?: string;
}

export const CustomerDetail = ({ view }: { view: CustomerDetailView }) => (
  <section>
    <h1>
      {view.name} <StatusBadge status={view.status} />
    </h1>
    {view.errors.map((e) => (
      <div class="alert" role="alert">
        {e}
      </div>
    ))}
    <dl data-testid="customer-detail">
      {view.rows.map((r) => (
        <>
          <dt>{r.label}</dt>
          <dd>{r.value}</dd>
        </>
      ))}
    </dl>
    <h2>Locations</h2>
    <table data-testid="locations">
      <tbody>
        {view.locations.map((l) => (
          <tr>
            <td>{l.name}</td>
            <td>{l.address}</td>
          </tr>
        ))}
      </tbody>
    </table>
    {view.usersHref ? (
      <p>
        <a href={view.usersHref}>Users</a>
      </p>
    ) : null}
    <a href={view.backHref}>All customers</a>
  </section>
);
