import type { ErrorItem } from '../kernel/errors.ts';
import type { PackageName } from '../organisations/packages.ts';

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
