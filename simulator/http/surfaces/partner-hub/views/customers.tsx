import {
  AddressFields,
  CompanyFields,
  ErrorSummary,
  Field,
  ListHeader,
  StatusBadge,
  type FormErrors,
} from './common.tsx';
import { ListBar, Pager, SortHeader, type ListState } from '../../../pages/list-controls.tsx';
import type { ListPage } from '../../../pages/list-view.ts';
import { FlashBox, JumpButton, type Flash } from '../../sim/views/panel.tsx';

export interface CustomerRow {
  readonly name: string;
  readonly href: string;
  readonly status: string;
  readonly packages: string;
  readonly template: string;
}

export const CustomersList = ({
  state,
  page,
  all,
  newHref,
  canWrite,
}: {
  state: ListState;
  page: ListPage<CustomerRow>;
  all: number;
  newHref: string;
  canWrite: boolean;
}) => (
  <section>
    <ListHeader title="Customers" action="Create customer" href={newHref} show={canWrite} />
    <ListBar state={state} page={page} total={all} />
    <div class="table-wrap">
      <table data-testid="customers">
        <thead>
          <tr>
            <SortHeader state={state} label="Company" by="name" />
            <SortHeader state={state} label="Status" by="status" />
            <th scope="col">Packages</th>
            <SortHeader state={state} label="Template" by="template" />
          </tr>
        </thead>
        <tbody>
          {page.items.map((r) => (
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
      {page.total === 0 ? (
        <p class="muted" style="padding: 0 12px">
          {state.query.q ? 'No customer matches the search.' : 'No customers yet.'}
        </p>
      ) : null}
    </div>
    <Pager state={state} page={page} />
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

/** The customer view's tabs, as Partner Hub shows them. */
export const CustomerTabs = ({
  base,
  current,
}: {
  base: string;
  current: 'overview' | 'users' | 'locations';
}) => (
  <nav class="tabs" aria-label="Customer">
    {(
      [
        ['overview', 'Overview', ''],
        ['users', 'Users', '/users'],
        ['locations', 'Locations', '/locations'],
      ] as const
    ).map(([key, label, path]) => (
      <a href={`${base}${path}`} {...(key === current ? { 'aria-current': 'page' } : {})}>
        {label}
      </a>
    ))}
  </nav>
);

/** A customer's page title: breadcrumb, name, status, tabs. */
export const CustomerHead = ({
  name,
  status,
  base,
  listHref,
  current,
}: {
  name: string;
  status: string;
  base: string;
  listHref: string;
  current: 'overview' | 'users' | 'locations';
}) => (
  <>
    <div class="breadcrumb">
      <a href={listHref}>Customers</a> › {name}
    </div>
    <h1>
      {name} <StatusBadge status={status} />
    </h1>
    <CustomerTabs base={base} current={current} />
  </>
);

export interface DueView {
  readonly text: string;
  readonly dueAt: string;
  readonly jumpAction?: string;
  readonly back: string;
}

/** When a timed status ends, with a button that moves the virtual clock there. */
export const Due = ({ due }: { due: DueView }) => (
  <div class="due" data-testid="next-step">
    {due.text} at <time datetime={due.dueAt}>{due.dueAt}</time>.{' '}
    {due.jumpAction ? (
      <JumpButton action={due.jumpAction} dueAt={due.dueAt} back={due.back} />
    ) : null}{' '}
    <a href={due.back}>Refresh</a>
  </div>
);

export interface CustomerDetailView {
  readonly name: string;
  readonly status: string;
  readonly rows: readonly { label: string; value: string; href?: string }[];
  readonly errors: readonly string[];
  readonly base: string;
  readonly listHref: string;
  readonly due?: DueView;
  readonly flash?: Flash;
}

export const CustomerDetail = ({ view }: { view: CustomerDetailView }) => (
  <section>
    <CustomerHead
      name={view.name}
      status={view.status}
      base={view.base}
      listHref={view.listHref}
      current="overview"
    />
    <FlashBox flash={view.flash} />
    {view.due ? <Due due={view.due} /> : null}
    {view.errors.map((e) => (
      <div class="alert" role="alert">
        {e}
      </div>
    ))}
    <div class="card">
      <dl data-testid="customer-detail">
        {view.rows.map((r) => (
          <>
            <dt>{r.label}</dt>
            <dd>{r.href ? <a href={r.href}>{r.value}</a> : r.value}</dd>
          </>
        ))}
      </dl>
    </div>
  </section>
);

export interface LocationsView {
  readonly name: string;
  readonly status: string;
  readonly base: string;
  readonly listHref: string;
  readonly locations: readonly { name: string; address: string; timezone: string }[];
  readonly canWrite: boolean;
  readonly addAction: string;
  readonly values: Readonly<Record<string, string>>;
  readonly errors: FormErrors;
  readonly countries: readonly string[];
  readonly flash?: Flash;
}

export const LocationsPage = ({ view: v }: { view: LocationsView }) => (
  <section>
    <CustomerHead
      name={v.name}
      status={v.status}
      base={v.base}
      listHref={v.listHref}
      current="locations"
    />
    <FlashBox flash={v.flash} />
    <div class="table-wrap">
      <table data-testid="locations">
        <thead>
          <tr>
            <th scope="col">Location</th>
            <th scope="col">Address</th>
            <th scope="col">Time zone</th>
          </tr>
        </thead>
        <tbody>
          {v.locations.map((l) => (
            <tr>
              <td>{l.name}</td>
              <td>{l.address}</td>
              <td>{l.timezone}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    {v.canWrite ? (
      <>
        <h2>Add location</h2>
        <ErrorSummary errors={v.errors} />
        <form method="post" action={v.addAction} class="form card" data-testid="add-location">
          <Field label="Location name" name="name" input="locationName" errors={v.errors}>
            <input id="locationName" name="name" value={v.values.name ?? ''} />
          </Field>
          <AddressFields
            values={v.values}
            errors={v.errors}
            countries={v.countries}
            prefix="address"
          />
          <button type="submit">Add location</button>
        </form>
      </>
    ) : null}
  </section>
);
