import {
  canMove as canMoveIn,
  defineStateTable,
  transition as moveIn,
} from '../kernel/state-table.ts';
import type { Result } from '../kernel/result.ts';
import type { BroadWorksStatus } from './model.ts';

/**
 * The BroadWorks subscriber's statuses and moves (rules.md, "Sim: BroadWorks subscriber
 * transitions"). Every status change goes through this table; an illegal one is an error value,
 * never a silent overwrite (architecture.md, principle 6). A subscriber may be removed from any
 * status.
 */
export const BW_STATES = defineStateTable<BroadWorksStatus>({
  resource: 'subscriber',
  statuses: [
    'pending_email_input',
    'pending_email_validation',
    'pending_user_migration',
    'provisioning',
    'provisioned',
    'updating',
    'error',
  ],
  moves: {
    pending_email_input: {
      pending_email_validation: 'a portal submit or Retry activation (a verification mail)',
      error: 'a failed activation (misconfigured template, email in use)',
    },
    pending_email_validation: {
      provisioning: 'the verify link',
      pending_user_migration: 'the verify link, for a free account',
      pending_email_validation: 'Retry activation (a new verification mail)',
    },
    pending_user_migration: {
      provisioning: 'consent accepted',
      pending_email_validation: 'Retry activation',
    },
    provisioning: {
      provisioned: 'the provisioning step ends',
      error: 'the provisioning step fails (a step fault)',
    },
    provisioned: { updating: 'PUT or Change package' },
    updating: {
      provisioned: 'the update step ends',
      error: 'the update step fails (a step fault)',
    },
    error: {
      pending_email_validation: 'a portal submit or Retry activation',
      error: 'a failed activation again',
    },
  },
  removable: [
    'pending_email_input',
    'pending_email_validation',
    'pending_user_migration',
    'provisioning',
    'provisioned',
    'updating',
    'error',
  ],
});

/** The table as a map from each status to where it may go (for views and docs). */
export const TRANSITIONS: Readonly<Record<BroadWorksStatus, readonly BroadWorksStatus[]>> =
  Object.fromEntries(
    BW_STATES.statuses.map((s) => [s, Object.keys(BW_STATES.moves[s]) as BroadWorksStatus[]]),
  ) as Record<BroadWorksStatus, BroadWorksStatus[]>;

export const canMove = (from: BroadWorksStatus, to: BroadWorksStatus): boolean =>
  canMoveIn(BW_STATES, from, to);

export const transition = (
  from: BroadWorksStatus,
  to: BroadWorksStatus,
  what: string,
): Result<BroadWorksStatus> => moveIn(BW_STATES, from, to, what);

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
