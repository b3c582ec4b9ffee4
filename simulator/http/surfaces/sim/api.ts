import { Hono } from 'hono';
import { z } from 'zod';
import { describeClock, MAX_SPEED } from '../../../core/kernel/clock.ts';
import { emailField, text } from '../../../core/kernel/fields.ts';
import { patchConfig } from '../../../core/sim/config.ts';
import { invalidField, notFound } from '../../../core/kernel/errors.ts';
import { simErrors } from '../../../core/sim/errors.ts';
import { addFault } from '../../../core/sim/fault-ops.ts';
import { parseFault, publicFault } from '../../../core/sim/faults.ts';
import { newestFirst } from '../../../core/kernel/mail.ts';
import { linkUrl, renderMail } from '../../links.ts';
import { fail, ok } from '../../../core/kernel/result.ts';
import { worldSummary } from '../../../core/sim/world-summary.ts';
import { readBody, readJson } from '../../body.ts';
import type { SurfaceEnv } from '../../env.ts';
import { sendError, sendResult } from '../../respond.ts';

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

/** `/sim`: controlling the simulator (api.md, `/sim`; SIM-1, SIM-4). No token. */
export const simRoutes = (): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>();

  app.get('/health', (c) => c.json({ status: 'ok' }));

  app.get('/world', (c) =>
    c.json({
      id: c.env.worldId,
      base: c.env.base,
      ...worldSummary(c.env.world.read(), c.env.world.wall(), (l) => linkUrl(c.env.base, l)),
    }),
  );

  app.post('/reset', async (c) => {
    const body = await readBody(c, z.strictObject({ seed: seedSchema.optional() }), {
      emptyAsObject: true,
    });
    if (!body.ok) return sendError(c, body.error);
    c.env.world.reset(body.value.seed);
    c.env.registry.journalOf(c.env.world).clear();
    return c.json({
      id: c.env.worldId,
      base: c.env.base,
      ...worldSummary(c.env.world.read(), c.env.world.wall(), (l) => linkUrl(c.env.base, l)),
    });
  });

  app.get('/clock', (c) => c.json(describeClock(c.env.world.clock(), c.env.world.wall())));
  app.post('/clock', async (c) => {
    const body = await readBody(c, clockSchema);
    if (!body.ok) return sendError(c, body.error);
    const { advance, set, mode, speed } = body.value;
    const r = c.env.world.changeClock({
      ...(advance !== undefined ? { advance } : {}),
      ...(set !== undefined ? { set } : {}),
      ...(mode !== undefined ? { mode } : {}),
      ...(speed !== undefined ? { speed } : {}),
    });
    return sendResult(c, r, 200, (s) => describeClock(s, c.env.world.wall()));
  });

  app.get('/config', (c) => c.json(c.env.world.meta.config));
  app.patch('/config', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return sendError(c, body.error);
    const r = c.env.world.transact((tx) => {
      const next = patchConfig(tx.meta.config, body.value);
      if (next.ok) tx.setMeta({ ...tx.meta, config: next.value });
      return next;
    });
    return sendResult(c, r);
  });

  app.get('/faults', (c) => c.json({ items: c.env.world.read().list('faults').map(publicFault) }));
  app.post('/faults', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return sendError(c, body.error);
    const r = c.env.world.transact((tx) => {
      const input = parseFault(body.value);
      return input.ok ? ok(addFault(tx, input.value)) : input;
    });
    return sendResult(c, r, 201, publicFault);
  });
  app.delete('/faults', (c) => {
    c.env.world.transact((tx) => {
      for (const f of tx.list('faults')) tx.delete('faults', f.id);
      return ok(undefined);
    });
    return c.body(null, 204);
  });
  app.delete('/faults/:id', (c) => {
    const id = c.req.param('id');
    const r = c.env.world.transact((tx) => {
      if (!tx.get('faults', id)) return fail(notFound(`Fault ${id}`));
      tx.delete('faults', id);
      return ok(undefined);
    });
    return r.ok ? c.body(null, 204) : sendError(c, r.error);
  });

  app.get('/mail', (c) => {
    const to = c.req.query('to');
    if (to !== undefined && !emailField.safeParse(to).success) {
      return sendError(
        c,
        invalidField('to', `must be one email address (got ${JSON.stringify(to)})`),
      );
    }
    const wanted = to?.toLowerCase();
    const items = [...c.env.world.read().list('mail')]
      .filter((m) => wanted === undefined || m.to.some((t) => t.toLowerCase() === wanted))
      .sort(newestFirst)
      .map((m) => renderMail(m, c.env.base));
    return c.json({ items });
  });

  app.get('/worlds', (c) => {
    const origin = new URL(c.req.url).origin;
    return c.json({
      items: c.env.registry
        .ids()
        .map((id) => ({ id, base: `${origin}/w/${id}`, seed: c.env.registry.get(id)?.meta.seed })),
    });
  });
  // Only the root /sim makes and drops worlds: a world cannot reach its neighbours.
  app.on(['POST', 'DELETE'], ['/worlds', '/worlds/*'], async (c, next) =>
    c.env.worldId === 'default'
      ? next()
      : sendError(c, simErrors.worldsAtRoot({ method: c.req.method, world: c.env.worldId })),
  );
  app.post('/worlds', async (c) => {
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
  });
  app.delete('/worlds/:id', async (c) => {
    const id = c.req.param('id');
    return (await c.env.registry.delete(id))
      ? c.body(null, 204)
      : sendError(c, notFound(`World ${id}`));
  });

  return app;
};
