import { kernelErrors } from './kernel-errors.ts';
import { fail, ok, type Result } from './result.ts';

/**
 * A resource's statuses and the moves between them, in one table (architecture.md, principle 6).
 * Every status change of a resource goes through its table: an illegal move is an error value
 * (409, 1202), never a silent overwrite. Each cell names what makes the move, for the docs and the
 * tests. Removal (the resource is gone) is listed apart: `removable` names the statuses it may go
 * from.
 */
export interface StateTable<S extends string> {
  /** The resource, as messages name it (`customer`, `subscriber`, `order line`). */
  readonly resource: string;
  readonly statuses: readonly S[];
  /** For each status, the statuses it may move to and what moves it there. */
  readonly moves: { readonly [F in S]: Readonly<Partial<Record<S, string>>> };
  /** The statuses from which the resource may be removed. */
  readonly removable: readonly S[];
}

export const defineStateTable = <S extends string>(table: StateTable<S>): StateTable<S> => table;

export const canMove = <S extends string>(table: StateTable<S>, from: S, to: S): boolean =>
  Object.hasOwn(table.moves[from], to);

/** Every allowed move of a table as `[from, to, what]`. */
export const allowedMoves = <S extends string>(table: StateTable<S>): [S, S, string][] =>
  table.statuses.flatMap((from) =>
    Object.entries(table.moves[from]).map(([to, what]): [S, S, string] => [
      from,
      to as S,
      String(what),
    ]),
  );

/** The move from one status to another, or a 409 (1202) naming the resource and both statuses. */
export const transition = <S extends string>(
  table: StateTable<S>,
  from: S,
  to: S,
  what: string,
): Result<S> =>
  canMove(table, from, to)
    ? ok(to)
    : fail(kernelErrors.illegalTransition({ what, resource: table.resource, from, to }));

/** Whether the resource may be removed from its status, or a 409 (1202) saying why not. */
export const removal = <S extends string>(
  table: StateTable<S>,
  from: S,
  what: string,
): Result<S> =>
  table.removable.includes(from)
    ? ok(from)
    : fail(kernelErrors.illegalRemoval({ what, resource: table.resource, from }));

/**
 * A scheduled step carries the status it expects its resource to be in when it comes due. A step
 * whose resource has moved on (or is gone) does nothing: a customer deleted while `provisioning`
 * is never `provisioned`.
 */
export interface StepPayload<S extends string> {
  readonly id: string;
  readonly expect: S;
}

export const stepApplies = <S extends string>(
  current: { readonly status: S } | undefined,
  step: { readonly expect?: unknown },
): current is { readonly status: S } => current !== undefined && current.status === step.expect;

/**
 * What changed between two readings of a resource's statuses (by id), checked against its table:
 * every move must be an allowed cell, every removal from a removable status, and nothing may
 * appear from nowhere except in the table's first (creation) statuses. Answers the violations.
 */
export const illegalChanges = <S extends string>(
  table: StateTable<S>,
  before: ReadonlyMap<string, S>,
  after: ReadonlyMap<string, S>,
  creatable: readonly S[],
): string[] => {
  const out: string[] = [];
  for (const [id, from] of before) {
    const to = after.get(id);
    if (to === undefined) {
      if (!table.removable.includes(from)) out.push(`${id}: removed from ${from}`);
    } else if (to !== from && !canMove(table, from, to)) out.push(`${id}: ${from} → ${to}`);
  }
  for (const [id, to] of after)
    if (!before.has(id) && !creatable.includes(to)) out.push(`${id}: created in ${to}`);
  return out;
};
