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
  /** The enterprise's customer org on Webex (the same uuid as its id, as in Cisco's example). */
  readonly orgId: string;
  /** The broadworks template it was onboarded with. */
  readonly provisioningId: string;
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

/** Directory sync statuses: Cisco's examples name the first three; `FAILED` is a sync with errors. */
export type SyncStatus = 'NOT_SYNCED' | 'IN_PROGRESS' | 'COMPLETE' | 'FAILED';

export interface SyncCounts {
  readonly usersAdded: number;
  readonly usersUpdated: number;
  readonly usersDeleted: number;
  readonly machinesAdded: number;
  readonly machinesUpdated: number;
  readonly machinesDeleted: number;
}

/** A BroadWorks machine (a workspace) as directory sync puts it in Common Identity. */
export interface SyncedMachine {
  readonly userId: string;
  readonly displayName: string;
}

/**
 * An enterprise's directory sync (FT-*; webex-broadworks.json `broadworksDirectorySync`): whether
 * it is on, the last sync, and what Common Identity holds as external users and machines: the
 * enterprise's directory users who are not Webex users, and its workspaces. Id: the enterprise's.
 */
export interface DirectorySync {
  readonly id: string;
  readonly partnerId: string;
  readonly enabled: boolean;
  readonly status: SyncStatus;
  readonly lastSyncStartTime?: string;
  readonly lastSyncEndTime?: string;
  readonly lastSuccessfulSyncTime?: string;
  readonly lastSyncTrackingId?: string;
  /** What the last completed sync changed. */
  readonly counts?: SyncCounts;
  readonly errors: readonly ErrorItem[];
  readonly users: readonly DirectoryUser[];
  readonly machines: readonly SyncedMachine[];
}

/** A BroadWorks workspace (webex-broadworks.json `WorkspaceResponse`): a shared device's user. */
export type BroadWorksWorkspace = Pick<
  BroadWorksSubscriber,
  | 'id'
  | 'partnerId'
  | 'templateId'
  | 'provisioningId'
  | 'userId'
  | 'spEnterpriseId'
  | 'primaryPhoneNumber'
  | 'extension'
  | 'created'
> & { readonly displayName: string };
