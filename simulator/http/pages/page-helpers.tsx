import type { Context } from 'hono';
import { authorize } from '../../core/kernel/identity.ts';
import type { PartnerUser } from '../../core/kernel/model.ts';
import type { SurfaceEnv } from '../env.ts';

/** Whether a partner user may change things in Partner Hub (admin: yes; readonly: no). */
export const canWrite = (u: PartnerUser): boolean => authorize(u, 'partnerHub', 'write').ok;

/** A form post's fields; repeated fields (checkboxes) joined under `name[]` as well. */
export const formValues = async (c: Context<SurfaceEnv>): Promise<Record<string, string>> => {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body))
    out[k] = Array.isArray(v) ? v.map(String).join(',') : String(v);
  return out;
};

export const forbiddenPage = (c: Context<SurfaceEnv>) => {
  c.status(403);
  return c.render(
    <section>
      <h1>Not allowed</h1>
      <p role="alert">
        The {c.get('user').role} role may look but not change anything in Partner Hub.
      </p>
    </section>,
    { title: 'Not allowed · Partner Hub' },
  );
};

export const notFoundPage = (c: Context<SurfaceEnv>, message: string) => {
  c.status(404);
  return c.render(
    <section>
      <h1>Not found</h1>
      <p role="alert">{message}</p>
    </section>,
    { title: 'Not found · Partner Hub' },
  );
};
