import { Hono, type Context } from 'hono';
import { BW_PACKAGES } from '../../../core/broadworks/subscribers.ts';
import {
  broadworksTemplate,
  changePackage,
  deleteUser,
  retryActivation,
  userStatusCsv,
  userStatusRows,
} from '../../../core/broadworks/user-status.ts';
import { pageUrl } from '../../pages/page-renderer.tsx';
import type { SurfaceEnv } from '../../env.ts';
import { nextStepsById } from '../../../core/sim/next-step.ts';
import { arraySource, pageOf, readListQuery } from '../../pages/list-view.ts';
import { UserStatusPage } from './views/user-status.tsx';
import { canWrite, forbiddenPage, formValues, notFoundPage } from '../../pages/page-helpers.tsx';

/** Partner Hub, Show user status for a broadworks template (FT-3..7), with its actions. */
export const userStatusPages = (): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>();
  const base = (c: Context<SurfaceEnv>) =>
    `${c.env.base}/partner-hub/templates/${c.req.param('id')}/user-status`;
  const template = (c: Context<SurfaceEnv>) =>
    broadworksTemplate(c.env.world.read(), c.get('user'), c.req.param('id') ?? '');
  const exclude = (c: Context<SurfaceEnv>) => c.req.query('excludeProvisioned') === 'true';

  const page = async (c: Context<SurfaceEnv>, flash?: { kind: 'ok' | 'error'; text: string }) => {
    const t = template(c);
    if (!t.ok) return notFoundPage(c, t.error.message);
    const q = exclude(c) ? '?excludeProvisioned=true' : '';
    const w = c.env.world.read();
    const steps = nextStepsById(w);
    const rows = userStatusRows(w, t.value.id, exclude(c)).map((r) => {
      const next = steps.get(r.subscriberId);
      return {
        ...r,
        actions: `${base(c)}/${r.subscriberId}`,
        ...(next ? { dueAt: next.dueAt } : {}),
      };
    });
    const source = arraySource(rows, {
      text: (r) => `${r.broadworksId} ${r.package} ${r.status} ${r.errorText ?? ''}`,
      keys: {
        broadworksId: (r) => r.broadworksId,
        package: (r) => r.package,
        status: (r) => r.status,
      },
    });
    const query = readListQuery((k) => c.req.query(k), { sort: 'broadworksId' }, source.sortKeys);
    const shown = await pageOf(source, query);
    return c.render(
      <UserStatusPage
        view={{
          templateName: t.value.name,
          templateHref: `${c.env.base}/partner-hub/templates/${t.value.id}`,
          state: { url: pageUrl(c), query, noun: 'users' },
          page: shown,
          all: rows.length,
          here: pageUrl(c),
          ...(c.env.simApi ? { jumpAction: `${c.env.base}/sim/panel/clock` } : {}),
          excludeProvisioned: exclude(c),
          filterAction: base(c),
          exportHref: `${base(c)}.csv${q}`,
          packages: BW_PACKAGES,
          canWrite: canWrite(c.get('user')),
          ...(flash ? { flash } : {}),
        }}
      />,
      { title: `User status · ${t.value.name}` },
    );
  };
  app.get('/:id/user-status', (c) => {
    const done = c.req.query('done');
    return page(c, done ? { kind: 'ok', text: done } : undefined);
  });
  app.get('/:id/user-status.csv', (c) => {
    const t = template(c);
    if (!t.ok) return notFoundPage(c, t.error.message);
    return c.body(userStatusCsv(userStatusRows(c.env.world.read(), t.value.id, exclude(c))), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="user-status.csv"',
    });
  });

  const act = (
    name: string,
    run: (
      c: Context<SurfaceEnv>,
      v: Record<string, string>,
    ) => { ok: boolean; message: string; status?: number },
  ) =>
    app.post(`/:id/user-status/:sid/${name}`, async (c) => {
      if (!canWrite(c.get('user'))) return forbiddenPage(c);
      const r = run(c, await formValues(c));
      if (r.ok) return c.redirect(`${base(c)}?done=${encodeURIComponent(r.message)}`, 303);
      c.status((r.status ?? 400) as 400);
      return page(c, { kind: 'error', text: r.message });
    });
  const outcome = (
    r: { ok: true } | { ok: false; error: { message: string; status: number } },
    text: string,
  ) =>
    r.ok
      ? { ok: true, message: text }
      : { ok: false, message: r.error.message, status: r.error.status };

  act('retry-activation', (c, v) => {
    const t = template(c);
    if (!t.ok) return outcome(t, '');
    return outcome(
      c.env.world.transact((tx) =>
        retryActivation(tx, t.value, c.req.param('sid') ?? '', { email: v.email ?? '' }),
      ),
      `A verification email was sent to ${v.email ?? ''}.`,
    );
  });
  act('change-package', (c, v) => {
    const t = template(c);
    if (!t.ok) return outcome(t, '');
    return outcome(
      c.env.world.transact((tx) =>
        changePackage(tx, c.get('user'), t.value, c.req.param('sid') ?? '', {
          package: v.package ?? '',
        }),
      ),
      `The package was changed to ${v.package ?? ''}.`,
    );
  });
  act('delete', (c) => {
    const t = template(c);
    if (!t.ok) return outcome(t, '');
    return outcome(
      c.env.world.transact((tx) => deleteUser(tx, t.value, c.req.param('sid') ?? '')),
      'The user was deleted.',
    );
  });
  return app;
};
