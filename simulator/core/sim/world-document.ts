import { z } from 'zod';
import type { ClockState } from '../kernel/clock.ts';
import { ErrorCode, invalidFields, type ErrorItem } from '../kernel/errors.ts';
import type { WorldMeta } from '../kernel/model.ts';
import { fail, ok, type Result } from '../kernel/result.ts';
import type { Entity } from '../kernel/store-port.ts';
import { parseWith } from '../kernel/validation.ts';
import { text } from '../kernel/fields.ts';
import type { CollectionName } from '../collections.ts';
import { DEFAULT_DELAYS, defaultConfig, patchConfig } from './config.ts';
import { metaRecords } from '../kernel/world-tx.ts';

/**
 * A world as data (api.md, Snapshots): every collection of its store (entities, clock, faults,
 * config, mail, pending events) and the virtual time it was taken at. A snapshot keeps one in
 * memory; `GET /sim/export` writes one as a versioned document, and `POST /sim/import` or
 * `provisim serve --data` starts a world from one.
 */
export interface WorldImage {
  /** The virtual time the world was at, ISO 8601. */
  readonly at: string;
  readonly collections: Readonly<Record<string, readonly Entity[]>>;
}

export const WORLD_FORMAT = 'provisim-world';
export const WORLD_VERSION = 1;

export interface WorldDocument extends WorldImage {
  readonly format: typeof WORLD_FORMAT;
  readonly version: typeof WORLD_VERSION;
}

/** Every collection a world keeps; a document naming another is refused. */
const COLLECTIONS = [
  'meta',
  'partners',
  'users',
  'subscriptions',
  'templates',
  'enterprises',
  'subPartners',
  'customers',
  'locations',
  'subscribers',
  'broadworksSubscribers',
  'broadworksWorkspaces',
  'directorySyncs',
  'billingReports',
  'usageRecords',
  'orders',
  'cases',
  'mail',
  'faults',
  'events',
] as const satisfies readonly CollectionName[];
// Fails to compile when a collection is added to `Collections` but not here.
const allListed: Exclude<CollectionName, (typeof COLLECTIONS)[number]> extends never
  ? true
  : false = true;
void allListed;

const entity = z.looseObject({ id: z.string().min(1) });
const instant = text(64).pipe(z.iso.datetime({ offset: true }));
const count = z.number().int().min(0);
const clockMode = z.enum(['frozen', 'running']);

const metaSchema = z.strictObject({
  id: z.literal('world'),
  seed: count,
  clockInit: z.strictObject({
    mode: clockMode,
    start: z.string().optional(),
    speed: z.number().positive().optional(),
  }),
  clock: z.strictObject({
    mode: clockMode,
    speed: z.number().positive(),
    anchorVirtual: z.number().int(),
    anchorWall: z.number(),
  }),
  rng: z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()]),
  seq: count,
  config: z.strictObject({
    delays: z.strictObject(
      Object.fromEntries(Object.keys(DEFAULT_DELAYS).map((k) => [k, text(64)])) as Record<
        keyof typeof DEFAULT_DELAYS,
        z.ZodString
      >,
    ),
  }),
  freeAccounts: z.array(z.string()),
  supportedCountries: z.array(z.string()),
  pstnProviders: z.array(z.string()),
});

const documentSchema = z.strictObject({
  format: z.literal(WORLD_FORMAT),
  version: z.literal(WORLD_VERSION),
  at: instant,
  collections: z.strictObject(
    Object.fromEntries(COLLECTIONS.map((name) => [name, z.array(entity).optional()])) as Record<
      (typeof COLLECTIONS)[number],
      z.ZodOptional<z.ZodArray<typeof entity>>
    >,
  ),
});

/** The world's meta entity (clock, seed, config), the one entity every document must hold. */
const metaOf = (image: WorldImage): WorldMeta | undefined =>
  image.collections['meta']?.find((e) => e.id === 'world') as WorldMeta | undefined;

/**
 * Checks a document before it replaces a world: the format and version, the known collections,
 * one meta entity of the right shape, entities with ids unique in their collection. Linear in the
 * document's size; every problem is named by its path.
 */
