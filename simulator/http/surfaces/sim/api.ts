import { z } from 'zod';
import { describeClock, MAX_SPEED } from '../../../core/kernel/clock.ts';
import { emailField, text } from '../../../core/kernel/fields.ts';
import { patchConfig } from '../../../core/sim/config.ts';
import { invalidField, notFound } from '../../../core/kernel/errors.ts';
import { simErrors } from '../../../core/sim/errors.ts';
import { addFault } from '../../../core/sim/fault-ops.ts';
import { parseFault, publicFault } from '../../../core/sim/faults.ts';
import { oldestFirst } from '../../../core/kernel/mail.ts';
import { renderMail } from '../../links.ts';
import { bodyInTurns, jsonItems, VIEWS_A_TURN } from '../../next-turn.ts';
import { fail, ok } from '../../../core/kernel/result.ts';
import { readBody, readJson } from '../../body.ts';
import type { Context } from 'hono';
import type { SurfaceEnv } from '../../env.ts';
import { sendError, sendResult } from '../../respond.ts';
import { RouteTable, type ApiRoute } from '../../route-table.ts';
import { addRequestRoutes } from './requests-api.ts';
import { addSnapshotRoutes } from './snapshots-api.ts';
import { worldAnswer } from './world-answer.ts';
import { runDueEvents } from '../../due-events.ts';

export const seedSchema = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1);
const clockModeSchema = z.enum(['frozen', 'running']);

