import { Hono } from 'hono';
import { oldestFirst, type MailRecord } from '../../../core/kernel/mail.ts';
import { renderMail } from '../../links.ts';
import type { SurfaceEnv } from '../../env.ts';
import { arraySource, pageOf, readListQuery, totalWithoutSearch } from '../../pages/list-view.ts';
import { withNames } from '../../pages/names.ts';
import { pageRenderer, pageUrl } from '../../pages/page-renderer.tsx';
import { VIEWS_A_TURN } from '../../next-turn.ts';
import { simSection } from './pages.tsx';
import { Mailbox } from './views/mailbox.tsx';

/** `GET /sim/mailbox?to=`: the outbox of `/sim/mail` as a page with clickable links, paged. */
export const mailboxPage = (): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>();
  app.use('*', pageRenderer(simSection));
  app.get('/', async (c) => {
    const to = c.req.query('to')?.trim() || undefined;
    const wanted = to?.toLowerCase();
    const w = c.env.world.read();
    // Each mail with its place oldest first: only the page shown is written out, and a search or
    // a sort by another column writes each mail out once, in turns.
    const sent = oldestFirst(w.list('mail'));
    const mails: Iterable<{ readonly m: MailRecord; readonly at: number }> = {
      *[Symbol.iterator]() {
        for (let at = 0; at < sent.length; at += 1) {
          const m = sent[at]!;
          if (wanted === undefined || m.to.some((t) => t.toLowerCase() === wanted)) yield { m, at };
        }
      },
    };
    const shown = new Map<MailRecord, ReturnType<typeof view>>();
    const view = (m: MailRecord) => {
      const v = renderMail(m, c.env.base);
      return { ...v, subject: withNames(w, v.subject), text: withNames(w, v.text), seq: m.seq };
    };
    const viewOf = (m: MailRecord) => {
      let v = shown.get(m);
      if (!v) shown.set(m, (v = view(m)));
      return v;
    };
    const source = arraySource(mails, {
      text: ({ m }) => {
        const v = viewOf(m);
        return `${v.subject} ${v.to.join(' ')} ${v.from} ${v.text}`;
      },
      keys: {
        sentAt: ({ at }) => at,
        to: ({ m }) => m.to.join(', '),
        // A mail's links are in its text, not its subject: the subject with names, unrendered.
        subject: ({ m }) => withNames(w, m.subject),
      },
      itemsATurn: VIEWS_A_TURN,
    });
    const query = readListQuery(
      (k) => c.req.query(k),
      { sort: 'sentAt', dir: 'desc', size: 10 },
      source.sortKeys,
    );
    const found = await pageOf(source, query);
    const page = { ...found, items: found.items.map(({ m }) => viewOf(m)) };
    return c.render(
      <Mailbox
        state={{ url: pageUrl(c), query, noun: 'mails' }}
        page={page}
        all={totalWithoutSearch(mails, query, found)}
        to={to}
        action={`${c.env.base}/sim/mailbox`}
      />,
      { title: 'Mailbox · provisim' },
    );
  });
  return app;
};
