import type { Address } from '../kernel/model.ts';
import type { ErrorItem } from '../kernel/errors.ts';
import type { PackageName } from './packages.ts';

export type Offer = 'wholesale' | 'broadworks';

/** An onboarding template (TPL-1..4). */
export interface Template {
  readonly id: string;
  readonly partnerId: string;
  readonly name: string;
  readonly offer: Offer;
  readonly provisioningId: string;
  readonly country: string;
  readonly language: string;
  readonly subscriptionId?: string;
  readonly authMethod?: 'webex' | 'partner_sso';
  readonly pstnProvider?: string;
  readonly commonSettings?: Readonly<Record<string, unknown>>;
  readonly callingSettings?: Readonly<Record<string, unknown>>;
  /** BroadWorks: how emails are treated, and the share link (absent: the activation link) (TPL-4). */
  readonly userVerification?: {
    readonly emailTrust: 'trusted' | 'untrusted';
    readonly shareLink?: string;
  };
  readonly activationLinkId?: string;
  readonly createdAt: string;
}

export type CustomerStatus =
  | 'provisioning'
  | 'pending_rpl_review'
  | 'provisioned'
  | 'provisioned_with_errors'
  | 'updating'
  | 'deleting'
  | 'error';

/** A wholesale customer org (ORG-1..4), made in Partner Hub, by `/v1` or by CCW setup. */
export interface Customer {
  readonly id: string;
  readonly partnerId: string;
  readonly templateId: string;
  readonly provisioningId: string;
  /** Drawn at creation; shown once provisioned. */
  readonly orgId: string;
  readonly externalId: string;
  readonly name: string;
  readonly primaryEmail: string;
  readonly language?: string;
  readonly packages: readonly PackageName[];
  readonly address: Address;
  readonly status: CustomerStatus;
  readonly errors: readonly ErrorItem[];
  readonly headquartersLocationId: string;
  readonly callingLocationId?: string;
  readonly meetingsTimezone?: string;
  readonly supportedLocationAttested?: boolean;
  readonly source: 'partner_hub' | 'api' | 'ccw';
  /** The sub-partner the customer was provisioned on behalf of (`onBehalfOfSubPartnerOrgId`). */
  readonly subPartnerOrgId?: string;
  /** The email of the sub-partner organization's admin (`subPartnerAdminEmail`). */
  readonly subPartnerAdminEmail?: string;
  /** Package errors and warnings of the last provisioning step (`resourceDetails.packages`). */
  readonly packageIssues?: readonly PackageIssue[];
  readonly created: string;
  readonly lastStatusChange: string;
}

export interface Location {
  readonly id: string;
  readonly partnerId: string;
  readonly customerId: string;
  readonly name: string;
  readonly address: Address;
  readonly timezone: string;
  readonly language: string;
  readonly emergencyLocationIdentifier?: string | undefined;
  readonly created: string;
}

/** What the last provisioning step left on one of a customer's packages. */
export interface PackageIssue {
  readonly name: PackageName;
  readonly errors: readonly ErrorItem[];
  readonly warnings: readonly ErrorItem[];
}

/** A wholesale sub-partner of a partner (webex-wholesale.json `SubPartner`). */
export interface SubPartner {
  readonly id: string;
  readonly partnerId: string;
  readonly orgId: string;
  readonly name: string;
  readonly subscriptionId: string;
  readonly provisioningState: 'active' | 'suspended';
  readonly created: string;
  readonly billingStartDate: string;
}
