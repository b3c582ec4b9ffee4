import { ErrorSummary, Field, type FormErrors } from '../partner-hub/common.tsx';

export type SetupView =
  | { readonly state: 'form'; readonly action: string; readonly values: Readonly<Record<string, string>>; readonly errors: FormErrors }
  | { readonly state: 'done'; readonly company: string }
  | { readonly state: 'refused'; readonly message: string };

const Text = ({ name, value }: { name: string; value: string | undefined }) => <input id={name} name={name} value={value ?? ''} />;

/** Set Up Your Service: the page the provisioning email links to (CCW-1, CCW-4). */
export const SetupPage = ({ view }: { view: SetupView }) => {
  if (view.state === 'refused') {
    return (
      <section>
        <h1>Set up your Webex service</h1>
        <div class="alert" role="alert" data-testid="setup-refused">
          {view.message}
        </div>
      </section>
    );
  }
  if (view.state === 'done') {
    return (
      <section>
        <h1>Your service is being set up</h1>
        <p role="status" data-testid="setup-done">
          {view.company} is now onboarded. Service setup continues at <a href="https://admin.webex.com">admin.webex.com</a>.
        </p>
      </section>
    );
  }
  const v = view.values;
  const e = view.errors;
  return (
    <section>
      <h1>Set up your Webex service</h1>
      <ErrorSummary errors={e} />
      <form method="post" action={view.action} class="form">
        <Field label="Company name" name="companyName" errors={e}>
          <Text name="companyName" value={v.companyName} />
        </Field>
        <Field label="Administrator email" name="adminEmail" errors={e}>
          <Text name="adminEmail" value={v.adminEmail} />
        </Field>
        <Field label="Address line 1" name="headquarters.addressLine1" input="addressLine1" errors={e}>
          <Text name="addressLine1" value={v.addressLine1} />
        </Field>
        <Field label="City" name="headquarters.city" input="city" errors={e}>
          <Text name="city" value={v.city} />
        </Field>
        <Field label="State or province" name="headquarters.stateOrProvince" input="stateOrProvince" errors={e}>
          <Text name="stateOrProvince" value={v.stateOrProvince} />
        </Field>
        <Field label="ZIP or postal code" name="headquarters.zipOrPostalCode" input="zipOrPostalCode" errors={e}>
          <Text name="zipOrPostalCode" value={v.zipOrPostalCode} />
        </Field>
        <Field label="Country" name="headquarters.country" input="country" errors={e}>
          <input id="country" name="country" value={v.country ?? 'US'} />
        </Field>
        <button type="submit">Set up service</button>
      </form>
    </section>
  );
};
