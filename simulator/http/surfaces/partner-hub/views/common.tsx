import type { Child } from 'hono/jsx';

/** Problems of a rejected form: the summary, and each field's own message beside it. */
export interface FormErrors {
  readonly summary: readonly string[];
  readonly byField: Readonly<Record<string, string>>;
}

export const NO_ERRORS: FormErrors = { summary: [], byField: {} };

/** Splits Webex error descriptions (`field.path: problem`) into per-field messages. */
export const formErrors = (descriptions: readonly string[]): FormErrors => {
  const byField: Record<string, string> = {};
  for (const d of descriptions) {
    const m = /^([\w.[\]]+): (.*)$/.exec(d);
    if (m && byField[m[1]!] === undefined) byField[m[1]!] = m[2]!;
  }
  return { summary: descriptions, byField };
};

export const ErrorSummary = ({ errors }: { errors: FormErrors }) =>
  errors.summary.length === 0 ? null : (
    <div class="alert" role="alert" data-testid="form-errors">
      <strong>Please correct the following:</strong>
      <ul>
        {errors.summary.map((e) => (
          <li>{e}</li>
        ))}
      </ul>
    </div>
  );

/** A labelled form field; `name` is the field's path in error messages, `input` the id of its control. */
export const Field = ({
  label,
  name,
  input,
  errors,
  children,
  hint,
}: {
  label: string;
  name: string;
  input?: string;
  errors: FormErrors;
  children: Child;
  hint?: string;
}) => (
  <div class={errors.byField[name] ? 'field invalid' : 'field'}>
    {label ? <label for={input ?? name}>{label}</label> : null}
    {children}
    {hint ? <small class="muted">{hint}</small> : null}
    {errors.byField[name] ? (
      <small class="error" data-testid={`error-${name}`}>
        {errors.byField[name]}
      </small>
    ) : null}
  </div>
);

export const StatusBadge = ({ status }: { status: string }) => (
  <span class={`badge ${status}`} data-testid="status">
    {status}
  </span>
);

export interface SignInView {
  readonly title: string;
  readonly action: string;
  readonly users: readonly { partner: string; role: string; token: string; email: string }[];
  readonly error?: string;
}

export const SignIn = ({ view }: { view: SignInView }) => (
  <section>
    <h1>{view.title}</h1>
    <p class="muted">
      {view.users.length > 0
        ? "Pick a seeded partner user (the simulator's fixed tokens), or paste a token."
        : 'Paste your token.'}
    </p>
    {view.error ? (
      <div class="alert" role="alert">
        {view.error}
      </div>
    ) : null}
    {view.users.length === 0 ? null : (
      <table>
        <thead>
          <tr>
            <th>Partner</th>
            <th>Role</th>
            <th>Email</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {view.users.map((u) => (
            <tr>
              <td>{u.partner}</td>
              <td>{u.role}</td>
              <td>{u.email}</td>
              <td>
                <form method="post" action={view.action} class="inline">
                  <input type="hidden" name="token" value={u.token} />
                  <button type="submit" data-testid={`sign-in-${u.token}`}>
                    Sign in as {u.token}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
    <form method="post" action={view.action}>
      <label for="token">Token</label> <input id="token" name="token" />{' '}
      <button type="submit">Sign in</button>
    </form>
  </section>
);

/** A text input whose id and name are the same. */
export const Text = ({ name, value }: { name: string; value: string | undefined }) => (
  <input id={name} name={name} value={value ?? ''} />
);

/** The headquarters address fields (the `/v1` address shape), with their errors under `headquarters.*`. */
export const AddressFields = ({
  values: v,
  errors: e,
  countries,
  prefix = 'headquarters',
}: {
  values: Readonly<Record<string, string>>;
  errors: FormErrors;
  countries?: readonly string[];
  /** The path of the address in error messages (`headquarters`, `address`). */
  prefix?: string;
}) => (
  <>
    {(
      [
        ['Address line 1', 'addressLine1'],
        ['Address line 2', 'addressLine2'],
        ['City', 'city'],
        ['State or province', 'stateOrProvince'],
        ['ZIP or postal code', 'zipOrPostalCode'],
      ] as const
    ).map(([label, name]) => (
      <Field label={label} name={`${prefix}.${name}`} input={name} errors={e}>
        <Text name={name} value={v[name]} />
      </Field>
    ))}
    <Field
      label="Country"
      name={`${prefix}.country`}
      input="country"
      errors={e}
      hint="ISO code, e.g. US"
    >
      <input id="country" name="country" list="countries" value={v.country ?? 'US'} />
      <datalist id="countries">
        {(countries ?? []).map((c) => (
          <option value={c} />
        ))}
      </datalist>
    </Field>
  </>
);

/** A list page's title with its Create action (shown to users who may create). */
export const ListHeader = ({
  title,
  action,
  href,
  show,
}: {
  title: string;
  action: string;
  href: string;
  show: boolean;
}) => (
  <div class="titlebar">
    <h1>{title}</h1>
    {show ? (
      <a class="button" href={href}>
        {action}
      </a>
    ) : null}
  </div>
);

/** The company name and administrator email fields of the customer and CCW setup forms. */
export const CompanyFields = ({
  values: v,
  errors: e,
}: {
  values: Readonly<Record<string, string>>;
  errors: FormErrors;
}) => (
  <>
    <Field label="Company name" name="companyName" errors={e}>
      <Text name="companyName" value={v.companyName} />
    </Field>
    <Field label="Administrator email" name="adminEmail" errors={e}>
      <Text name="adminEmail" value={v.adminEmail} />
    </Field>
  </>
);
