import type { DomainError } from './errors.ts';

/** An expected outcome: a value, or a domain error as data (architecture.md, principle 5). */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DomainError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: DomainError): Result<T> => ({ ok: false, error });
