import { Hono, type Context } from 'hono';
import { customerLocations } from '../../../core/organisations/locations.ts';
import type { DomainError } from '../../../core/kernel/errors.ts';
import { packageInfo } from '../../../core/organisations/packages.ts';
import { exportUsersCsv } from '../../../core/subscribers/csv.ts';
import { importUsersCsv, type ImportReport } from '../../../core/subscribers/csv-import.ts';
import { basePackage } from '../../../core/subscribers/rules.ts';
import {
  addPartnerHubUsers,
  customerUsers,
  patchPartnerHubUser,
  usersCustomer,
} from './users-door.ts';
import type { SurfaceEnv } from '../../env.ts';
import { formErrors, NO_ERRORS, type FormErrors } from './views/common.tsx';
import { UsersPage } from './views/users.tsx';
import { canWrite, forbiddenPage, formValues, notFoundPage } from '../../pages/page-helpers.tsx';

const ROWS_TO_ADD = 25;

/** Partner Hub, a customer's users (USR-1..6, ORG-3, ORG-4): list, Add users, CSV add or edit, export, change package. */
export const userPages = (): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>();
  const href = (c: Context<SurfaceEnv>, id: string, path = '') =>
    `${c.env.base}/partner-hub/customers/${id}${path}`;

  const page = (c: Context<SurfaceEnv>, errors: FormErrors = NO_ERRORS, report?: ImportReport) => {
    const id = c.req.param('id') ?? '';
    const w = c.env.world.read();
    const found = usersCustomer(w, c.get('user'), id);
    if (!found.ok) return notFoundPage(c, found.error.message);
    const customer = found.value;
    const users = customerUsers(w, customer.id);
    const locations = customerLocations(w, customer.id);
    const packages = customer.packages
      .filter((p) => packageInfo(p).subscriber && !packageInfo(p).needsOneOf)
      .map((name) => ({ name, title: packageInfo(name).title }));
    const rows = users.map((s) => {
      const base = basePackage(s.packages);
      return {
        id: s.id,
        email: s.email,
        name: [s.firstName, s.lastName].filter(Boolean).join(' '),
        packageName: base ?? '',
        packageTitle: base ? packageInfo(base).title : 'none',
        location: locations.find((l) => l.id === s.locationId)?.name ?? '',
        number: [s.primaryPhoneNumber, s.extension].filter(Boolean).join(' / '),
        status: s.errors.length > 0 ? 'error' : s.status,
        role: s.role ?? 'user',
        errors: s.errors.map((e) => `${e.errorCode ?? ''} ${e.description}`.trim()),
        changeAction: href(c, customer.id, `/users/${s.id}/package`),
      };
    });
    const view = {
      customer: customer.name,
      canWrite: canWrite(c.get('user')),
      users: rows,
      packages,
      locations: locations.map((l) => ({ id: l.id, name: l.name })),
      addAction: href(c, customer.id, '/users/add'),
      importAction: href(c, customer.id, '/users/import'),
      exportHref: href(c, customer.id, '/users/export.csv'),
      backHref: href(c, customer.id),
      errors,
      rowsToAdd: ROWS_TO_ADD,
      ...(report
        ? {
            report: {
              summary: report.summary,
              rows: report.rows.map((x) => ({
                line: x.line,
                email: x.email,
                outcome: x.outcome,
                messages: [
                  ...x.errors.map((e) => e.description),
                  ...x.warnings.map((e) => `warning: ${e.description}`),
                ],
              })),
            },
          }
        : {}),
    };
    return c.render(<UsersPage view={view} />, { title: `Users · ${customer.name} · Partner Hub` });
  };
  const rejected = (c: Context<SurfaceEnv>, e: DomainError) => {
    c.status(e.status === 404 ? 400 : (e.status as 400));
    return page(c, formErrors(e.errors.map((x) => x.description)));
  };

  app.get('/:id/users', (c) => page(c));
  app.get('/:id/users/export.csv', (c) => {
    const w = c.env.world.read();
    const found = usersCustomer(w, c.get('user'), c.req.param('id'));
    if (!found.ok) return notFoundPage(c, found.error.message);
    const csv = exportUsersCsv(w, customerUsers(w, found.value.id));
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=UTF-8',
      'content-disposition': 'attachment; filename="users.csv"',
    });
  });
  app.post('/:id/users/add', async (c) => {
    if (!canWrite(c.get('user'))) return forbiddenPage(c);
    const v = await formValues(c);
    const users = Array.from({ length: ROWS_TO_ADD }, (_, i) => i)
      .filter((i) => (v[`email.${i}`] ?? '').trim() !== '')
      .map((i) => {
        const opt = (k: string) => (v[`${k}.${i}`] ? { [k]: v[`${k}.${i}`] } : {});
        return {
          firstName: v[`firstName.${i}`] ?? '',
          lastName: v[`lastName.${i}`] ?? '',
          email: v[`email.${i}`] ?? '',
          package: v[`package.${i}`] ?? '',
          locationId: v[`locationId.${i}`] ?? '',
          ...opt('phoneNumber'),
          ...opt('extension'),
        };
      });
    const r = c.env.world.transact((tx) =>
      addPartnerHubUsers(tx, c.get('user'), c.req.param('id'), { users }),
    );
    return r.ok ? c.redirect(href(c, c.req.param('id'), '/users'), 303) : rejected(c, r.error);
  });
  app.post('/:id/users/import', async (c) => {
    if (!canWrite(c.get('user'))) return forbiddenPage(c);
    const body = await c.req.parseBody();
    const file = body.file;
    const bytes =
      file instanceof File
        ? new Uint8Array(await file.arrayBuffer())
        : new TextEncoder().encode(typeof file === 'string' ? file : '');
    const behavior =
      body.behavior === 'add_and_remove_services' ? 'add_and_remove_services' : 'default';
    const r = c.env.world.transact((tx) =>
      importUsersCsv(tx, c.get('user'), c.req.param('id'), bytes, behavior),
    );
    return r.ok ? page(c, NO_ERRORS, r.value) : rejected(c, r.error);
  });
  app.post('/:id/users/:userId/package', async (c) => {
    if (!canWrite(c.get('user'))) return forbiddenPage(c);
    const v = await formValues(c);
    const body = {
      package: v.package ? v.package : null,
      ...(v.extension ? { extension: v.extension } : {}),
    };
    const r = c.env.world.transact((tx) =>
      patchPartnerHubUser(tx, c.get('user'), c.req.param('id'), c.req.param('userId'), body),
    );
    return r.ok ? c.redirect(href(c, c.req.param('id'), '/users'), 303) : rejected(c, r.error);
  });
  return app;
};
