import { ErrorSummary, Field, ListHeader, type FormErrors } from './common.tsx';

export interface TemplateRow {
  readonly id: string;
  readonly name: string;
  readonly offer: string;
  readonly provisioningId: string;
  readonly href: string;
}

export const TemplatesList = ({
  rows,
  newHref,
  canWrite,
}: {
  rows: readonly TemplateRow[];
  newHref: string;
  canWrite: boolean;
}) => (
  <section>
    <ListHeader
      title="Onboarding templates"
      action="Create template"
      href={newHref}
      show={canWrite}
    />
    <table data-testid="templates">
      <thead>
        <tr>
          <th>Name</th>
          <th>Offer</th>
          <th>Provisioning ID</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>
              <a href={r.href}>{r.name}</a>
            </td>
            <td>{r.offer === 'wholesale' ? 'Webex for Wholesale' : 'Webex for BroadWorks'}</td>
            <td>
              <code>{r.provisioningId}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </section>
);

export interface TemplateFormView {
  readonly action: string;
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
      <h1>Create template</h1>
      <ErrorSummary errors={e} />
      <form method="post" action={view.action} class="form">
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
        <button type="submit">Create template</button>
      </form>
    </section>
  );
};

export interface TemplateDetailView {
  readonly name: string;
  readonly rows: readonly { label: string; value: string }[];
  readonly warnings: readonly string[];
  readonly backHref: string;
  readonly userStatusHref?: string;
}

export const TemplateDetail = ({ view }: { view: TemplateDetailView }) => (
  <section>
    <h1>{view.name}</h1>
    {view.warnings.map((w) => (
      <div class="warning" role="status" data-testid="template-warning">
        {w}
      </div>
    ))}
    <dl data-testid="template-detail">
      {view.rows.map((r) => (
        <>
          <dt>{r.label}</dt>
          <dd>
            <code>{r.value}</code>
          </dd>
        </>
      ))}
    </dl>
    {view.userStatusHref ? (
      <p>
        <a class="button" href={view.userStatusHref}>
          Show user status
        </a>
      </p>
    ) : null}
    <a href={view.backHref}>All templates</a>
  </section>
);
