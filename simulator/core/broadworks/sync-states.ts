import { defineStateTable } from '../kernel/state-table.ts';
import type { SyncStatus } from './model.ts';

/**
 * A BroadWorks enterprise's directory sync (FT-*; webex-broadworks.json `syncStatus`). An
 * enterprise that never synced is `NOT_SYNCED`; a trigger makes it `IN_PROGRESS`; when the
 * `directorySync` delay has passed it is `COMPLETE`, or `FAILED` with `errors[]` under a step fault
 * `{on: "directorySync"}`. A sync in progress cannot be triggered again. Enterprises are never
 * removed, nor is their sync.
 */
export const SYNC_STATES = defineStateTable<SyncStatus>({
  resource: 'directory sync',
  statuses: ['NOT_SYNCED', 'IN_PROGRESS', 'COMPLETE', 'FAILED'],
  moves: {
    NOT_SYNCED: { IN_PROGRESS: 'Trigger Directory Sync (SYNC_NOW)' },
    IN_PROGRESS: {
      COMPLETE: 'the sync step ends (the directorySync delay)',
      FAILED: 'the sync step fails (a step fault on directorySync)',
    },
    COMPLETE: { IN_PROGRESS: 'Trigger Directory Sync (SYNC_NOW)' },
    FAILED: { IN_PROGRESS: 'Trigger Directory Sync (SYNC_NOW)' },
  },
  removable: [],
});
