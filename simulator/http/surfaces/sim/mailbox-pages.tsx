import { Hono } from 'hono';
import { newestFirst } from '../../../core/kernel/mail.ts';
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
    const w = c.env.world.read();
    const mails = [...w.list('mail')]
      .filter((m) => to === undefined || m.to.some((t) => t.toLowerCase() === to.toLowerCase()))
      .sort(newestFirst)
      .map((m) => {
        const v = renderMail(m, c.env.base);
        return { ...v, subject: withNames(w, v.subject), text: withNames(w, v.text), seq: m.seq };
      });
    const source = arraySource(mails, {
      text: (m) => `${m.subject} ${m.to.join(' ')} ${m.from} ${m.text}`,
      keys: { sentAt: (m) => m.seq, to: (m) => m.to.join(', '), subject: (m) => m.subject },
    });
    const query = readListQuery(
      (k) => c.req.query(k),
      { sort: 'sentAt', dir: 'desc', size: 10 },
      source.sortKeys,
    );
    const page = await pageOf(source, query);
    return c.render(
      <Mailbox
        state={{ url: pageUrl(c), query, noun: 'mails' }}
        page={page}
        all={mails.length}
        to={to}
        action={`${c.env.base}/sim/mailbox`}
      />,
      { title: 'Mailbox · provisim' },
    );
  });
  return app;
};
