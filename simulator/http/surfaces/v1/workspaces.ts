import {
  provisionWorkspace,
  removeWorkspace,
  updateWorkspace,
} from '../../../core/broadworks/workspaces.ts';
import { sendError, sendResult } from '../../respond.ts';
import type { RouteTable } from '../../route-table.ts';
import { workspaceV1 } from './views.ts';
import { readCiscoJson } from './cisco-body.ts';

/** BroadWorks workspaces (webex-broadworks.json "BroadWorks Workspaces"): synchronous. */
export const addWorkspaceRoutes = (t: RouteTable): void => {
  t.post(
    '/v1/broadworks/workspaces',
    {
      summary: 'Provision a BroadWorks Workspace',
      operationId: 'provisionBroadWorksWorkspace',
      responses: [200],
    },
    async (c) => {
      const body = await readCiscoJson(c, 'provisionBroadWorksWorkspace');
      if (!body.ok) return sendError(c, body.error);
      const r = c.env.world.transact((tx) => provisionWorkspace(tx, c.get('user'), body.value));
      return sendResult(c, r, 200, workspaceV1);
    },
  );

  t.put(
    '/v1/broadworks/workspaces/:workspaceId',
    {
      summary: 'Update a BroadWorks Workspace',
      operationId: 'updateBroadworksWorkspace',
      responses: [200],
    },
    async (c) => {
      const body = await readCiscoJson(c, 'updateBroadworksWorkspace');
      if (!body.ok) return sendError(c, body.error);
      const r = c.env.world.transact((tx) =>
        updateWorkspace(tx, c.get('user'), c.req.param('workspaceId'), body.value),
      );
      return sendResult(c, r, 200, workspaceV1);
    },
  );

  t.delete(
    '/v1/broadworks/workspaces/:workspaceId',
    {
      summary: 'Remove a BroadWorks Workspace',
      operationId: 'removeBroadWorksWorkspace',
      responses: [204],
    },
    (c) => {
      const r = c.env.world.transact((tx) =>
        removeWorkspace(tx, c.get('user'), c.req.param('workspaceId')),
      );
      return r.ok ? c.body(null, 204) : sendError(c, r.error);
    },
  );
};
