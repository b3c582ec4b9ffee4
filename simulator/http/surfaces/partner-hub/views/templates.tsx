import { ListBar, Pager, SortHeader, type ListState } from '../../../pages/list-controls.tsx';
import type { ListPage } from '../../../pages/list-view.ts';
import { FlashBox, type Flash } from '../../sim/views/panel.tsx';
import { ErrorSummary, Field, ListHeader, type FormErrors } from './common.tsx';

export interface TemplateRow {
  readonly id: string;
  readonly name: string;
  readonly offer: string;
  readonly provisioningId: string;
  readonly customers: number;
  readonly href: string;
}

export const offerLabel = (offer: string): string =>
  offer === 'wholesale' ? 'Webex for Wholesale' : 'Webex for BroadWorks';

export const TemplatesList = ({
  state,
  page,
  all,
  newHref,
  canWrite,
  flash,
}: {
  state: ListState;
  page: ListPage<TemplateRow>;
  all: number;
  newHref: string;
  canWrite: boolean;
  flash?: Flash | undefined;
}) => (
  <section>
    <ListHeader
      title="Onboarding templates"
      action="Create template"
      href={newHref}
      show={canWrite}
    />
    <FlashBox flash={flash} />
    <ListBar state={state} page={page} total={all} />
    <div class="table-wrap">
      <table data-testid="templates">
        <thead>
          <tr>
            <SortHeader state={state} label="Name" by="name" />
            <SortHeader state={state} label="Offer" by="offer" />
            <th scope="col">Provisioning ID</th>
            <SortHeader state={state} label="Customers" by="customers" />
          </tr>
        </thead>
        <tbody>
          {page.items.map((r) => (
            <tr>
              <td>
                <a href={r.href}>{r.name}</a>
              </td>
              <td>{offerLabel(r.offer)}</td>
              <td>
                <code>{r.provisioningId}</code>
              </td>
              <td>{r.customers}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <Pager state={state} page={page} />
  </section>
);

export interface TemplateFormView {
  readonly action: string;
  /** Editing an existing template: its offer is fixed. */
  readonly edit?: { readonly name: string; readonly offer: string; readonly cancelHref: string };
  readonly values: Readonly<Record<string, string>>;
  readonly errors: FormErrors;
  readonly countries: readonly string[];
  readonly subscriptions: readonly { id: string; name: string }[];
  readonly pstnProviders: readonly string[];
}

const Select = ({
  name,
  options,
  value,
  blank,
}: {
  name: string;
  options: readonly { value: string; label: string }[];
  value: string | undefined;
  blank?: string;
}) => (
  <select id={name} name={name}>
    {blank !== undefined ? <option value="">{blank}</option> : null}
    {options.map((o) => (
      <option value={o.value} selected={o.value === value}>
        {o.label}
      </option>
    ))}
  </select>
);

export const TemplateForm = ({ view }: { view: TemplateFormView }) => {
  const v = view.values;
  const e = view.errors;
  return (
    <section>
      <h1>{view.edit ? `Edit ${view.edit.name}` : 'Create template'}</h1>
      <ErrorSummary errors={e} />
      <form method="post" action={view.action} class="form">
        {view.edit ? (
          <p>
            Offer: <strong>{offerLabel(view.edit.offer)}</strong>
            <input type="hidden" name="offer" value={view.edit.offer} />
          </p>
        ) : (
          <Field label="Offer" name="offer" errors={e}>
            <Select
              name="offer"
              value={v.offer}
              options={[
                { value: 'wholesale', label: 'Webex for Wholesale' },
                { value: 'broadworks', label: 'Webex for BroadWorks' },
              ]}
            />
          </Field>
        )}
        <Field label="Template name" name="name" errors={e}>
          <input id="name" name="name" value={v.name ?? ''} />
        </Field>
        <Field label="Country" name="country" errors={e}>
          <Select
            name="country"
            value={v.country ?? 'US'}
            options={view.countries.map((c) => ({ value: c, label: c }))}
          />
        </Field>
        <Field label="Language" name="language" errors={e} hint="e.g. en_US">
          <input id="language" name="language" value={v.language ?? 'en_US'} />
        </Field>
        {view.edit?.offer === 'broadworks' ? null : (
          <fieldset>
            <legend>Wholesale settings</legend>
            <Field label="Wholesale subscription" name="subscriptionId" errors={e}>
              <Select
                name="subscriptionId"
                value={v.subscriptionId}
                blank="Choose a subscription"
                options={view.subscriptions.map((s) => ({ value: s.id, label: s.name }))}
              />
            </Field>
            <Field label="Authentication method" name="authMethod" errors={e}>
              <Select
                name="authMethod"
                value={v.authMethod ?? 'webex'}
                options={[
                  { value: 'webex', label: 'Webex authentication' },
                  { value: 'partner_sso', label: 'Partner SSO' },
                ]}
              />
            </Field>
            <Field
              label="Cloud-connected PSTN provider (optional)"
              name="pstnProvider"
              errors={e}
              hint="Not recommended: the template is saved with a warning."
            >
              <Select
                name="pstnProvider"
                value={v.pstnProvider}
                blank="None"
                options={view.pstnProviders.map((p) => ({ value: p, label: p }))}
              />
            </Field>
          </fieldset>
        )}
        {view.edit?.offer === 'wholesale' ? null : (
          <fieldset>
            <legend>BroadWorks user verification</legend>
            <Field
              label="Email trust"
              name="userVerification.emailTrust"
              input="emailTrust"
              errors={e}
            >
              <Select
                name="emailTrust"
                value={v.emailTrust ?? 'untrusted'}
                options={[
                  { value: 'untrusted', label: 'Untrusted emails' },
                  { value: 'trusted', label: 'Trusted emails' },
                ]}
              />
            </Field>
            <Field
              label="Share link (optional)"
              name="userVerification.shareLink"
              input="shareLink"
              errors={e}
              hint="Defaults to the template's activation link."
            >
              <input id="shareLink" name="shareLink" value={v.shareLink ?? ''} />
            </Field>
          </fieldset>
        )}
        <div class="actions">
          <button type="submit">{view.edit ? 'Save changes' : 'Create template'}</button>
          {view.edit ? <a href={view.edit.cancelHref}>Cancel</a> : null}
        </div>
      </form>
    </section>
  );
};

export interface TemplateDetailView {
  readonly name: string;
  readonly rows: readonly { label: string; value: string; link?: boolean }[];
  readonly warnings: readonly string[];
  readonly backHref: string;
  readonly userStatusHref?: string;
  readonly editHref?: string;
  readonly deleteAction?: string;
  readonly customers: number;
  readonly flash?: Flash;
}

export const TemplateDetail = ({ view }: { view: TemplateDetailView }) => (
  <section>
    <div class="breadcrumb">
      <a href={view.backHref}>Templates</a> › {view.name}
    </div>
    <div class="titlebar">
      <h1>{view.name}</h1>
      <div class="actions">
        {view.editHref ? (
          <a class="button secondary" href={view.editHref}>
            Edit
          </a>
        ) : null}
        {view.deleteAction && view.customers > 0 ? (
          <>
            <button type="button" class="danger" disabled data-testid="delete-disabled">
              Delete
            </button>
            <span class="muted">
              Used by {view.customers} customer{view.customers === 1 ? '' : 's'}: it cannot be
              deleted.
            </span>
          </>
        ) : null}
        {view.deleteAction && view.customers === 0 ? (
          <form method="post" action={view.deleteAction} class="inline">
            <button
              type="submit"
              class="danger"
              data-confirm={`Delete template "${view.name}"? This cannot be undone.`}
              data-confirm-label="Delete"
            >
              Delete
            </button>
          </form>
        ) : null}
      </div>
    </div>
    <FlashBox flash={view.flash} />
    {view.warnings.map((w) => (
      <div class="warning" role="status" data-testid="template-warning">
        {w}
      </div>
    ))}
    <div class="card">
      <dl data-testid="template-detail">
        {view.rows.map((r) => (
          <>
            <dt>{r.label}</dt>
            <dd>
              {r.link ? (
                <a href={r.value} data-testid={`link-${r.label.toLowerCase().replace(/ /g, '-')}`}>
                  {r.value}
                </a>
              ) : (
                <code>{r.value}</code>
              )}
            </dd>
          </>
        ))}
      </dl>
    </div>
    {view.userStatusHref ? (
      <p>
        <a class="button" href={view.userStatusHref}>
          Show user status
        </a>
      </p>
    ) : null}
  </section>
);
