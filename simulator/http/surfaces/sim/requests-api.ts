import { invalidField } from '../../../core/kernel/errors.ts';
import type { RouteTable } from '../../route-table.ts';
import { sendError } from '../../respond.ts';
import { GLOB_MAX_LENGTH } from '../../../core/glob.ts';

/**
 * `/sim/requests`: the world's request journal, newest first (`?method=&path=&status=`), with the
 * number of the latest request that came in (`lastSeq`) and how many are still being answered
 * (`pending`, listed once answered); DELETE clears it.
 */
export const addRequestRoutes = (t: RouteTable): void => {
  t.get(
    '/requests',
    {
      summary: 'The request journal, newest first (?method=&path=&status=)',
      responses: [200, 400],
      public: true,
    },
    (c) => {
      const method = c.req.query('method');
      const path = c.req.query('path');
      const status = c.req.query('status');
      if (status !== undefined && !/^([1-5]\d\d|[1-5]xx)$/i.test(status)) {
        return sendError(
          c,
          invalidField(
            'status',
            `must be a status such as 429 or a class such as 4xx (got ${JSON.stringify(status)})`,
          ),
        );
      }
      if (path !== undefined && path.length > GLOB_MAX_LENGTH) {
        return sendError(c, invalidField('path', `must be at most ${GLOB_MAX_LENGTH} characters`));
      }
      const journal = c.env.registry.journalOf(c.env.world);
      const items = journal.list({
        ...(method !== undefined ? { method } : {}),
        ...(path !== undefined ? { path } : {}),
        ...(status !== undefined ? { status } : {}),
      });
      return c.json({ items, lastSeq: journal.lastSeq, pending: journal.pending });
    },
  );
  t.delete(
    '/requests',
    { summary: 'Clear the request journal', responses: [204], public: true },
    (c) => {
      c.env.registry.journalOf(c.env.world).clear();
      return c.body(null, 204);
    },
  );
};
