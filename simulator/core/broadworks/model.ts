import type { ErrorItem } from '../kernel/errors.ts';

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
