import { patternField } from '../kernel/fields.ts';
import { notFound, type DomainError } from '../kernel/errors.ts';
import { fail, ok, type Result } from '../kernel/result.ts';
import { simErrors } from './errors.ts';
import type { WorldImage } from './world-document.ts';

/** What `/sim/snapshots` shows of a snapshot (api.md, Snapshots). */
export interface SnapshotView {
  readonly id: string;
  readonly name: string | null;
  /** The virtual time the world was at. */
  readonly at: string;
  /** The wall-clock time it was taken. */
  readonly createdAt: string;
}

interface Snapshot extends SnapshotView {
  readonly image: WorldImage;
}

/** A snapshot's name: it may stand for the id in a path, so it is a path segment. */
export const snapshotNameSchema = patternField(
  100,
  /^[A-Za-z0-9][\w.-]{0,99}$/,
  'must be 1 to 100 letters, digits, dots, dashes or underscores, starting with a letter or digit',
);

/** Snapshots a world keeps at most. */
export const MAX_SNAPSHOTS = 100;

const view = ({ id, name, at, createdAt }: Snapshot): SnapshotView => ({ id, name, at, createdAt });

/**
 * One world's snapshots, in the order taken. Each holds an image of the world (its store's frozen
 * entities, shared, not copied); they live beside the world in memory, as long as the world does.
 */
export class SnapshotShelf {
  readonly #items = new Map<string, Snapshot>();
  #next = 1;

  take(image: WorldImage, name: string | undefined, createdAt: string): Result<SnapshotView> {
    if (name !== undefined && this.find(name)) return fail(simErrors.snapshotNameTaken({ name }));
    if (this.#items.size >= MAX_SNAPSHOTS)
      return fail(simErrors.tooManySnapshots({ max: MAX_SNAPSHOTS }));
    let id = `snap-${this.#next++}`;
    while (this.find(id)) id = `snap-${this.#next++}`;
    const snapshot: Snapshot = { id, name: name ?? null, at: image.at, createdAt, image };
    this.#items.set(id, snapshot);
    return ok(view(snapshot));
  }

  list(): SnapshotView[] {
    return [...this.#items.values()].map(view);
  }

  /** The image of the snapshot with this id, or else this name; 404 when there is none. */
  image(idOrName: string): Result<WorldImage> {
    const s = this.find(idOrName);
    return s ? ok(s.image) : fail(missing(idOrName));
  }

  remove(idOrName: string): Result<void> {
    const s = this.find(idOrName);
    if (!s) return fail(missing(idOrName));
    this.#items.delete(s.id);
    return ok(undefined);
  }

  find(idOrName: string): Snapshot | undefined {
    const byId = this.#items.get(idOrName);
    if (byId) return byId;
    for (const s of this.#items.values()) if (s.name === idOrName) return s;
    return undefined;
  }
}

const missing = (idOrName: string): DomainError => notFound(`Snapshot ${idOrName}`);
