import { z } from 'zod';
import { GLOB_MAX_LENGTH, globMatch } from '../glob.ts';
import { text } from '../kernel/fields.ts';
import { parseWith } from '../kernel/validation.ts';
import type { Result } from '../kernel/result.ts';

/**
 * Injected faults (SIM-4): request faults answer matching requests with an error, a delay or both;
 * step faults make the next asynchronous provisioning steps of a kind end in `error`.
 */
export const STEP_KINDS = [
  'customer',
  'subscriber',
  'broadworksSubscriber',
  'billingReport',
  'directorySync',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

export const requestFaultSchema = z.strictObject({
  method: text(16)
    .transform((m) => m.toUpperCase())
    .pipe(z.enum(METHODS))
    .optional(),
  path: text(GLOB_MAX_LENGTH)
    .min(1)
    .regex(
      /^\//,
      'must start with / (a path such as /v1/wholesale/customers, * matches any run of characters)',
    ),
  status: z.number().int().min(400).max(599).optional(),
  errorCode: z.number().int().optional(),
  message: text(1000).optional(),
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  retryAfter: z.number().int().min(0).max(86_400).optional(),
  times: z.number().int().min(1).optional(),
  probability: z.number().min(0).max(1).optional(),
});

/**
 * What a customer step fault makes of the step (api.md, Wave 2 pins): `error` (the default),
 * `provisioned_with_errors` (the package named, or the last, in error), `pending_rpl_review` (held
 * for `delays.rplReview`, then provisioning goes on), or `provisioned` with a package warning.
 */
export const STEP_OUTCOMES = [
  'error',
  'provisioned_with_errors',
  'pending_rpl_review',
  'provisioned',
] as const;
export type StepOutcome = (typeof STEP_OUTCOMES)[number];

export const stepFaultSchema = z
  .strictObject({
    on: z.enum(STEP_KINDS),
    outcome: z.enum(STEP_OUTCOMES).optional(),
    package: text(64).optional(),
    errorCode: z.number().int(),
    description: text(1000).min(1),
    times: z.number().int().min(1).optional(),
  })
  .refine((f) => f.on === 'customer' || (f.outcome === undefined && f.package === undefined), {
    message: 'outcome and package are for customer step faults only',
    path: ['outcome'],
  });

export type RequestFaultInput = z.output<typeof requestFaultSchema>;
export type StepFaultInput = z.output<typeof stepFaultSchema>;

export type FaultRecord =
  | ({
      readonly id: string;
      readonly kind: 'request';
      readonly createdAt: string;
      readonly hits: number;
    } & RequestFaultInput)
  | ({
      readonly id: string;
      readonly kind: 'step';
      readonly createdAt: string;
      readonly hits: number;
    } & StepFaultInput);

export const parseFault = (body: unknown): Result<RequestFaultInput | StepFaultInput> =>
  typeof body === 'object' && body !== null && 'on' in body
    ? parseWith(stepFaultSchema, body)
    : parseWith(requestFaultSchema, body);

/** The fault as clients see it: what they asked for, its id, and how often it has hit. */
export const publicFault = (f: FaultRecord): Record<string, unknown> => {
  const { kind: _kind, ...rest } = f;
  return rest;
};

/** A fault's `path`: exact, or `*` for any run of characters (the shared matcher, no backtracking). */
export const pathMatches = (pattern: string, path: string): boolean => globMatch(pattern, path);

/** What a request fault does to the request it hits. */
export interface FaultEffect {
  readonly latencyMs: number;
  readonly error?: { status: number; errorCode?: number; message: string; retryAfter?: number };
}

export const effectOf = (f: RequestFaultInput): FaultEffect => {
  const status =
    f.status ?? (f.retryAfter !== undefined ? 429 : f.latencyMs !== undefined ? undefined : 500);
  if (status === undefined) return { latencyMs: f.latencyMs ?? 0 };
  const retryAfter =
    f.retryAfter ?? (status === 429 || status === 503 ? DEFAULT_RETRY_AFTER : undefined);
  return {
    latencyMs: f.latencyMs ?? 0,
    error: {
      status,
      message: f.message ?? `Injected fault: ${status}`,
      ...(f.errorCode !== undefined ? { errorCode: f.errorCode } : {}),
      ...(retryAfter !== undefined ? { retryAfter } : {}),
    },
  };
};

/** An injected 429 or 503 tells the client when to retry: 1 s unless the fault says (api.md). */
const DEFAULT_RETRY_AFTER = 1;
