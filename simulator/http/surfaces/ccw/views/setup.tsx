import {
  AddressFields,
  CompanyFields,
  ErrorSummary,
  type FormErrors,
} from '../../partner-hub/views/common.tsx';

export type SetupView =
  | {
      readonly state: 'form';
      readonly action: string;
      readonly values: Readonly<Record<string, string>>;
      readonly errors: FormErrors;
    }
  | { readonly state: 'done'; readonly company: string }
  | { readonly state: 'refused'; readonly message: string };

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
          {view.company} is now onboarded. Service setup continues at{' '}
          <a href="https://admin.webex.com">admin.webex.com</a>.
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
        <CompanyFields values={v} errors={e} />
        <AddressFields values={v} errors={e} />
        <button type="submit">Set up service</button>
      </form>
    </section>
  );
};
