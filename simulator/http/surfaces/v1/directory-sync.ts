import {
  getSync,
  setSync,
  syncUser,
  triggerSync,
} from '../../../core/broadworks/directory-sync.ts';
import type { DirectorySync } from '../../../core/broadworks/model.ts';
import type { V1DirectorySyncToggle, V1UserDirectorySync } from '../../openapi/v1-types.ts';
import { sendError, sendResult } from '../../respond.ts';
import type { RouteTable } from '../../route-table.ts';
import { directorySyncV1 } from './views.ts';
import { readCiscoJson } from './cisco-body.ts';

/** What the trigger and the toggle answer: the switch and the status. */
const toggleV1 = (s: DirectorySync): V1DirectorySyncToggle => ({
  enableDirSync: s.enabled,
  directorySyncStatus: { syncStatus: s.status },
});

const PATH = '/v1/broadworks/enterprises/:id/broadworksDirectorySync';

/**
 * BroadWorks directory sync (webex-broadworks.json; FT-*): the status, a trigger that runs on the
 * virtual clock, the switch, and one user's sync at once.
 */
export const addDirectorySyncRoutes = (t: RouteTable): void => {
  t.get(
    PATH,
    {
      summary: 'Get Directory Sync Status for an Enterprise',
      operationId: 'Get Directory Sync Status for an Enterprise',
      responses: [200],
    },
    (c) =>
      sendResult(
        c,
        getSync(c.env.world.read(), c.get('user'), c.req.param('id')),
        200,
        directorySyncV1,
      ),
  );

  t.post(
    PATH,
    {
      summary: 'Trigger Directory Sync for an Enterprise',
      operationId: 'Trigger Directory Sync for an Enterprise',
      responses: [200],
    },
    async (c) => {
      const body = await readCiscoJson(c, 'Trigger Directory Sync for an Enterprise');
      if (!body.ok) return sendError(c, body.error);
      const r = c.env.world.transact((tx) =>
        triggerSync(tx, c.get('user'), c.req.param('id'), body.value, c.env.trackingId),
      );
      return sendResult(c, r, 200, toggleV1);
    },
  );

  t.put(
    PATH,
    {
      summary: 'Update Directory Sync for a BroadWorks Enterprise',
      operationId: 'Update Directory Sync for a BroadWorks Enterprise',
      responses: [200],
    },
    async (c) => {
      const body = await readCiscoJson(c, 'Update Directory Sync for a BroadWorks Enterprise');
      if (!body.ok) return sendError(c, body.error);
      const r = c.env.world.transact((tx) =>
        setSync(tx, c.get('user'), c.req.param('id'), body.value),
      );
      return sendResult(c, r, 200, toggleV1);
    },
  );

  t.post(
    `${PATH}/externalUser`,
    {
      summary: 'Trigger Directory Sync for a User',
      operationId: 'Trigger Directory Sync for a User',
      responses: [200],
    },
    async (c) => {
      const body = await readCiscoJson(c, 'Trigger Directory Sync for a User');
      if (!body.ok) return sendError(c, body.error);
      const r = c.env.world.transact((tx) =>
        syncUser(tx, c.get('user'), c.req.param('id'), body.value),
      );
      return sendResult(c, r, 200, (x): V1UserDirectorySync => ({
        userResponse: {
          userId: x.user.userId,
          firstName: x.user.firstName,
          lastName: x.user.lastName,
        },
        status: x.status,
      }));
    },
  );
};
