import type { ClockInit, ClockState } from './clock.ts';
import type { RandomState } from './random.ts';
import type { FaultRecord } from './faults.ts';
import type { MailRecord } from './mail.ts';
import type { EventRecord } from './events.ts';
import type { SimConfig } from './config.ts';
import type { ErrorItem } from './errors.ts';
import type { PackageName } from './packages.ts';

/** The four roles of api.md, Identity and roles (SIM-3). */
export type Role = 'admin' | 'readonly' | 'orderer' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'readonly', 'orderer', 'viewer'];

export interface Partner {
  readonly id: string;
  readonly name: string;
  readonly orgId: string;
}

export interface PartnerUser {
  readonly id: string;
  readonly partnerId: string;
  readonly role: Role;
  readonly token: string;
  readonly email: string;
  readonly displayName: string;
}

export interface Subscription {
  readonly id: string;
  readonly partnerId: string;
  readonly name: string;
}

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

export interface DirectoryUser {
  readonly userId: string;
  readonly firstName: string;
  readonly lastName: string;
}

export interface Enterprise {
  readonly id: string;
  readonly partnerId: string;
  readonly spEnterpriseId: string;
  readonly name: string;
  readonly directory: readonly DirectoryUser[];
}

/** The `/v1` address shape (Cisco's `Address`). */
export interface Address {
  readonly addressLine1: string;
  readonly addressLine2?: string | undefined;
  readonly city: string;
  readonly stateOrProvince?: string | undefined;
  readonly zipOrPostalCode?: string | undefined;
  readonly country: string;
}

export type CustomerStatus = 'provisioning' | 'provisioned' | 'updating' | 'deleting' | 'error';

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

export type WholesaleSubscriberStatus = 'provisioned' | 'pending_user_migration';

/** A wholesale subscriber: a user of a customer org (USR-*). */
export interface WholesaleSubscriber {
  readonly id: string;
  readonly partnerId: string;
  readonly customerId: string;
  readonly email: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly packages: readonly PackageName[];
  readonly primaryPhoneNumber?: string;
  readonly extension?: string;
  readonly locationId?: string;
  readonly status: WholesaleSubscriberStatus;
  /** Drawn at creation; shown once provisioned. */
  readonly personId: string;
  readonly errors: readonly ErrorItem[];
  /** The token of the consent link while the move of a free account is pending. */
  readonly consentToken?: string;
  /** Partner Hub users (USR-2, USR-3, ORG-4): display name, meetings site, basic licenses, admin role. */
  readonly displayName?: string;
  readonly preferredWebexSite?: string;
  readonly licenses?: {
    readonly messaging: boolean;
    readonly meetings: boolean;
    readonly calling: boolean;
  };
  readonly role?: 'full_admin';
  readonly created: string;
  readonly lastStatusChange: string;
}

export type BroadWorksPackage = 'softphone' | 'basic' | 'standard' | 'premium';
export type BroadWorksStatus =
  | 'pending_email_input'
  | 'pending_email_validation'
  | 'pending_user_migration'
  | 'provisioning'
  | 'provisioned'
  | 'updating'
  | 'error';

/** A BroadWorks subscriber (FT-1..7, TPL-4), under a broadworks template. */
export interface BroadWorksSubscriber {
  readonly id: string;
  readonly partnerId: string;
  readonly templateId: string;
  readonly provisioningId: string;
  readonly userId: string;
  readonly spEnterpriseId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email?: string;
  readonly primaryPhoneNumber?: string;
  readonly mobilePhoneNumber?: string;
  readonly extension?: string;
  readonly package: BroadWorksPackage;
  readonly language?: string;
  readonly timezone?: string;
  readonly status: BroadWorksStatus;
  readonly errors: readonly ErrorItem[];
  readonly personId: string;
  readonly selfActivated: boolean;
  /** The single-use token of the verification link, while the email awaits validation. */
  readonly verifyToken?: string;
  /** The token of the consent link, while a free account's move is pending. */
  readonly consentToken?: string;
  readonly created: string;
  readonly lastStatusChange: string;
}

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

/** World-wide settings and counters: one record, id `world`. */
export interface WorldMeta {
  readonly id: 'world';
  readonly seed: number;
  readonly clockInit: ClockInit;
  readonly clock: ClockState;
  readonly rng: RandomState;
  readonly seq: number;
  readonly config: SimConfig;
  readonly freeAccounts: readonly string[];
  readonly supportedCountries: readonly string[];
  readonly pstnProviders: readonly string[];
}

/** Every collection the world keeps, and the entity each holds. */
export interface Collections {
  meta: WorldMeta;
  partners: Partner;
  users: PartnerUser;
  subscriptions: Subscription;
  templates: Template;
  enterprises: Enterprise;
  customers: Customer;
  locations: Location;
  subscribers: WholesaleSubscriber;
  broadworksSubscribers: BroadWorksSubscriber;
  orders: Order;
  cases: SupportCase;
  mail: MailRecord;
  faults: FaultRecord;
  events: EventRecord;
}

export type CollectionName = keyof Collections;
