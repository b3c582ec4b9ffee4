import type { Hono } from 'hono';
import type { SurfaceEnv } from '../../env.ts';
import { customerPages } from './customer-pages.tsx';
import { userPages } from './user-pages.tsx';
import { templatePages } from './template-pages.tsx';
import { settingsPages } from './settings-pages.tsx';
import { pageSession } from '../../pages/page-session.tsx';

/** Partner Hub's screens (TPL, ORG): server-rendered forms over the same core commands as `/partner-hub/api`. */
export const partnerHubPages = (): Hono<SurfaceEnv> => {
  const { app, guard } = pageSession({
    surface: 'partnerHub',
    path: 'partner-hub',
    title: 'Partner Hub',
    landing: 'customers',
    links: [
      { label: 'Customers', path: 'customers', icon: 'people-regular' },
      { label: 'Templates', path: 'templates', icon: 'document-regular' },
      { label: 'Settings', path: 'settings', icon: 'settings-regular' },
    ],
  });
  app.use('*', guard);
  app.get('/', (c) => c.redirect(`${c.env.base}/partner-hub/customers`, 303));
  app.route('/templates', templatePages());
  app.route('/settings', settingsPages());
  app.route('/customers', userPages());
  app.route('/customers', customerPages());
  return app;
};
