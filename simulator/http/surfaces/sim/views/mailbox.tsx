import type { MailView } from '../../../links.ts';
import { ListBar, Pager, type ListState } from '../../../pages/list-controls.tsx';
import { listHref, type ListPage } from '../../../pages/list-view.ts';

/** The mailbox page over `/sim/mail`: every mail with its links, so a person can click through. */
export const Mailbox = ({
  state,
  page,
  all,
  to,
  action,
}: {
  state: ListState;
  page: ListPage<MailView>;
  all: number;
  to: string | undefined;
  action: string;
}) => (
  <section>
    <h1>Mailbox</h1>
    <form method="get" action={action} class="listbar">
      <label for="to">Show mail to</label>
      <input id="to" name="to" value={to ?? ''} placeholder="any address" />
      <button type="submit" class="secondary">
        Show
      </button>
    </form>
    <ListBar state={state} page={page} total={all} />
    <p class="listbar">
      Sort by{' '}
      {(
        [
          ['sentAt', 'sent'],
          ['to', 'recipient'],
          ['subject', 'subject'],
        ] as const
      ).map(([by, label]) => {
        const active = state.query.sort === by;
        const dir = active && state.query.dir === 'desc' ? 'asc' : 'desc';
        return (
          <a
            href={listHref(state.url, { sort: by, dir, page: undefined })}
            {...(active ? { 'aria-current': 'true' } : {})}
          >
            {label}
            {active ? (state.query.dir === 'asc' ? ' ▲' : ' ▼') : ''}
          </a>
        );
      })}
    </p>
    {all === 0 ? <p class="muted">No mail yet.</p> : null}
    {page.items.map((m) => (
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
    <Pager state={state} page={page} />
  </section>
);
