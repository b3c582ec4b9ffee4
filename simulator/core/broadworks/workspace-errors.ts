import { defineErrors } from '../kernel/errors.ts';

/** What BroadWorks workspaces answer when they refuse. */
export const workspaceErrors = defineErrors('workspaces', {
  noEnterprise: {
    status: 404,
    message:
      'Enterprise {spEnterpriseId} not found: a workspace is provisioned for an existing customer (provision a subscriber of the enterprise first).',
  },
});
