import { Hono, type Context } from 'hono';
import { describeClock } from '../../../core/kernel/clock.ts';
import { DEFAULT_DELAYS, patchConfig } from '../../../core/sim/config.ts';
import { simErrors } from '../../../core/sim/errors.ts';
import { addFault } from '../../../core/sim/fault-ops.ts';
import { parseFault } from '../../../core/sim/faults.ts';
import { eachScheduledStep, type NextStep } from '../../../core/sim/next-step.ts';
import { ok } from '../../../core/kernel/result.ts';
import type { WorldReader } from '../../../core/kernel/world-tx.ts';
import type { SurfaceEnv } from '../../env.ts';
import { formValues } from '../../pages/page-helpers.tsx';
import { describeFault, pageRenderer, pageUrl } from '../../pages/page-renderer.tsx';
import { arraySource, pageOf, readListQuery, totalWithoutSearch } from '../../pages/list-view.ts';
import { formErrors, NO_ERRORS, type FormErrors } from '../partner-hub/views/common.tsx';
import { Delays, Faults, Overview, Requests, Worlds, type Flash } from './views/panel.tsx';
import { orderNumber } from '../../pages/names.ts';

/** The control panel's sections (the JSON API under `/sim` stays as it is). */
export const simNav = (c: Context<SurfaceEnv>) => {
  const b = `${c.env.base}/sim`;
  return [
    { label: 'Clock and steps', href: b, icon: 'recents-regular' as const },
    { label: 'Faults', href: `${b}/panel/faults`, icon: 'warning-regular' as const },
    { label: 'Delays', href: `${b}/panel/delays`, icon: 'alarm-regular' as const },
    { label: 'Worlds', href: `${b}/panel/worlds`, icon: 'test-tube-regular' as const },
    { label: 'Mailbox', href: `${b}/mailbox`, icon: 'inbox-regular' as const },
    {
      label: 'Request journal',
      href: `${b}/panel/requests`,
      icon: 'list-bulleted-regular' as const,
    },
  ];
};

export const simSection = { product: 'Simulator', navLabel: 'Control panel', nav: simNav };

/** How far ahead an instant is, in words: "in 4 min", "in 2 d 3 h". */
export const dueIn = (dueAt: string, now: number): string => {
  let s = Math.round((Date.parse(dueAt) - now) / 1000);
  if (s <= 0) return 'due now';
  const parts: string[] = [];
  for (const [unit, n] of [
    ['d', 86400],
    ['h', 3600],
    ['min', 60],
    ['s', 1],
  ] as const) {
    if (s >= n && parts.length < 2) {
      parts.push(`${Math.floor(s / n)} ${unit}`);
      s %= n;
    }
  }
  return `in ${parts.join(' ')}`;
};

const STEP_WORDS: Readonly<Record<string, string>> = {
  provision: 'provisioning ends',
  update: 'update ends',
  delete: 'deletion ends',
  rsd: 'the provisioning email goes (RSD)',
  close: 'the line closes (end of window)',
};

/** A scheduled step in words, with a link to the resource's page. */
const describeStep = (w: WorldReader, base: string, s: NextStep) => {
  if (s.resource === 'customer') {
    const x = w.get('customers', s.id);
    return {
      what: `Customer ${x?.name ?? s.id}`,
      href: `${base}/partner-hub/customers/${s.id}`,
    };
  }
  if (s.resource === 'broadworksSubscriber') {
    const x = w.get('broadworksSubscribers', s.id);
    return {
      what: `BroadWorks user ${x?.userId ?? s.id}`,
      ...(x ? { href: `${base}/partner-hub/templates/${x.templateId}/user-status` } : {}),
    };
  }
  return {
    what: `CCW order ${orderNumber(s.orderId ?? '')}, line ${s.id.slice(-6)}`,
    href: `${base}/ccw/orders/${s.orderId ?? ''}`,
  };
};

