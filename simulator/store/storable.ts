import type { Change } from '../core/kernel/store-port.ts';

/** How deep a stored value may nest: deeper than any body the http layer lets through (32). */
export const STORE_MAX_DEPTH = 64;

/** A change the store refused: the value could not be written as JSON and read back the same. */
export class UnstorableValue extends Error {
  override readonly name = 'UnstorableValue';
}

/**
 * A plain object of any realm: its prototype is null or some realm's `Object.prototype` (under
 * Jest's VM modules, or a value from a worker, that is not this realm's own).
 */
const isPlainObject = (v: object): boolean => {
  if (Object.prototype.toString.call(v) !== '[object Object]') return false;
  const proto = Object.getPrototypeOf(v) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
};

/**
 * Why a value would not survive being written as JSON and read back (too deep, a number JSON cannot
 * hold, something that is not JSON at all), or `undefined` when it would. One pass, no recursion.
 */
export const whyUnstorable = (value: unknown): string | undefined => {
  const stack: [unknown, number, string][] = [[value, 1, '']];
  while (stack.length > 0) {
    const [v, depth, path] = stack.pop()!;
    switch (typeof v) {
      case 'string':
      case 'boolean':
        continue;
      case 'number':
        if (!Number.isFinite(v)) return `${path || 'the value'} is ${v}, which JSON cannot hold`;
        continue;
      case 'undefined':
        continue; // an absent field: JSON drops it, and reads it back absent
      case 'object': {
        if (v === null) continue;
        if (depth > STORE_MAX_DEPTH)
          return `${path || 'the value'} nests deeper than ${STORE_MAX_DEPTH} levels`;
        if (Array.isArray(v)) {
          for (let i = 0; i < v.length; i += 1) {
            const item: unknown = v[i];
            if (item === undefined) return `${path}[${i}] is undefined, which JSON writes as null`;
            stack.push([item, depth + 1, `${path}[${i}]`]);
          }
        } else if (isPlainObject(v)) {
          for (const [k, item] of Object.entries(v)) stack.push([item, depth + 1, `${path}.${k}`]);
        } else return `${path || 'the value'} is a ${v.constructor?.name ?? 'object'}, not JSON`;
        continue;
      }
      default:
        return `${path || 'the value'} is a ${typeof v}, which JSON cannot hold`;
    }
  }
  return undefined;
};

/** Thrown inside `frozenCopy`'s walk; the message is worked out afterwards by `whyUnstorable`. */
const NOT_JSON = Symbol('not JSON');

/** Sets a member of a copy; an own `__proto__` (JSON.parse makes one) stays a plain field. */
const setMember = (out: Record<string, unknown>, k: string, item: unknown): void => {
  if (k === '__proto__')
    Object.defineProperty(out, k, {
      value: item,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else out[k] = item;
};

/**
 * The store's copy of `v` (see `frozenCopy`). A plain array or object that is already frozen, and
 * whose members all come back as they are, is kept itself rather than copied: nothing can change
 * it, and a value the store made (or any deeply frozen one) is read again, not held twice. So an
 * entity rewritten from its stored self (`{ ...before, status }`) keeps its stored lists and
 * records, and a world restored from a snapshot holds the snapshot's entities.
 */
const copyOf = (v: unknown, depth: number): unknown => {
  switch (typeof v) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return v;
    case 'number':
      if (!Number.isFinite(v)) throw NOT_JSON;
      return v;
    case 'object': {
      if (v === null) return v;
      if (depth > STORE_MAX_DEPTH) throw NOT_JSON;
      const proto = Object.getPrototypeOf(v) as object | null;
      if (Array.isArray(v)) {
        // Made only once a member differs (or at once when `v` may still change).
        let out: unknown[] | undefined =
          proto === Array.prototype && Object.isFrozen(v)
            ? undefined
            : new Array<unknown>(v.length);
        for (let i = 0; i < v.length; i += 1) {
          const item: unknown = v[i];
          if (item === undefined) throw NOT_JSON;
          const copy = copyOf(item, depth + 1);
          if (out) out[i] = copy;
          else if (copy !== item) {
            out = v.slice(0, i) as unknown[];
            out.push(copy);
          }
        }
        return out ? Object.freeze(out) : v;
      }
      if (proto !== Object.prototype && !isPlainObject(v)) throw NOT_JSON;
      const source = v as Record<string, unknown>;
      const keys = Object.keys(source);
      let out: Record<string, unknown> | undefined =
        proto === Object.prototype && Object.isFrozen(v) ? undefined : {};
      for (let j = 0; j < keys.length; j += 1) {
        const k = keys[j]!;
        const item = source[k];
        const copy = copyOf(item, depth + 1);
        if (out) setMember(out, k, copy);
        else if (copy !== item) {
          out = {};
          for (let m = 0; m < j; m += 1) setMember(out, keys[m]!, source[keys[m]!]);
          setMember(out, k, copy);
        }
      }
      return out ? Object.freeze(out) : v;
    }
    default:
      throw NOT_JSON;
  }
};

/**
 * The store's own copy of a value: deeply frozen, so later changes to the caller's object do
 * nothing, and checked on the way that it would survive being written as JSON and read back.
 * Parts already deeply frozen (a stored value, read and put again) are kept, not copied. One
 * pass; throws `UnstorableValue` (naming `what`) for a value that would not.
 */
export const frozenCopy = <T>(value: T, what: string): T => {
  try {
    return copyOf(value, 1) as T;
  } catch (error) {
    if (error !== NOT_JSON) throw error;
    throw new UnstorableValue(
      `Refused to store ${what}: ${whyUnstorable(value) ?? 'it is not JSON'}; nothing of the batch was stored.`,
    );
  }
};

/**
 * A batch with each put's value replaced by the store's frozen copy (`frozenCopy`); throws
 * `UnstorableValue` for the first that could not be stored, before anything is changed.
 */
export const storableBatch = (changes: readonly Change[]): Change[] =>
  changes.map((c) =>
    c.op === 'put' ? { ...c, value: frozenCopy(c.value, `${c.collection} ${c.value.id}`) } : c,
  );