export const parseWorldDocument = (input: unknown): Result<WorldDocument> => {
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const { format, version } = input as { format?: unknown; version?: unknown };
    if (format === WORLD_FORMAT && version !== WORLD_VERSION)
      return fail(
        invalidFields([
          {
            description: `version: this simulator reads version ${WORLD_VERSION} of ${WORLD_FORMAT} documents (got ${JSON.stringify(version)})`,
            errorCode: ErrorCode.invalidValue,
            field: 'version',
          },
        ]),
      );
  }
  const doc = parseWith(documentSchema, input);
  if (!doc.ok) return doc;
  const problems: ErrorItem[] = [];
  for (const [name, items] of Object.entries(doc.value.collections)) {
    const seen = new Set<string>();
    (items ?? []).forEach((e, i) => {
      if (seen.has(e.id))
        problems.push({
          description: `collections.${name}[${i}].id: ${JSON.stringify(e.id)} appears twice in ${name}`,
          errorCode: ErrorCode.invalidValue,
          field: `collections.${name}[${i}].id`,
        });
      seen.add(e.id);
    });
  }
  const metas = doc.value.collections.meta ?? [];
  if (metas.length !== 1 || metas[0]?.id !== 'world') {
    problems.push({
      description: 'collections.meta: must hold exactly one entity, the world ({"id": "world", …})',
      errorCode: ErrorCode.invalidValue,
      field: 'collections.meta',
    });
  } else {
    const meta = parseWith(metaSchema, metas[0]);
    // The delays must be durations the world can schedule with, as `PATCH /sim/config` checks.
    const delays = meta.ok ? patchConfig(defaultConfig(), meta.value.config) : undefined;
    if (delays && !delays.ok)
      problems.push(
        ...delays.error.errors.map((e) => ({
          ...e,
          description: `collections.meta[0].config.${e.description}`,
          ...(e.field !== undefined ? { field: `collections.meta[0].config.${e.field}` } : {}),
        })),
      );
    if (!meta.ok)
      problems.push(
        ...meta.error.errors.map((e) => ({
          ...e,
          description: `collections.meta[0].${e.description}`,
          ...(e.field !== undefined ? { field: `collections.meta[0].${e.field}` } : {}),
        })),
      );
  }
  if (problems.length > 0) return fail(invalidFields(problems));
  // The document's own entities in its own order (a schema's output may reorder keys), so an
  // import is byte-identical to the export.
  const given = (input as { collections: Record<string, readonly Entity[] | undefined> })
    .collections;
  const collections: Record<string, readonly Entity[]> = {};
  for (const [name, items] of Object.entries(given)) if (items) collections[name] = items;
  return ok({
    format: WORLD_FORMAT,
    version: WORLD_VERSION,
    at: doc.value.at,
    collections,
  });
};

/** A world image as the versioned document `GET /sim/export` answers. */
export const worldDocument = (image: WorldImage): WorldDocument => ({
  format: WORLD_FORMAT,
  version: WORLD_VERSION,
  at: image.at,
  collections: image.collections,
});

/**
 * A document as JSON text, in pieces of about `pieceChars` characters: together they are exactly
 * `JSON.stringify(doc)`, but no one string holds the whole world (a world of a million subscribers
 * is larger than the longest string V8 makes), and a reader may take one piece at a time.
 */
export function* documentJson(doc: WorldDocument, pieceChars = 1 << 20): Generator<string> {
  let piece = `{"format":${JSON.stringify(doc.format)},"version":${JSON.stringify(doc.version)},"at":${JSON.stringify(doc.at)},"collections":{`;
  let c = 0;
  for (const [name, items] of Object.entries(doc.collections)) {
    piece += `${c++ > 0 ? ',' : ''}${JSON.stringify(name)}:[`;
    let i = 0;
    for (const e of items) {
      piece += `${i++ > 0 ? ',' : ''}${JSON.stringify(e)}`;
      if (piece.length >= pieceChars) {
        yield piece;
        piece = '';
      }
    }
    piece += ']';
  }
  yield `${piece}}}`;
}

/**
 * The clock an installed image starts with: the image's virtual time; a running clock runs on from
 * it (re-anchored at the wall clock's `wall`), a frozen one is kept exactly as it was.
 */
const installedClock = (clock: ClockState, at: number, wall: number): ClockState =>
  clock.mode === 'running'
    ? { ...clock, anchorVirtual: at, anchorWall: wall }
    : { ...clock, anchorVirtual: at };

/** The collections a world holds once an image is installed at wall time `wall`. */
export const installedCollections = (
  image: WorldImage,
  wall: number,
): Readonly<Record<string, readonly Entity[]>> => {
  const meta = metaOf(image);
  if (!meta) return image.collections;
  const at = Date.parse(image.at);
  return {
    ...image.collections,
    meta: (image.collections['meta'] ?? []).flatMap((e) =>
      e.id === 'world'
        ? metaRecords({ ...meta, clock: installedClock(meta.clock, at, wall) })
        : e.id === 'state'
          ? []
          : [e],
    ),
  };
};

/** A running clock's state as of `now`, so an image holds the time it was taken at. */
export const capturedClock = (clock: ClockState, now: number, wall: number): ClockState =>
  clock.mode === 'running' ? { ...clock, anchorVirtual: now, anchorWall: wall } : clock;
