import type { MailView } from '../../../links.ts';

/** The mailbox page over `/sim/mail`: every mail with its links, so a person can click through. */
export const Mailbox = ({
  mails,
  to,
  action,
}: {
  mails: readonly MailView[];
  to: string | undefined;
  action: string;
}) => (
  <section>
    <h1>Mailbox</h1>
    <form method="get" action={action}>
      <label for="to">Show mail to</label>{' '}
      <input id="to" name="to" value={to ?? ''} placeholder="any address" />{' '}
      <button type="submit">Show</button>
    </form>
    {mails.length === 0 ? <p class="muted">No mail yet.</p> : null}
    {mails.map((m) => (
      <article class="mail" data-testid="mail">
        <h2>{m.subject}</h2>
        <p class="muted">
          From <code>{m.from}</code> to <code>{m.to.join(', ')}</code> at <code>{m.sentAt}</code>
        </p>
        <p>{m.text}</p>
        <p>
          {m.links.map((l) => (
            <a class="button" href={l.url}>
              {l.label}
            </a>
          ))}
        </p>
      </article>
    ))}
  </section>
);
