/** The consent page's view model (a free account's owner accepts the move to a customer org). */
export type ConsentView =
  | {
      readonly state: 'ask';
      readonly email: string;
      readonly company: string;
      readonly action: string;
    }
  | { readonly state: 'done'; readonly email: string; readonly company: string }
  | { readonly state: 'error'; readonly message: string };

export const ConsentPage = ({ view }: { view: ConsentView }) => {
  if (view.state === 'error') {
    return (
      <section>
        <h1>This link cannot be used</h1>
        <p role="alert" data-testid="consent-error">
          {view.message}
        </p>
      </section>
    );
  }
  if (view.state === 'done') {
    return (
      <section>
        <h1>Your account has moved</h1>
        <p data-testid="consent-done">
          <code>{view.email}</code> is now part of {view.company}. Sign in to Webex as usual.
        </p>
      </section>
    );
  }
  return (
    <section>
      <h1>Move your Webex account</h1>
      <p>
        {view.company} has set up Webex for you. Your free Webex account <code>{view.email}</code>{' '}
        moves to {view.company} when you accept; your content comes with it.
      </p>
      <form method="post" action={view.action}>
        <button type="submit">Accept and move my account</button>
      </form>
    </section>
  );
};
