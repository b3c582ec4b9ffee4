import { Hono } from 'hono';
import { jsxRenderer } from 'hono/jsx-renderer';
import { newestFirst } from '../../../core/kernel/mail.ts';
import { renderMail } from '../../links.ts';
import type { SurfaceEnv } from '../../env.ts';
import { Layout } from '../../pages/layout.tsx';
import { Mailbox } from './views/mailbox.tsx';

/** `GET /sim/mailbox?to=`: the outbox of `/sim/mail` as a page with clickable links. */
export const mailboxPage = (): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>();
  app.use(
    '*',
    jsxRenderer(({ children, title }) => <Layout title={title}>{children}</Layout>, {
      docType: true,
    }),
  );
  app.get('/', (c) => {
    const to = c.req.query('to')?.trim() || undefined;
    const mails = [...c.env.world.read().list('mail')]
      .filter((m) => to === undefined || m.to.some((t) => t.toLowerCase() === to.toLowerCase()))
      .sort(newestFirst)
      .map((m) => renderMail(m, c.env.base));
    return c.render(<Mailbox mails={mails} to={to} action={`${c.env.base}/sim/mailbox`} />, {
      title: 'Mailbox',
    });
  });
  return app;
};
