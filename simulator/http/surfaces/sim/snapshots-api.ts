import { z } from 'zod';
import { snapshotNameSchema } from '../../../core/sim/snapshots.ts';
import {
  documentJson,
  parseWorldDocument,
  worldDocument,
} from '../../../core/sim/world-document.ts';
import { readBody, readJson } from '../../body.ts';
import type { World } from '../../../core/kernel/world.ts';
import type { WorldImage } from '../../../core/sim/world-document.ts';
import { bodyInTurns, inTurns, nextTurn } from '../../next-turn.ts';
import { exclusively } from '../../world-gate.ts';
import { BODY_LIMITS } from '../../middleware/body-limits.ts';
import type { RouteTable } from '../../route-table.ts';
import { sendError, sendResult } from '../../respond.ts';
import { worldAnswer } from './world-answer.ts';

/**
 * A world replaced by an image in steps, a turn of the event loop between two (`World.install`):
 * other worlds are answered meanwhile, and this world's requests wait for it (world-gate.ts).
 */
const installed = (world: World, image: WorldImage): Promise<void> =>
  exclusively(world, () => inTurns(world.install(image)));

const snapshotSchema = z.strictObject({ name: snapshotNameSchema.optional() });

/**
 * A world document's JSON: as deep as any other body, but its collections and their texts are as
 * long as the world (the body itself is bounded by `BODY_LIMITS.world`).
 */
const DOCUMENT_LIMITS = { string: BODY_LIMITS.world, items: BODY_LIMITS.world };

/**
 * Snapshots, export and import (api.md, Snapshots). A snapshot or an export holds the whole world:
 * entities, clock, faults, config, mail and pending events; restoring or importing replaces the
 * world with it at once (made in steps, while other worlds are answered) and keeps the request
 * journal. Bad input changes nothing.
 */
export const addSnapshotRoutes = (t: RouteTable): void => {
  t.post(
    '/snapshots',
    {
      summary: 'Take a snapshot of the world {name?}',
      responses: [201, 400, 409],
      body: snapshotSchema,
      public: true,
    },
    async (c) => {
      const body = await readBody(c, snapshotSchema, { emptyAsObject: true });
      if (!body.ok) return sendError(c, body.error);
      const r = c.env.registry
        .snapshotsOf(c.env.world)
        .take(c.env.world.capture(), body.value.name, new Date(c.env.world.wall()).toISOString());
      return sendResult(c, r, 201);
    },
  );
  t.get('/snapshots', { summary: 'Snapshots, oldest first', responses: [200], public: true }, (c) =>
    c.json({ items: c.env.registry.snapshotsOf(c.env.world).list() }),
  );
  t.post(
    '/snapshots/:id/restore',
    {
      summary: 'Restore a snapshot (by id or name): the world exactly as it was',
      responses: [200, 404],
      public: true,
    },
    async (c) => {
      const image = c.env.registry.snapshotsOf(c.env.world).image(c.req.param('id'));
      if (!image.ok) return sendError(c, image.error);
      await installed(c.env.world, image.value);
      return c.json(worldAnswer(c));
    },
  );
  t.delete(
    '/snapshots/:id',
    { summary: 'Delete a snapshot (by id or name)', responses: [204, 404], public: true },
    (c) => {
      const r = c.env.registry.snapshotsOf(c.env.world).remove(c.req.param('id'));
      return r.ok ? c.body(null, 204) : sendError(c, r.error);
    },
  );
  t.get(
    '/export',
    { summary: 'The whole world as one versioned JSON document', responses: [200], public: true },
    (c) => {
      // Written a piece (about 1 MB) at a time as the client reads, with a turn of the event loop
      // between two: a large world is never one string, and other requests are answered meanwhile.
      const pieces = documentJson(worldDocument(c.env.world.capture()));
      return c.body(bodyInTurns(pieces, 1), 200, { 'content-type': 'application/json' });
    },
  );
  t.post(
    '/import',
    {
      summary: 'Replace the world with an exported document',
      responses: [200, 400, 413, 415],
      body: 'json',
      public: true,
    },
    async (c) => {
      const body = await readJson(c, { limits: DOCUMENT_LIMITS });
      if (!body.ok) return sendError(c, body.error);
      await nextTurn();
      const doc = parseWorldDocument(body.value);
      if (!doc.ok) return sendError(c, doc.error);
      await installed(c.env.world, doc.value);
      return c.json(worldAnswer(c));
    },
  );
};
