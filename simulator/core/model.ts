import type { ClockInit, ClockState } from './clock.ts';
import type { RandomState } from './random.ts';
import type { FaultRecord } from './faults.ts';
import type { MailRecord } from './mail.ts';
import type { EventRecord } from './events.ts';
import type { SimConfig } from './config.ts';

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
  readonly userVerification?: { readonly emailTrust: 'trusted' | 'untrusted'; readonly shareLinkId: string };
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
  mail: MailRecord;
  faults: FaultRecord;
  events: EventRecord;
}

export type CollectionName = keyof Collections;
