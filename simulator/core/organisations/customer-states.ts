import { defineStateTable } from '../kernel/state-table.ts';
import type { CustomerStatus } from './model.ts';

/**
 * The wholesale customer's statuses (webex-wholesale.json `Customer.status`) and their moves.
 * Provisioning, updates and deletes are asynchronous: a request moves the customer into
 * `provisioning`, `updating` or `deleting`, and a step scheduled on the virtual clock ends it. A
 * customer is removed only when its delete step ends.
 */
export const CUSTOMER_STATES = defineStateTable<CustomerStatus>({
  resource: 'customer',
  statuses: [
    'provisioning',
    'pending_rpl_review',
    'provisioned',
    'provisioned_with_errors',
    'updating',
    'error',
    'deleting',
  ],
  moves: {
    provisioning: {
      provisioned: 'the provisioning step ends',
      provisioned_with_errors: 'the provisioning step ends with package errors (a step fault)',
      error: 'the provisioning step fails (a step fault)',
      pending_rpl_review:
        'the provisioning step holds for a Denied Party List review (a step fault)',
      deleting: 'DELETE',
    },
    pending_rpl_review: {
      provisioning: 'the review passes after delays.rplReview',
      deleting: 'DELETE',
    },
    provisioned: { updating: 'PUT', deleting: 'DELETE' },
    provisioned_with_errors: { updating: 'PUT', deleting: 'DELETE' },
    updating: {
      provisioned: 'the update step ends',
      provisioned_with_errors: 'the update step ends with package errors (a step fault)',
      error: 'the update step fails (a step fault)',
      deleting: 'DELETE',
    },
    error: { updating: 'PUT (a retry)', deleting: 'DELETE' },
    deleting: {},
  },
  removable: ['deleting'],
});

/** A customer users can be added to and changed in: provisioned, possibly with package errors. */
export const isUsable = (status: CustomerStatus): boolean =>
  status === 'provisioned' || status === 'provisioned_with_errors';
