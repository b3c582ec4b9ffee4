import { conflict, ErrorCode } from '../kernel/errors.ts';
import type { BroadWorksStatus } from './model.ts';
import { fail, ok, type Result } from '../kernel/result.ts';

/**
 * The BroadWorks subscriber state machine (rules.md, "Sim: BroadWorks subscriber transitions").
 * Every status change goes through `transition`; an illegal one is an error value, never a silent
 * overwrite (architecture.md, principle 6). Delete is allowed from any status and is not listed.
 */
export const TRANSITIONS: Readonly<Record<BroadWorksStatus, readonly BroadWorksStatus[]>> = {
  // Portal submit or Retry activation; a failed activation (misconfigured template, email in use).
  pending_email_input: ['pending_email_validation', 'error'],
  // The verify link (→ provisioning, or → pending_user_migration for a free account); Retry activation.
  pending_email_validation: ['provisioning', 'pending_user_migration', 'pending_email_validation'],
  // Consent accepted; Retry activation.
  pending_user_migration: ['provisioning', 'pending_email_validation'],
  // The provisioning step ends: provisioned, or error (an injected step fault).
  provisioning: ['provisioned', 'error'],
  // PUT or Change package.
  provisioned: ['updating'],
  // The update step ends: provisioned, or error (an injected step fault).
  updating: ['provisioned', 'error'],
  // Portal submit or Retry activation; a failed activation again.
  error: ['pending_email_validation', 'error'],
};

export const ILLEGAL_TRANSITION = ErrorCode.illegalTransition;

export const canMove = (from: BroadWorksStatus, to: BroadWorksStatus): boolean =>
  TRANSITIONS[from].includes(to);

export const transition = (
  from: BroadWorksStatus,
  to: BroadWorksStatus,
  what: string,
): Result<BroadWorksStatus> =>
  canMove(from, to)
    ? ok(to)
    : fail(conflict(`${what}: a subscriber in ${from} cannot move to ${to}.`, ILLEGAL_TRANSITION));

export const isPending = (s: BroadWorksStatus): boolean => s.startsWith('pending_');

/** What a user still has to do, for the user status view's error text (FT-3, FT-4). */
export const pendingRequirement = (s: BroadWorksStatus): string | undefined =>
  ({
    pending_email_input:
      'Waiting for the user to enter an email address in the user activation portal.',
    pending_email_validation:
      'Waiting for the user to open the verification link sent to their email address.',
    pending_user_migration: 'Waiting for the user to accept moving their free Webex account.',
  })[s as string];

export { ErrorCode };