export const clockSchema = z
  .strictObject({
    advance: text(64).optional(),
    set: text(64).optional(),
    mode: clockModeSchema.optional(),
    speed: z.number().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, {
    message: 'give at least one of advance, set, mode, speed',
    when: (payload) => payload.issues.length === 0,
  });

export const worldSchema = z.strictObject({
  seed: seedSchema.optional(),
  clock: z
    .strictObject({
      mode: clockModeSchema,
      now: text(64)
        .pipe(z.iso.datetime({ offset: true }))
        .optional(),
      speed: z.number().positive().max(MAX_SPEED).optional(),
    })
    .optional(),
});

const resetSchema = z.strictObject({ seed: seedSchema.optional() });

/** The world itself: health, summary, reset, clock, config, faults and mail (SIM-1, SIM-4). */
const addWorldRoutes = (t: RouteTable): void => {
  t.get('/health', { summary: 'Health', responses: [200], public: true }, (c) =>
    c.json({ status: 'ok' }),
  );
  t.get(
    '/world',
    {
      summary: 'The world: partners, tokens, templates, enterprises, clock, seed',
      responses: [200],
      public: true,
    },
    (c) => c.json(worldAnswer(c)),
  );
  t.post(
    '/reset',
    { summary: 'Restore the seeded state', responses: [200, 400], body: resetSchema, public: true },
    async (c) => {
      const body = await readBody(c, resetSchema, { emptyAsObject: true });
      if (!body.ok) return sendError(c, body.error);
      c.env.world.reset(body.value.seed);
      c.env.registry.journalOf(c.env.world).clear();
      return c.json(worldAnswer(c));
    },
  );

  t.get(
    '/clock',
    { summary: 'The virtual clock {now, mode, speed}', responses: [200], public: true },
    (c) => c.json(describeClock(c.env.world.clock(), c.env.world.wall())),
  );
  t.post(
    '/clock',
    { summary: 'Move the clock', responses: [200, 400, 409], body: clockSchema, public: true },
    async (c) => {
      const body = await readBody(c, clockSchema);
      if (!body.ok) return sendError(c, body.error);
      const { advance, set, mode, speed } = body.value;
      const r = c.env.world.moveClock({
        ...(advance !== undefined ? { advance } : {}),
        ...(set !== undefined ? { set } : {}),
        ...(mode !== undefined ? { mode } : {}),
        ...(speed !== undefined ? { speed } : {}),
      });
      // What came due runs before the answer, the server answering others meanwhile.
      if (r.ok) await runDueEvents(c.env.world);
      return sendResult(c, r, 200, (s) => describeClock(s, c.env.world.wall()));
    },
  );

  t.get('/config', { summary: 'Provisioning delays', responses: [200], public: true }, (c) =>
    c.json(c.env.world.meta.config),
  );
  t.patch(
    '/config',
    { summary: 'Change delays {delays}', responses: [200, 400], body: 'json', public: true },
    async (c) => {
      const body = await readJson(c);
      if (!body.ok) return sendError(c, body.error);
      const r = c.env.world.transact((tx) => {
        const next = patchConfig(tx.meta.config, body.value);
        if (next.ok) tx.setMeta({ ...tx.meta, config: next.value });
        return next;
      });
      return sendResult(c, r);
    },
  );

  t.get('/faults', { summary: 'Injected faults', responses: [200], public: true }, (c) =>
    c.json({ items: c.env.world.read().list('faults').map(publicFault) }),
  );
  t.post(
    '/faults',
    {
      summary: 'Inject a request or step fault',
      responses: [201, 400],
      body: 'json',
      public: true,
    },
    async (c) => {
      const body = await readJson(c);
      if (!body.ok) return sendError(c, body.error);
      const r = c.env.world.transact((tx) => {
        const input = parseFault(body.value);
        return input.ok ? ok(addFault(tx, input.value)) : input;
      });
      return sendResult(c, r, 201, publicFault);
    },
  );
  t.delete('/faults', { summary: 'Remove every fault', responses: [204], public: true }, (c) => {
    c.env.world.transact((tx) => {
      for (const f of tx.list('faults')) tx.delete('faults', f.id);
      return ok(undefined);
    });
    return c.body(null, 204);
  });
  t.delete(
    '/faults/:id',
    { summary: 'Remove one fault', responses: [204, 404], public: true },
    (c) => {
      const id = c.req.param('id');
      const r = c.env.world.transact((tx) => {
        if (!tx.get('faults', id)) return fail(notFound(`Fault ${id}`));
        tx.delete('faults', id);
        return ok(undefined);
      });
      return r.ok ? c.body(null, 204) : sendError(c, r.error);
    },
  );

  t.get(
    '/mail',
    { summary: 'The outbox, newest first (?to=)', responses: [200, 400], public: true },
    (c) => {
      const to = c.req.query('to');
      if (to !== undefined && !emailField.safeParse(to).success) {
        return sendError(
          c,
          invalidField('to', `must be one email address (got ${JSON.stringify(to)})`),
        );
      }
      const wanted = to?.toLowerCase();
      // Newest first: the mails oldest first, read backwards. Unpaged (api.md), so written in
      // turns as the client reads it.
      const all = oldestFirst(c.env.world.read().list('mail'));
      const newest = function* () {
        for (let i = all.length - 1; i >= 0; i -= 1) {
          const m = all[i]!;
          if (wanted === undefined || m.to.some((t) => t.toLowerCase() === wanted)) yield m;
        }
      };
      return c.body(
        bodyInTurns(
          jsonItems(newest(), (m) => renderMail(m, c.env.base)),
          VIEWS_A_TURN,
        ),
        200,
        {
          'content-type': 'application/json',
        },
      );
    },
  );
};

// Only the root /sim makes and drops worlds: a world cannot reach its neighbours.
const atRoot = (c: Context<SurfaceEnv>): boolean => c.env.worldId === 'default';
const notAtRoot = (c: Context<SurfaceEnv>): Response =>
  sendError(c, simErrors.worldsAtRoot({ method: c.req.method, world: c.env.worldId }));

/** Worlds: list, create, drop (api.md, Worlds). */
const addWorldsRoutes = (t: RouteTable): void => {
  t.get('/worlds', { summary: 'Worlds', responses: [200], public: true }, (c) => {
    const origin = new URL(c.req.url).origin;
    return c.json({
      items: c.env.registry
        .ids()
        .map((id) => ({ id, base: `${origin}/w/${id}`, seed: c.env.registry.get(id)?.meta.seed })),
    });
  });
  t.post(
    '/worlds',
    { summary: 'Create a world', responses: [201, 400], body: worldSchema, public: true },
    async (c) => {
      if (!atRoot(c)) return notAtRoot(c);
      const body = await readBody(c, worldSchema, { emptyAsObject: true });
      if (!body.ok) return sendError(c, body.error);
      const { seed, clock } = body.value;
      const init = clock
        ? {
            mode: clock.mode,
            ...(clock.now ? { start: clock.now } : {}),
            ...(clock.speed ? { speed: clock.speed } : {}),
          }
        : undefined;
      const made = c.env.registry.create(seed, init);
      if (!made) return sendError(c, simErrors.worldsFull({ max: c.env.registry.maxWorlds }));
      const { id } = made;
      const base = `${new URL(c.req.url).origin}/w/${id}`;
      c.header('Location', base);
      return c.json({ id, base }, 201);
    },
  );
  t.delete(
    '/worlds/:id',
    { summary: 'Drop a world', responses: [204, 404], public: true },
    async (c) => {
      if (!atRoot(c)) return notAtRoot(c);
      const id = c.req.param('id');
      return (await c.env.registry.delete(id))
        ? c.body(null, 204)
        : sendError(c, notFound(`World ${id}`));
    },
  );
};

/**
 * `/sim`: controlling the simulator (api.md, `/sim`; SIM-1, SIM-4), on the route table like every
 * JSON surface, so `/openapi.json` documents what is served. No token: every route is public.
 */
export const simApi = (): readonly ApiRoute[] => {
  const t = new RouteTable('/sim', 'sim');
  addWorldRoutes(t);
  addRequestRoutes(t);
  addSnapshotRoutes(t);
  addWorldsRoutes(t);
  return t.routes;
};
