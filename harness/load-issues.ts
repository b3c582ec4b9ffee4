import type { z } from 'zod';
import { fieldPath } from '../simulator/core/kernel/validation.ts';
import { STEP_KINDS, type StepKind } from './scenario-schema.ts';

/**
 * Turns schema issues into problems a QA engineer can act on, each at the path of the field it is
 * about: a step is checked against the schema of its own kind (the key that names it), so a wrong
 * field type is reported at that field, and an unknown key at that key.
 */
export interface Located {
  readonly path: readonly (string | number)[];
  /** The unknown key, when the problem is one (its own line is reported). */
  readonly key?: string;
  readonly message: string;
}

type Issue = z.core.$ZodIssue;
type Def = { type: string; [k: string]: unknown };

const defOf = (schema: unknown): Def | undefined =>
  (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;

/** The keys an object schema knows at a path (through optional, default, array, union, record). */
export const knownKeys = (schema: unknown, path: readonly (string | number)[]): string[] => {
  const def = defOf(schema);
  if (!def) return [];
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
    case 'readonly':
    case 'prefault':
      return knownKeys(def.innerType, path);
    case 'pipe':
      return knownKeys(def.in, path);
    case 'union':
      return [...new Set((def.options as unknown[]).flatMap((o) => knownKeys(o, path)))];
    case 'array':
      return typeof path[0] === 'number' ? knownKeys(def.element, path.slice(1)) : [];
    case 'record':
      return path.length > 0 ? knownKeys(def.valueType, path.slice(1)) : [];
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      if (path.length === 0) return Object.keys(shape);
      const [head, ...rest] = path;
      return knownKeys(shape[String(head)], rest);
    }
    default:
      return [];
  }
};

const article = (t: string): string =>
  ({
    string: 'a string',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    object: 'a mapping (key: value)',
    array: 'a list',
  })[t] ?? t;

const valueAt = (value: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (v, k) =>
      v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined,
    value,
  );

const shown = (v: unknown): string => {
  const text = JSON.stringify(v);
  return text === undefined ? String(v) : text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** The kinds a step names (the keys of STEP_KINDS it has). */
export const kindsOf = (step: unknown): StepKind[] =>
  step !== null && typeof step === 'object' && !Array.isArray(step)
    ? (Object.keys(STEP_KINDS) as StepKind[]).filter((k) => k in step)
    : [];

const KIND_LIST = Object.keys(STEP_KINDS).join(', ');

/** Issues of a failed union: the option that fits the value best (fewest issues, keys known). */
const bestOption = (options: readonly Issue[][], value: unknown): Issue[] | undefined => {
  const fits = (o: Issue[]) =>
    !o.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0);
  const ranked = [...options].sort(
    (a, b) => Number(fits(b)) - Number(fits(a)) || a.length - b.length,
  );
  const best = ranked[0];
  // When every option rejects the value's type outright, no option fits better than another.
  const allTypeErrors = options.every(
    (o) => o.length === 1 && o[0]?.code === 'invalid_type' && o[0].path.length === 0,
  );
  return allTypeErrors || value === undefined ? undefined : best;
};

/**
 * `schema` is the schema rooted at `schemaAt` (the scenario, or a step's kind); the issue's own path
 * starts at `base`.
 */
const locate = (
  issue: Issue,
  root: unknown,
  schema: unknown,
  schemaAt: readonly (string | number)[],
  base: readonly (string | number)[],
): Located[] => {
  const path = [...base, ...(issue.path as (string | number)[])];
  const value = valueAt(root, path);
  const where = fieldPath(path);
  switch (issue.code) {
    case 'invalid_union': {
      const step = path.length === 2 && path[0] === 'steps' && typeof path[1] === 'number';
      if (step) {
        const kinds = kindsOf(value);
        if (kinds.length === 0)
          return [
            {
              path,
              message: `${where}: is not a known step: use one of ${KIND_LIST} (see scenarios/scenario.schema.json)`,
            },
          ];
        if (kinds.length > 1)
          return [{ path, message: `${where}: names ${kinds.join(' and ')}: one kind per step` }];
        const kindSchema = STEP_KINDS[kinds[0]!];
        const r = kindSchema.safeParse(value);
        return r.success
          ? []
          : r.error.issues.flatMap((i) => locate(i, root, kindSchema, path, path));
      }
      const best = bestOption(issue.errors, value);
      if (best) return best.flatMap((i) => locate(i, root, schema, schemaAt, path));
      const expected = issue.errors
        .flatMap((o) => o.map((i) => (i.code === 'invalid_type' ? article(i.expected) : '')))
        .filter(Boolean);
      return [
        {
          path,
          message:
            value === undefined
              ? `${where}: is required`
              : `${where}: must be ${[...new Set(expected)].join(' or ') || 'something else'} (got ${shown(value)})`,
        },
      ];
    }
    case 'unrecognized_keys': {
      const known = knownKeys(schema, path.slice(schemaAt.length));
      const present = Object.keys((value as object | undefined) ?? {});
      return issue.keys.map((key) => ({
        path,
        key,
        message: known.includes(key)
          ? `${fieldPath([...path, key])}: cannot be combined with ${present.filter((k) => k !== key).join(', ')}`
          : `${fieldPath([...path, key])}: is not a known field${known.length ? ` (known: ${known.join(', ')})` : ''}`,
      }));
    }
    case 'invalid_type':
      return [
        {
          path,
          message:
            value === undefined
              ? `${where}: is required`
              : `${where}: must be ${article(issue.expected)} (got ${shown(value)})`,
        },
      ];
    case 'invalid_value':
      return [
        {
          path,
          message: `${where}: must be one of ${issue.values.map((v) => String(v)).join(', ')} (got ${shown(value)})`,
        },
      ];
    default:
      return [{ path, message: `${where}: ${issue.message}` }];
  }
};

/** Every issue of a scenario's schema check, located at its field. */
export const locateIssues = (issues: readonly Issue[], root: unknown, schema: unknown): Located[] =>
  issues.flatMap((i) => locate(i, root, schema, [], []));
