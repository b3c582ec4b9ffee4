import type { PackageName } from '../organisations/packages.ts';

export type CcwOffer = 'A-FLEX' | 'A-FLEX-3' | 'COLLAB-FLEX' | 'EA';
export type OrderLineStatus = 'awaiting_provisioning_details' | 'closed' | 'provisioned';

/** A line of a CCW order (CCW-1..6): its contact, its requested start date and its window. */
export interface OrderLine {
  readonly id: string;
  readonly offer: CcwOffer;
  readonly provisioningContactEmail: string;
  readonly requestedStartDate: string;
  readonly packages: readonly PackageName[];
  readonly status: OrderLineStatus;
  readonly emailSentAt?: string;
  readonly closesAt?: string;
}

/** A CCW order: lines, the template its customer will get, and once set up, that customer (PONR). */
export interface Order {
  readonly id: string;
  readonly partnerId: string;
  readonly placedBy: string;
  readonly provisioningId: string;
  readonly lines: readonly OrderLine[];
  readonly setupToken: string;
  readonly customerId?: string;
  readonly ponrAt?: string;
  readonly created: string;
}

/** A support case about a provisioning email (CCW-8). */
export interface SupportCase {
  readonly id: string;
  readonly partnerId: string;
  readonly caseNumber: string;
  readonly requestType: 'resend_provisioning_email';
  readonly orderId: string;
  readonly lineId: string;
  readonly description?: string;
  readonly attachments: readonly { name: string; contentType: string; size: number }[];
  readonly status: 'open';
  readonly openedBy: string;
  readonly created: string;
}
