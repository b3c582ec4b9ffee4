import type { ErrorItem } from '../kernel/errors.ts';

export type ReportStatus = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
export const REPORT_TYPES = ['PARTNER', 'CUSTOMER', 'USER'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

/**
 * A billing reconciliation report (webex-wholesale.json `Report`, webex-broadworks.json `Report`),
 * generated on the virtual clock from the world's usage history (SIM-1). A BroadWorks report covers
 * one month (`billingPeriod`); its start and end dates are that month's first and last days.
 */
export interface BillingReport {
  readonly id: string;
  readonly partnerId: string;
  readonly offer: 'wholesale' | 'broadworks';
  /** `YYYY-MM-DD`, both days included. */
  readonly billingStartDate: string;
  readonly billingEndDate: string;
  /** BroadWorks: `YYYY-MM`. */
  readonly billingPeriod?: string;
  /** Wholesale: the level of detail. */
  readonly type?: ReportType;
  readonly subPartnerOrgId?: string;
  readonly internal?: boolean;
  readonly status: ReportStatus;
  readonly errors: readonly ErrorItem[];
  readonly created: string;
  /** The person id of the partner administrator who asked for it. */
  readonly createdBy: string;
  /** Once `COMPLETED`: the secret of its download link. */
  readonly downloadToken?: string;
  /**
   * The CSV as generated, in data files of earlier versions; a report completed now has none, its
   * CSV made from the history when it is downloaded (`report-csv.ts`).
   */
  readonly csv?: string;
}

/** What is billed, and where its usage comes from. */
export type UsageSource = 'customer' | 'subscriber' | 'broadworksSubscriber';

/**
 * One stretch of time during which a customer org or a subscriber held the same packages (the
 * world's billing history). `to` is absent while it lasts. The descriptive fields are as they were
 * when the stretch began, so a report still names a customer deleted since.
 */
export interface UsageRecord {
  readonly id: string;
  readonly partnerId: string;
  readonly source: UsageSource;
  readonly entityId: string;
  readonly packages: readonly string[];
  readonly from: string;
  readonly to?: string;
  /** Wholesale: the customer (itself for a customer's own record). */
  readonly customerId?: string;
  readonly customerOrgId?: string;
  readonly customerName?: string;
  readonly externalCustomerId?: string;
  /** Wholesale: the sub-partner the customer belongs to, if any. */
  readonly subPartnerOrgId?: string;
  /** Subscribers: who. */
  readonly email?: string;
  readonly personId?: string;
  readonly userId?: string;
  readonly spEnterpriseId?: string;
}