/** Only a URL of this world may be returned to. */
const safeReturn = (c: Context<SurfaceEnv>, to: string | undefined): string =>
  to !== undefined && to.startsWith(`${c.env.base}/`) ? to : `${c.env.base}/sim`;

const withFlash = (url: string, flash: Flash): string => {
  const u = new URL(url);
  u.searchParams.set(flash.kind === 'ok' ? 'done' : 'failed', flash.text);
  return u.toString();
};

const flashOf = (c: Context<SurfaceEnv>): Flash | undefined => {
  const done = c.req.query('done');
  const failed = c.req.query('failed');
  return done ? { kind: 'ok', text: done } : failed ? { kind: 'error', text: failed } : undefined;
};

/** Fault presets: one click adds a fault a tester often wants. */
export const FAULT_PRESETS: readonly { id: string; label: string; body: object }[] = [
  {
    id: 'post-429',
    label: 'Next 2 POSTs answer 429 (Retry-After 3 s)',
    body: { method: 'POST', path: '/*', status: 429, retryAfter: 3, times: 2 },
  },
  {
    id: 'v1-503',
    label: 'Next /v1 request answers 503',
    body: { path: '/v1/*', status: 503, times: 1 },
  },
  {
    id: 'customers-flaky',
    label: 'Half of /v1/wholesale/customers calls answer 503',
    body: { path: '/v1/wholesale/customers*', status: 503, probability: 0.5 },
  },
  {
    id: 'pages-500',
    label: 'Next Partner Hub page answers 500',
    body: { path: '/partner-hub/*', status: 500, times: 1 },
  },
  {
    id: 'slow-v1',
    label: '800 ms latency on /v1',
    body: { path: '/v1/*', latencyMs: 800 },
  },
  {
    id: 'customer-step',
    label: 'Next customer provisioning ends in error 4003',
    body: {
      on: 'customer',
      errorCode: 4003,
      description: 'Calling location could not be created',
      times: 1,
    },
  },
  {
    id: 'package-step',
    label: 'Next package assignment ends in error 5001',
    body: {
      on: 'subscriber',
      errorCode: 5001,
      description: 'The package could not be assigned',
      times: 1,
    },
  },
  {
    id: 'broadworks-step',
    label: 'Next BroadWorks provisioning ends in error 6001',
    body: {
      on: 'broadworksSubscriber',
      errorCode: 6001,
      description: 'BroadWorks did not answer',
      times: 1,
    },
  },
];

const NUMERIC = ['status', 'retryAfter', 'times', 'latencyMs', 'probability', 'errorCode'];

