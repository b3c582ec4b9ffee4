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

/** Throws `UnstorableValue` for the first put of a batch that could not be written and read back. */
export const assertStorable = (changes: readonly Change[]): void => {
  for (const c of changes) {
    if (c.op !== 'put') continue;
    const why = whyUnstorable(c.value);
    if (why !== undefined)
      throw new UnstorableValue(
        `Refused to store ${c.collection} ${c.value.id}: ${why}; nothing of the batch was stored.`,
      );
  }
};
