import { Hono } from 'hono';
import { ownList } from '../../../core/kernel/ownership.ts';
import type { SurfaceEnv } from '../../env.ts';

/** Partner Hub, Settings: the partner organisation, its subscriptions and where templates live. */
export const settingsPages = (): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>();
  app.get('/', (c) => {
    const w = c.env.world.read();
    const user = c.get('user');
    const partner = w.get('partners', user.partnerId);
    const templates = ownList(w, 'templates', user.partnerId);
    const subscriptions = w.list('subscriptions').filter((s) => s.partnerId === user.partnerId);
    const enterprises = w.list('enterprises').filter((e) => e.partnerId === user.partnerId);
    const t = `${c.env.base}/partner-hub/templates`;
    return c.render(
      <section>
        <h1>Settings</h1>
        <div class="card">
          <h2>Partner organization</h2>
          <dl data-testid="partner">
            <dt>Name</dt>
            <dd>{partner?.name ?? ''}</dd>
            <dt>Organization ID</dt>
            <dd>
              <code>{partner?.orgId ?? ''}</code>
            </dd>
            <dt>You</dt>
            <dd>
              {user.displayName} ({user.email}), {user.role}
            </dd>
          </dl>
        </div>
        <div class="card">
          <h2>Webex for Wholesale</h2>
          <p>
            {subscriptions.length} wholesale subscription{subscriptions.length === 1 ? '' : 's'}:{' '}
            {subscriptions.map((s) => s.name).join(', ')}.{' '}
            {templates.filter((x) => x.offer === 'wholesale').length} wholesale templates.
          </p>
          <a class="button secondary" href={t}>
            View templates
          </a>
        </div>
        <div class="card">
          <h2>BroadWorks Calling</h2>
          <p>
            {enterprises.length} enterprise{enterprises.length === 1 ? '' : 's'};{' '}
            {templates.filter((x) => x.offer === 'broadworks').length} BroadWorks templates (user
            verification, activation link, Show user status).
          </p>
          <a class="button secondary" href={t}>
            View templates
          </a>
        </div>
      </section>,
      { title: 'Settings · Partner Hub' },
    );
  });
  return app;
};
