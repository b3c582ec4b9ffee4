/**
 * The JSON of a view of a stored entity, made once and reused. A store keeps its entities deeply
 * frozen and replaces one on every change (kernel/store-port.ts), so the identity of the entity,
 * and of the one other stored entity its view reads (`dep`: a subscriber's customer, for its
 * `externalCustomerId`), fixes what the view writes. A list page of 50 then costs 50 lookups and a
 * join instead of 50 views and their `JSON.stringify` (issue 13: lists at 1M as fast as on an empty
 * world).
 *
 * Bounded: two generations of at most `limit` entries; when the young one is full it becomes the
 * old one and the old one goes. An entity (or `dep`) that is not frozen is never kept, since it
 * could still change under the same identity.
 */
export const viewJson = <E extends object, D extends object | undefined>(
  view: (entity: E, dep: D) => unknown,
  limit = 4_096,
): ((entity: E, dep: D) => string) => {
  interface Kept {
    readonly dep: D;
    readonly json: string;
  }
  let young = new Map<E, Kept>();
  let old = new Map<E, Kept>();
  const keep = (entity: E, kept: Kept): void => {
    if (young.size >= limit) {
      old = young;
      young = new Map();
    }
    young.set(entity, kept);
  };
  return (entity, dep) => {
    const hit = young.get(entity);
    if (hit !== undefined && hit.dep === dep) return hit.json;
    const older = hit === undefined ? old.get(entity) : undefined;
    if (older !== undefined && older.dep === dep) {
      keep(entity, older);
      return older.json;
    }
    const json = JSON.stringify(view(entity, dep));
    if (Object.isFrozen(entity) && (dep === undefined || Object.isFrozen(dep)))
      keep(entity, { dep, json });
    return json;
  };
};
