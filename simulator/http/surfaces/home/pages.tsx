import { Hono } from 'hono';
import { describeClock } from '../../../core/kernel/clock.ts';
import type { SurfaceEnv } from '../../env.ts';
import { Home, type HomeView } from './views/home.tsx';
import { pageRenderer } from '../../pages/page-renderer.tsx';

/** Server-rendered pages (architecture.md, views over view models). */
export const pageRoutes = (): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>();
  app.use('*', pageRenderer());

  app.get('/', (c) => {
    const w = c.env.world.read();
    const clock = describeClock(w.meta.clock, c.env.world.wall());
    const view: HomeView = {
      base: c.env.base,
      now: clock.now,
      clockMode: clock.mode,
      seed: w.meta.seed,
      // Shared use (--no-sim-api): neither the tokens nor /sim are advertised.
      partners: (c.env.simApi ? w.list('partners') : []).map((p) => ({
        name: p.name,
        tokens: w
          .list('users')
          .filter((u) => u.partnerId === p.id)
          .map((u) => ({ role: u.role, token: u.token })),
      })),
      surfaces: [
        {
          label: 'Partner Hub',
          href: `${c.env.base}/partner-hub/sign-in`,
          note: 'Templates and customers, as a partner administrator sees them.',
        },
        {
          label: 'Cisco Commerce Workspace',
          href: `${c.env.base}/ccw/sign-in`,
          note: 'Orders, the provisioning email, resend, subscriptions.',
        },
        {
          label: 'Mailbox',
          href: `${c.env.base}/sim/mailbox`,
          note: 'Every mail the simulator has sent, with clickable links.',
        },
        {
          label: 'World',
          href: `${c.env.base}/sim/world`,
          note: 'Partners, tokens, templates, enterprises, clock (JSON).',
        },
        {
          label: 'Mail',
          href: `${c.env.base}/sim/mail`,
          note: 'Every mail the simulator has sent (JSON).',
        },
        {
          label: 'Clock',
          href: `${c.env.base}/sim/clock`,
          note: 'The virtual clock (JSON; POST to move it).',
        },
        { label: 'Faults', href: `${c.env.base}/sim/faults`, note: 'Injected faults (JSON).' },
        {
          label: 'Webex API',
          href: `${c.env.base}/v1/people/me`,
          note: 'The /v1 Wholesale and BroadWorks APIs (needs a token).',
        },
        {
          label: 'Partner Hub API',
          href: `${c.env.base}/partner-hub/api/templates`,
          note: 'What Partner Hub screens do, as JSON (needs a token).',
        },
      ].filter((s) => c.env.simApi || !s.href.startsWith(`${c.env.base}/sim/`)),
    };
    return c.render(<Home view={view} />, { title: 'provisim' });
  });
  return app;
};
