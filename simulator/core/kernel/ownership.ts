import { notFound } from './errors.ts';
import { INDEXES } from './indexes.ts';
import type { CollectionName, Collections } from '../collections.ts';
import { fail, ok, type Result } from './result.ts';
import type { WorldReader } from './world-tx.ts';

type Owned = {
  [K in CollectionName]: Collections[K] extends { readonly partnerId: string } ? K : never;
}[CollectionName];

/**
 * A partner's own object (SIM-3): another partner's answers 404 exactly like one that does not
 * exist, so nobody can learn that it does.
 */
export const ownedBy = <K extends Owned>(
  w: WorldReader,
  collection: K,
  id: string,
  partnerId: string,
  label: string,
): Result<Collections[K]> => {
  const found = w.get(collection, id) as
    (Collections[K] & { readonly partnerId: string }) | undefined;
  return found && found.partnerId === partnerId ? ok(found) : fail(notFound(`${label} ${id}`));
};

/** A partner's objects of a collection, in store order: through the partner index where there is one. */
export const ownList = <K extends Owned>(
  w: WorldReader,
  collection: K,
  partnerId: string,
): Collections[K][] =>
  INDEXES[collection]?.partnerId
    ? [...w.lookup(collection, 'partnerId', partnerId)]
    : w
        .list(collection)
        .filter((e) => (e as { readonly partnerId: string }).partnerId === partnerId);
