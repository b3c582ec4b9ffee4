import { Hono, type Context } from 'hono';
import { BW_PACKAGES } from '../../../core/broadworks/subscribers.ts';
import {
  broadworksTemplate,
  changePackage,
  deleteUser,
  errorText,
  retryActivation,
  userStatusCsv,
  userStatusRow,
  userStatusRows,
  userStatusSubscribers,
} from '../../../core/broadworks/user-status.ts';
import { bodyInTurns } from '../../next-turn.ts';
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
    // Rows are written for the page shown; a search or a sort reads what it needs of each user.
    const users = userStatusSubscribers(w, t.value.id, exclude(c));
    const source = arraySource(users, {
      text: (s) => `${s.userId} ${s.package} ${s.status} ${errorText(s) ?? ''}`,
      keys: {
        broadworksId: (s) => s.userId,
        package: (s) => s.package,
        status: (s) => s.status,
      },
    });
    const query = readListQuery((k) => c.req.query(k), { sort: 'broadworksId' }, source.sortKeys);
    const found = await pageOf(source, query);
    const steps = nextStepsById(w);
    const shown = {
      ...found,
      items: found.items.map((s) => {
        const next = steps.get(s.id);
        return {
          ...userStatusRow(s),
          actions: `${base(c)}/${s.id}`,
          ...(next ? { dueAt: next.dueAt } : {}),
        };
      }),
    };
    return c.render(
      <UserStatusPage
        view={{
          templateName: t.value.name,
          templateHref: `${c.env.base}/partner-hub/templates/${t.value.id}`,
          state: { url: pageUrl(c), query, noun: 'users' },
          page: shown,
          all: users.length,
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
    const lines = userStatusCsv(userStatusRows(c.env.world.read(), t.value.id, exclude(c)));
    return c.body(bodyInTurns(lines), 200, {
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
