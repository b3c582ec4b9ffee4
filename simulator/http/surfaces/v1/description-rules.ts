import type { z } from 'zod';
import { ErrorCode, type ErrorItem } from '../../../core/kernel/errors.ts';
import { decodeWebexId } from '../../../core/kernel/ids.ts';

/**
 * Rules Cisco's descriptions state and its schemas do not: a field's format (an email, an ISO 3166
 * country, an IANA time zone), "not both", "only one", "required unless". Each door runs them after
 * Cisco's schema (cisco-validate.ts) and before the domain. README, "/v1: where the description
 * overrides the schema", lists them.
 */
export type Check = readonly [path: string, value: unknown, schema: z.ZodType];

/** The present values that their field schema refuses, one item each. */
export const formatProblems = (checks: readonly Check[]): ErrorItem[] =>
  checks.flatMap(([path, value, schema]) => {
    if (value === undefined) return [];
    const r = schema.safeParse(value);
    if (r.success) return [];
    const message = r.error.issues[0]?.message ?? 'is not valid';
    return [{ description: `${path}: ${message}`, errorCode: ErrorCode.invalidValue, field: path }];
  });

/** An `orgId` must be a Webex organization id (base64 of `ciscospark://us/ORGANIZATION/<uuid>`). */
export const orgIdProblem = (path: string, orgId: unknown): ErrorItem[] =>
  typeof orgId === 'string' && decodeWebexId(orgId)?.type !== 'ORGANIZATION'
    ? [
        {
          description: `${path}: must be a Webex organization id (base64 of ciscospark://us/ORGANIZATION/<uuid>)`,
          errorCode: ErrorCode.invalidValue,
          field: path,
        },
      ]
    : [];

/** "Either `packages` or `package` field is required but not both." */
export const packageOrPackages = (
  v: { readonly package?: unknown; readonly packages?: unknown },
  required: boolean,
): ErrorItem[] => {
  if (v.package !== undefined && v.packages !== undefined)
    return [
      {
        description: 'packages: give packages or package (deprecated), not both',
        errorCode: ErrorCode.invalidValue,
        field: 'packages',
      },
    ];
  if (required && v.package === undefined && v.packages === undefined)
    return [
      {
        description: 'packages: is required (or the deprecated package)',
        errorCode: ErrorCode.required,
        field: 'packages',
      },
    ];
  return [];
};

/** "Currently accepts only one package in the list." */
export const onePackage = (packages: readonly unknown[] | undefined): ErrorItem[] =>
  packages !== undefined && packages.length !== 1
    ? [
        {
          description: `packages: must hold exactly one package (Cisco: "Currently accepts only one package in the list"); got ${packages.length}`,
          errorCode: packages.length === 0 ? ErrorCode.required : ErrorCode.invalidValue,
          field: 'packages',
        },
      ]
    : [];
