import type { ClockInit, ClockState } from './clock.ts';
import type { RandomState } from './random.ts';
import type { SimConfig } from '../sim/config.ts';

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

/** The `/v1` address shape (Cisco's `Address`). */
export interface Address {
  readonly addressLine1: string;
  readonly addressLine2?: string | undefined;
  readonly city: string;
  readonly stateOrProvince?: string | undefined;
  readonly zipOrPostalCode?: string | undefined;
  readonly country: string;
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
