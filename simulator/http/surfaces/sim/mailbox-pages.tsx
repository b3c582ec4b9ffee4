import { Hono } from 'hono';
import type { MailRecord } from '../../../core/kernel/mail.ts';
import { renderMail } from '../../links.ts';
import type { SurfaceEnv } from '../../env.ts';
import { arraySource, pageOf, readListQuery } from '../../pages/list-view.ts';
import { withNames } from '../../pages/names.ts';
import { pageRenderer, pageUrl } from '../../pages/page-renderer.tsx';
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
    // Mails are kept in the order they were sent (a sequence number each, the clock never going
    // back), so the newest first is that order reversed: only the page shown is written out, and
    // a search or a sort by another column reads each mail written out once, in turns.
    const mails: Iterable<MailRecord> = {
      *[Symbol.iterator]() {
        for (const m of w.list('mail'))
          if (wanted === undefined || m.to.some((t) => t.toLowerCase() === wanted)) yield m;
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
      text: (m) => {
        const v = viewOf(m);
        return `${v.subject} ${v.to.join(' ')} ${v.from} ${v.text}`;
      },
      keys: {
        sentAt: (m) => m.seq,
        to: (m) => m.to.join(', '),
        subject: (m) => viewOf(m).subject,
      },
    });
    const query = readListQuery(
      (k) => c.req.query(k),
      { sort: 'sentAt', dir: 'desc', size: 10 },
      source.sortKeys,
    );
    const found = await pageOf(source, query);
    const page = { ...found, items: found.items.map(viewOf) };
    let all = 0;
    for (const _ of mails) all += 1;
    return c.render(
      <Mailbox
        state={{ url: pageUrl(c), query, noun: 'mails' }}
        page={page}
        all={all}
        to={to}
        action={`${c.env.base}/sim/mailbox`}
      />,
      { title: 'Mailbox · provisim' },
    );
  });
  return app;
};
