/**
 * Equal values shared among the entities of a world as it is read from a data file. JSON.parse
 * makes a string of every value it reads, so a world of a million subscribers held a million
 * copies of its partner's id, of each customer's id, name and external id, of a few statuses,
 * times and package lists, in each subscriber and again in its usage record: about half of the
 * heap of a loaded world (issue 13: worlds of a million subscribers). Stored entities are frozen
 * (kernel/store-port.ts), so two of them may hold the same string, list or record.
 *
 * A field whose values are mostly distinct (ids, emails) stops being pooled once that shows, so
 * the pool holds what repeats. The sharer is meant for one read: drop it after, and its pool goes.
 */

/** Values of a field looked at before deciding again whether it repeats. */
const SAMPLE = 1_024;
/** A field repeats when fewer than this share of its sampled values were new. */
const REPEATS_BELOW = 0.5;
/** Longer strings are left alone (texts, certificates: rare, and costly to hash). */
const LONGEST = 256;
/** Lists and records of more members than this are left alone. */
const LARGEST = 16;

/** What was seen of a field's values: its strings, its lists or records, and their members. */
interface Field {
  /** Values, and new values, in the field's current window. */
  seen: number;
  fresh: number;
  /** False once the field's values proved mostly distinct. */
  pooled: boolean;
  /** The field as a list or record (counted apart from its strings). */
  shape?: Field;
  /** The members of its records, by name, and the items of its lists. */
  members?: Map<string, Field>;
  items?: Field;
  /** The field's last string, pooled: neighbours mostly share a customer, a partner, a time. */
  last?: string;
}

const newField = (): Field => ({ seen: 0, fresh: 0, pooled: true });

export interface ValueSharer {
  /**
   * Takes an entity fresh from JSON.parse (nothing else holds it) and returns it with its values
   * shared with those of the entities given before, where equal: strings, and lists or records of
   * a few plain values. The entity is changed in place.
   */
  share<T>(entity: T): T;
  /** How many distinct values the pool holds. */
  readonly pooled: number;
}

export const valueSharer = (): ValueSharer => {
  const strings = new Map<string, string>();
  const shapes = new Map<string, object>();
  const root = newField();

  const memberOf = (field: Field, name: string): Field => {
    field.members ??= new Map();
    let m = field.members.get(name);
    if (m === undefined) {
      m = newField();
      field.members.set(name, m);
    }
    return m;
  };

  /**
   * Counts a value of a pooled field (`fresh` when not seen before); at the end of each window of
   * SAMPLE values, a field whose values were mostly fresh stops being pooled.
   */
  const count = (field: Field, fresh: boolean): void => {
    field.seen += 1;
    if (fresh) field.fresh += 1;
    if (field.seen < SAMPLE) return;
    if (field.fresh >= SAMPLE * REPEATS_BELOW) field.pooled = false;
    field.seen = 0;
    field.fresh = 0;
  };

  /** The pooled value under `key`, or `value` pooled there; counts for the field. */
  const pooled = <V>(pool: Map<string, V>, field: Field, key: string, value: V): V => {
    const had = pool.get(key);
    count(field, had === undefined);
    if (had !== undefined) return had;
    pool.set(key, value);
    return value;
  };

  /**
   * A key naming a list or record of plain values (each name and string after its length, so two
   * different ones never share a key), or undefined when it has other members.
   */
  const shapeKey = (value: object): string | undefined => {
    let key = Array.isArray(value) ? '[' : '{';
    let members = 0;
    for (const k in value) {
      if (++members > LARGEST) return undefined;
      const v = (value as Record<string, unknown>)[k];
      key += `${k.length}:${k}`;
      if (typeof v === 'string') key += `s${v.length}:${v}`;
      else if (v === null) key += 'z';
      else if (typeof v === 'boolean') key += v ? 't' : 'f';
      // -0 reads back from JSON as itself: not shared with 0.
      else if (typeof v === 'number' && !Object.is(v, -0)) key += `n${String(v)};`;
      else return undefined;
    }
    return key;
  };

  /** Shares what a record or list holds, in place. */
  const shareMembers = (record: Record<string, unknown>, field: Field): void => {
    const list = Array.isArray(record);
    if (list) field.items ??= newField();
    for (const k in record) {
      const v = record[k];
      if (typeof v === 'object' || typeof v === 'string')
        record[k] = share(v, list ? field.items! : memberOf(field, k));
    }
  };

  const share = (value: unknown, field: Field): unknown => {
    if (typeof value === 'string') {
      if (!field.pooled || value.length > LONGEST) return value;
      if (value === field.last) {
        count(field, false);
        return field.last;
      }
      return (field.last = pooled(strings, field, value, value));
    }
    if (typeof value !== 'object' || value === null) return value;
    shareMembers(value as Record<string, unknown>, field);
    const shape = (field.shape ??= newField());
    if (!shape.pooled) return value;
    const key = shapeKey(value);
    return key === undefined ? value : pooled(shapes, shape, key, value);
  };

  return {
    share<T>(entity: T): T {
      // The entity itself is never pooled: only what it holds.
      if (typeof entity === 'object' && entity !== null)
        shareMembers(entity as Record<string, unknown>, root);
      return entity;
    },
    get pooled() {
      return strings.size + shapes.size;
    },
  };
};
