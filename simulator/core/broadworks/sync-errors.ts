import { defineErrors, ErrorCode } from '../kernel/errors.ts';

/** What directory sync answers when it refuses (FT-*). */
export const syncErrors = defineErrors('directorySync', {
  onlySyncNow: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: 'must be "SYNC_NOW", the only value Webex takes (got {got})',
  },
  disabled: {
    status: 409,
    code: ErrorCode.stateConflict,
    message:
      'Directory sync is disabled for enterprise {spEnterpriseId}; enable it first with PUT …/broadworksDirectorySync and enableDirSync true.',
  },
  running: {
    status: 409,
    code: ErrorCode.stateConflict,
    message:
      'A directory sync of enterprise {spEnterpriseId} is in progress since {since}; trigger another once it ends.',
  },
  notInDirectory: {
    status: 404,
    message:
      'BroadWorks user {userId} is neither in the directory of enterprise {spEnterpriseId} nor synced to Webex.',
  },
});
