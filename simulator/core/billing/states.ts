import { defineStateTable } from '../kernel/state-table.ts';
import type { ReportStatus } from './model.ts';

/**
 * A billing report's statuses (webex-wholesale.json and webex-broadworks.json `Report.status`;
 * SIM-1). A report is made `IN_PROGRESS`; when the `billingReport` delay has passed on the virtual
 * clock it is `COMPLETED` with its CSV, or `FAILED` with `errors[]` when a step fault
 * `{on: "billingReport"}` waits. A report may be deleted in any status; the generation step of a
 * deleted report does nothing.
 */
export const REPORT_STATES = defineStateTable<ReportStatus>({
  resource: 'billing report',
  statuses: ['IN_PROGRESS', 'COMPLETED', 'FAILED'],
  moves: {
    IN_PROGRESS: {
      COMPLETED: 'the generation step ends (the billingReport delay)',
      FAILED: 'the generation step fails (a step fault on billingReport)',
    },
    COMPLETED: {},
    FAILED: {},
  },
  removable: ['IN_PROGRESS', 'COMPLETED', 'FAILED'],
});
