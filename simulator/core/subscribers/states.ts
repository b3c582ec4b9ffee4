import { canMove, defineStateTable } from '../kernel/state-table.ts';
import type { WholesaleSubscriberStatus } from './model.ts';

/**
 * The wholesale subscriber's statuses (webex-wholesale.json `Subscriber.status`) and their moves.
 * Provisioning is synchronous, as published: a subscriber is `provisioned` at once, or waits in
 * `pending_user_migration` until the owner of a free account accepts the move. Only a provisioned
 * subscriber changes (its own status again); either may be removed.
 */
export const SUBSCRIBER_STATES = defineStateTable<WholesaleSubscriberStatus>({
  resource: 'subscriber',
  statuses: ['pending_user_migration', 'provisioned'],
  moves: {
    pending_user_migration: { provisioned: 'the owner accepts the consent mail' },
    provisioned: {
      provisioned: 'a change of package or numbers (PUT, Partner Hub, CSV), or its package step',
    },
  },
  removable: ['pending_user_migration', 'provisioned'],
});

/** Whether a subscriber in this status may be changed (a move to its own status). */
export const isChangeable = (status: WholesaleSubscriberStatus): boolean =>
  canMove(SUBSCRIBER_STATES, status, status);