/** `/sim` (HTML): the simulator's control panel over the same commands as the JSON API. */
export const simPanelRoutes = (): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>();
  app.use('/', pageRenderer(simSection));
  app.use('/panel/*', pageRenderer(simSection));
  const panel = (c: Context<SurfaceEnv>, path = '') => `${c.env.base}/sim${path}`;

  const overview = async (
    c: Context<SurfaceEnv>,
    errors: FormErrors = NO_ERRORS,
    values: Record<string, string> = {},
  ) => {
    const w = c.env.world.read();
    const clock = describeClock(w.meta.clock, c.env.world.wall());
    const now = Date.parse(clock.now);
    // A page of the steps, soonest first (ties in the order they were made), read in turns of the
    // event loop: a world with thousands waiting renders one page of them, not all.
    const source = arraySource(eachScheduledStep(w), {
      text: (s) => `${describeStep(w, c.env.base, s).what} ${STEP_WORDS[s.step] ?? s.step}`,
      keys: { dueAt: (s) => Date.parse(s.dueAt) },
    });
    const query = readListQuery((k) => c.req.query(k), { sort: 'dueAt' }, source.sortKeys);
    const page = await pageOf(source, query);
    const steps = page.items.map((s) => ({
      ...describeStep(w, c.env.base, s),
      step: STEP_WORDS[s.step] ?? s.step,
      dueAt: s.dueAt,
      dueIn: dueIn(s.dueAt, now),
    }));
    const flash = flashOf(c);
    return c.render(
      <Overview
        view={{
          ...clock,
          state: { url: pageUrl(c), query, noun: 'scheduled steps' },
          page,
          stepsInAll: totalWithoutSearch(eachScheduledStep(w), query, page),
          seed: w.meta.seed,
          worldId: c.env.worldId,
          clockAction: panel(c, '/panel/clock'),
          resetAction: panel(c, '/panel/reset'),
          here: panel(c),
          steps,
          counts: [
            { label: 'Customers', n: w.count('customers') },
            { label: 'Wholesale subscribers', n: w.count('subscribers') },
            { label: 'BroadWorks subscribers', n: w.count('broadworksSubscribers') },
            { label: 'CCW orders', n: w.count('orders') },
            { label: 'Mail', n: w.count('mail') },
            { label: 'Faults', n: w.count('faults') },
          ],
          errors,
          values,
          ...(flash ? { flash } : {}),
        }}
      />,
      { title: 'Control panel · provisim' },
    );
  };
  app.get('/', (c) => overview(c));

  app.post('/panel/clock', async (c) => {
    const v = await formValues(c);
    const back = safeReturn(c, v.return);
    const speed = v.speed?.trim() ? Number(v.speed) : undefined;
    if (speed !== undefined && !(Number.isFinite(speed) && speed > 0)) {
      c.status(400);
      return overview(c, formErrors(['speed: must be a positive number']), v);
    }
    const cmd = {
      ...(v.mode === 'frozen' || v.mode === 'running'
        ? { mode: v.mode as 'frozen' | 'running' }
        : {}),
      ...(speed !== undefined ? { speed } : {}),
      ...(v.set?.trim() ? { set: v.set.trim() } : {}),
      ...(v.quick ? { advance: v.quick } : v.advance?.trim() ? { advance: v.advance.trim() } : {}),
    };
    if (Object.keys(cmd).length === 0) {
      c.status(400);
      return overview(
        c,
        formErrors(['advance: give a duration, an instant, a mode or a speed']),
        v,
      );
    }
    const r = c.env.world.changeClock(cmd);
    if (!r.ok) {
      if (back !== panel(c))
        return c.redirect(withFlash(back, { kind: 'error', text: r.error.message }), 303);
      c.status(r.error.status as 400);
      return overview(c, formErrors(r.error.errors.map((e) => e.description)), v);
    }
    const now = describeClock(r.value, c.env.world.wall()).now;
    return c.redirect(
      withFlash(back, { kind: 'ok', text: `The virtual clock is now ${now}.` }),
      303,
    );
  });
  app.post('/panel/reset', (c) => {
    c.env.world.reset();
    c.env.registry.journalOf(c.env.world).clear();
    return c.redirect(withFlash(panel(c), { kind: 'ok', text: 'The world was reset.' }), 303);
  });

  const faultsPage = (
    c: Context<SurfaceEnv>,
    errors: FormErrors = NO_ERRORS,
    values: Record<string, string> = {},
  ) => {
    const flash = flashOf(c);
    return c.render(
      <Faults
        view={{
          faults: c.env.world
            .read()
            .list('faults')
            .map((f) => ({
              id: f.id,
              text: describeFault(f),
              deleteAction: panel(c, `/panel/faults/${f.id}/delete`),
            })),
          presets: FAULT_PRESETS,
          addAction: panel(c, '/panel/faults'),
          clearAction: panel(c, '/panel/faults/clear'),
          errors,
          values,
          ...(flash ? { flash } : {}),
        }}
      />,
      { title: 'Faults · provisim' },
    );
  };
  app.get('/panel/faults', (c) => faultsPage(c));
  app.post('/panel/faults', async (c) => {
    const v = await formValues(c);
    const preset = FAULT_PRESETS.find((p) => p.id === v.preset);
    const body: Record<string, unknown> = preset
      ? { ...preset.body }
      : Object.fromEntries(
          Object.entries(v)
            .filter(([k, x]) => x.trim() !== '' && k !== 'preset')
            .map(([k, x]) => [
              k,
              NUMERIC.includes(k) && x.trim() !== '' && !Number.isNaN(Number(x))
                ? Number(x)
                : x.trim(),
            ]),
        );
    const r = c.env.world.transact((tx) => {
      const input = parseFault(body);
      return input.ok ? ok(addFault(tx, input.value)) : input;
    });
    if (!r.ok) {
      c.status(400);
      return faultsPage(c, formErrors(r.error.errors.map((e) => e.description)), v);
    }
    return c.redirect(
      withFlash(panel(c, '/panel/faults'), {
        kind: 'ok',
        text: `Added: ${describeFault(r.value)}`,
      }),
      303,
    );
  });
  app.post('/panel/faults/clear', (c) => {
    c.env.world.transact((tx) => {
      for (const f of tx.list('faults')) tx.delete('faults', f.id);
      return ok(undefined);
    });
    return c.redirect(
      withFlash(panel(c, '/panel/faults'), { kind: 'ok', text: 'Every fault was removed.' }),
      303,
    );
  });
  app.post('/panel/faults/:id/delete', (c) => {
    const id = c.req.param('id');
    c.env.world.transact((tx) => {
      tx.delete('faults', id);
      return ok(undefined);
    });
    return c.redirect(
      withFlash(panel(c, '/panel/faults'), { kind: 'ok', text: 'The fault was removed.' }),
      303,
    );
  });

  const delaysPage = (
    c: Context<SurfaceEnv>,
    errors: FormErrors = NO_ERRORS,
    values?: Record<string, string>,
  ) => {
    const current = c.env.world.meta.config.delays;
    const flash = flashOf(c);
    return c.render(
      <Delays
        view={{
          delays: (Object.keys(DEFAULT_DELAYS) as (keyof typeof DEFAULT_DELAYS)[]).map((name) => ({
            name,
            label: `${name} (default ${DEFAULT_DELAYS[name]})`,
            value: values?.[name] ?? current[name],
          })),
          action: panel(c, '/panel/delays'),
          errors,
          ...(flash ? { flash } : {}),
        }}
      />,
      { title: 'Delays · provisim' },
    );
  };
  app.get('/panel/delays', (c) => delaysPage(c));
  app.post('/panel/delays', async (c) => {
    const v = await formValues(c);
    const delays = Object.fromEntries(
      Object.keys(DEFAULT_DELAYS).map((k) => [k, (v[k] ?? '').trim()]),
    );
    const r = c.env.world.transact((tx) => {
      const next = patchConfig(tx.meta.config, { delays });
      if (next.ok) tx.setMeta({ ...tx.meta, config: next.value });
      return next;
    });
    if (!r.ok) {
      c.status(400);
      return delaysPage(c, formErrors(r.error.errors.map((e) => e.description)), v);
    }
    return c.redirect(
      withFlash(panel(c, '/panel/delays'), { kind: 'ok', text: 'The delays were saved.' }),
      303,
    );
  });

  const worldsPage = (c: Context<SurfaceEnv>, errors: FormErrors = NO_ERRORS) => {
    // Worlds are made and dropped at the root: a world's own page posts its forms there.
    const root =
      c.env.worldId === 'default' ? c.env.base : c.env.base.slice(0, -`/w/${c.env.worldId}`.length);
    const flash = flashOf(c);
    return c.render(
      <Worlds
        view={{
          worlds: c.env.registry.ids().map((id) => ({
            id,
            seed: c.env.registry.get(id)?.meta.seed,
            panel: `${root}/w/${id}/sim`,
            deleteAction: `${root}/sim/panel/worlds/${id}/delete`,
          })),
          defaultPanel: `${root}/sim`,
          createAction: `${root}/sim/panel/worlds`,
          errors,
          ...(flash ? { flash } : {}),
        }}
      />,
      { title: 'Worlds · provisim' },
    );
  };
  app.get('/panel/worlds', (c) => worldsPage(c));
  // Only the root makes and drops worlds (as POST/DELETE /sim/worlds): a world cannot reach others.
  app.post('/panel/worlds/*', async (c, next) => {
    if (c.env.worldId === 'default') return next();
    c.status(403);
    return worldsPage(
      c,
      formErrors([simErrors.worldsAtRoot({ method: 'POST', world: c.env.worldId }).message]),
    );
  });
  app.post('/panel/worlds', async (c) => {
    if (c.env.worldId !== 'default') {
      c.status(403);
      return worldsPage(
        c,
        formErrors([simErrors.worldsAtRoot({ method: 'POST', world: c.env.worldId }).message]),
      );
    }
    const v = await formValues(c);
    const text = (v.seed ?? '').trim();
    const seed = text === '' ? undefined : Number(text);
    if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 31)) {
      c.status(400);
      return worldsPage(c, formErrors(['seed: must be a whole number from 0 to 2147483647']));
    }
    const made = c.env.registry.create(seed, undefined);
    if (!made) {
      c.status(409);
      return worldsPage(
        c,
        formErrors([simErrors.worldsFull({ max: c.env.registry.maxWorlds }).message]),
      );
    }
    const { id } = made;
    return c.redirect(
      withFlash(panel(c, '/panel/worlds'), { kind: 'ok', text: `World ${id} was created.` }),
      303,
    );
  });
  app.post('/panel/worlds/:id/delete', async (c) => {
    const id = c.req.param('id');
    const gone = await c.env.registry.delete(id);
    return c.redirect(
      withFlash(panel(c, '/panel/worlds'), {
        kind: gone ? 'ok' : 'error',
        text: gone ? `World ${id} was deleted.` : `World ${id} not found.`,
      }),
      303,
    );
  });

  app.get('/panel/requests', async (c) => {
    const filters = {
      method: c.req.query('method') ?? '',
      path: c.req.query('path') ?? '',
      status: c.req.query('status') ?? '',
    };
    const statusOk = filters.status === '' || /^([1-5]\d\d|[1-5]xx)$/i.test(filters.status);
    const pathOk = filters.path === '' || filters.path.startsWith('/');
    const journal = c.env.registry.journalOf(c.env.world);
    const entries = journal.list({
      ...(filters.method ? { method: filters.method } : {}),
      ...(filters.path && pathOk ? { path: filters.path } : {}),
      ...(filters.status && statusOk ? { status: filters.status } : {}),
    });
    const source = arraySource(entries, {
      text: (e) => `${e.method} ${e.path}${e.query} ${e.status} ${e.body ?? ''}`,
      keys: {
        seq: (e) => e.seq,
        method: (e) => e.method,
        path: (e) => e.path,
        status: (e) => e.status,
        durationMs: (e) => e.durationMs,
      },
    });
    const query = readListQuery(
      (k) => c.req.query(k),
      { sort: 'seq', dir: 'desc', size: 50 },
      source.sortKeys,
    );
    const problems = [
      ...(statusOk ? [] : ['status: a status such as 429 or a class such as 4xx']),
      ...(pathOk ? [] : ['path: must start with / (* matches any run of characters)']),
    ];
    const page = await pageOf(source, query);
    return c.render(
      <Requests
        view={{
          state: { url: pageUrl(c), query, noun: 'requests' },
          page,
          all: entries.length,
          filters,
          action: panel(c, '/panel/requests'),
          clearAction: panel(c, '/panel/requests/clear'),
          errors: formErrors(problems),
        }}
      />,
      { title: 'Request journal · provisim' },
    );
  });
  app.post('/panel/requests/clear', (c) => {
    c.env.registry.journalOf(c.env.world).clear();
    return c.redirect(panel(c, '/panel/requests'), 303);
  });
  return app;
};
