import { Hono, type Context } from 'hono';
import { customerLocations } from '../../../core/organisations/locations.ts';
import type { Customer } from '../../../core/organisations/model.ts';
import type { WholesaleSubscriber } from '../../../core/subscribers/model.ts';
import type { DomainError } from '../../../core/kernel/errors.ts';
import { packageInfo } from '../../../core/organisations/packages.ts';
import { usersCsvLines } from '../../../core/subscribers/csv.ts';
import { bodyInTurns, inTurns } from '../../next-turn.ts';
import { openUsersImport } from '../../../core/subscribers/csv-import.ts';
import { findImportJob, jobReport, jobsFull, RUNNING_JOBS, startImportJob } from './import-jobs.ts';
import { basePackage } from '../../../core/subscribers/rules.ts';
import {
  addPartnerHubUsers,
  customerUsers,
  deletePartnerHubUser,
  patchPartnerHubUser,
  usersCustomer,
} from './users-door.ts';
import { fail } from '../../../core/kernel/result.ts';
import { pageUrl } from '../../pages/page-renderer.tsx';
import type { SurfaceEnv } from '../../env.ts';
import { arraySource, listHref, pageOf, readListQuery } from '../../pages/list-view.ts';
import { formErrors, NO_ERRORS, type FormErrors } from './views/common.tsx';
import { ADD_FIELDS, AddUsersPage, ImportJobPage, ImportPage, UsersPage } from './views/users.tsx';
import { canWrite, forbiddenPage, formValues, notFoundPage } from '../../pages/page-helpers.tsx';

const ROWS_TO_ADD = 25;
/** Rows shown at first; `?rows=25` (Show all 25 rows) shows the rest. */
const ROWS_SHOWN = 5;
const LABELS: Readonly<Record<string, string>> = Object.fromEntries(ADD_FIELDS);

/** A row of Add users counts when anything was typed in it (an extension alone counts). */
const TYPED = ['firstName', 'lastName', 'email', 'phoneNumber', 'extension'] as const;

/**
 * The API's errors for the screen: `users[1].phoneNumber: …` is "Row 2, Phone number: …" in the
 * summary and "…" beside row 2's phone number (rows numbered as the screen does).
 */
export const rowErrors = (
  descriptions: readonly string[],
  rowOf: (apiIndex: number) => number,
): FormErrors => {
  const byField: Record<string, string> = {};
  const summary: string[] = [];
  for (const d of descriptions) {
    const m = /^users\[(\d+)\]\.(\w+): (.*)$/.exec(d);
    if (!m) {
      summary.push(d.replace(/^users: /, ''));
      continue;
    }
    const row = rowOf(Number(m[1]));
    const field = m[2]!;
    const key = `${field}.${row}`;
    if (byField[key] !== undefined) continue;
    byField[key] = m[3]!;
    summary.push(`Row ${row + 1}, ${LABELS[field] ?? field}: ${m[3]!}`);
  }
  return { summary, byField };
};

/** Partner Hub, a customer's users (USR-1..6, ORG-3, ORG-4): list, Add users, CSV, export, change, delete. */
export const userPages = (): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>();
  const href = (c: Context<SurfaceEnv>, id: string, path = '') =>
    `${c.env.base}/partner-hub/customers/${id}${path}`;

  /** The customer (its full administrator in place), or why not. */
  const load = (c: Context<SurfaceEnv>) =>
    usersCustomer(c.env.world.read(), c.get('user'), c.req.param('id') ?? '');
  const head = (c: Context<SurfaceEnv>, x: Customer) => ({
    customer: x.name,
    status: x.status,
    base: href(c, x.id),
    listHref: `${c.env.base}/partner-hub/customers`,
  });
  const packagesOf = (x: Customer) =>
    x.packages
      .filter((p) => packageInfo(p).subscriber && !packageInfo(p).needsOneOf)
      .map((name) => ({ name, title: packageInfo(name).title }));

  const page = async (c: Context<SurfaceEnv>, errors: FormErrors = NO_ERRORS) => {
    const r = load(c);
    if (!r.ok) return notFoundPage(c, r.error.message);
    const customer = r.value;
    const w = c.env.world.read();
    const locations = new Map(customerLocations(w, customer.id).map((l) => [l.id, l.name]));
    // Read in turns when many (list-view.ts); a page past the end reads them twice.
    const users = customerUsers(w, customer.id);
    // What a row shows, computed for the page's rows alone (a customer may have 50,000 users).
    const nameOf = (s: WholesaleSubscriber) => [s.firstName, s.lastName].filter(Boolean).join(' ');
    const titleOf = (s: WholesaleSubscriber) => {
      const base = basePackage(s.packages);
      return base ? packageInfo(base).title : 'none';
    };
    const locationOf = (s: WholesaleSubscriber) =>
      (s.locationId && locations.get(s.locationId)) || '';
    const numberOf = (s: WholesaleSubscriber) =>
      [s.primaryPhoneNumber, s.extension].filter(Boolean).join(' / ');
    const statusOf = (s: WholesaleSubscriber) => (s.errors.length > 0 ? 'error' : s.status);
    const rowOf = (s: WholesaleSubscriber) => ({
      id: s.id,
      email: s.email,
      name: nameOf(s),
      packageName: basePackage(s.packages) ?? '',
      packageTitle: titleOf(s),
      location: locationOf(s),
      number: numberOf(s),
      status: statusOf(s),
      role: s.role ?? 'user',
      errors: s.errors.map((e) => `${e.errorCode ?? ''} ${e.description}`.trim()),
      changeAction: href(c, customer.id, `/users/${s.id}/package`),
      deleteAction: href(c, customer.id, `/users/${s.id}/delete`),
    });
    const source = arraySource(users, {
      text: (s) =>
        `${s.email} ${nameOf(s)} ${titleOf(s)} ${locationOf(s)} ${numberOf(s)} ${statusOf(s)}`,
      keys: {
        email: (s) => s.email,
        name: nameOf,
        package: titleOf,
        location: locationOf,
        status: statusOf,
      },
    });
    const query = readListQuery((k) => c.req.query(k), { sort: 'email' }, source.sortKeys);
    const shown = await pageOf(source, query);
    const done = c.req.query('done');
    return c.render(
      <UsersPage
        view={{
          ...head(c, customer),
          canWrite: canWrite(c.get('user')),
          state: { url: pageUrl(c), query, noun: 'users' },
          page: { ...shown, items: shown.items.map(rowOf) },
          all: w.countOf('subscribers', 'customerId', customer.id),
          packages: packagesOf(customer),
          addHref: href(c, customer.id, '/users/add'),
          importHref: href(c, customer.id, '/users/import'),
          exportHref: href(c, customer.id, '/users/export.csv'),
          errors,
          ...(done ? { flash: { kind: 'ok', text: done } } : {}),
        }}
      />,
      { title: `Users · ${customer.name} · Partner Hub` },
    );
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
    const lines = usersCsvLines(w, customerUsers(w, found.value.id));
    return c.body(bodyInTurns(lines), 200, {
      'content-type': 'text/csv; charset=UTF-8',
      'content-disposition': 'attachment; filename="users.csv"',
    });
  });

  const addPage = (
    c: Context<SurfaceEnv>,
    values: Record<string, string> = {},
    errors: FormErrors = NO_ERRORS,
  ) => {
    const r = load(c);
    if (!r.ok) return notFoundPage(c, r.error.message);
    const x = r.value;
    const typed = Object.entries(values)
      .filter(([, value]) => value.trim() !== '')
      .map(([k]) => Number(k.split('.')[1] ?? -1) + 1);
    const asked = Number(c.req.query('rows') ?? 0);
    const rows = Math.min(ROWS_TO_ADD, Math.max(ROWS_SHOWN, asked || 0, ...typed));
    return c.render(
      <AddUsersPage
        view={{
          ...head(c, x),
          action: href(c, x.id, '/users/add'),
          usersHref: href(c, x.id, '/users'),
          rows,
          max: ROWS_TO_ADD,
          moreHref: `${href(c, x.id, '/users/add')}?rows=${ROWS_TO_ADD}`,
          values,
          errors,
          packages: packagesOf(x),
          locations: customerLocations(c.env.world.read(), x.id).map((l) => ({
            id: l.id,
            name: l.name,
          })),
        }}
      />,
      { title: `Add users · ${x.name} · Partner Hub` },
    );
  };
  app.get('/:id/users/add', (c) => (canWrite(c.get('user')) ? addPage(c) : forbiddenPage(c)));
  app.post('/:id/users/add', async (c) => {
    if (!canWrite(c.get('user'))) return forbiddenPage(c);
    const v = await formValues(c);
    const rows = Array.from({ length: ROWS_TO_ADD }, (_, i) => i).filter((i) =>
      TYPED.some((k) => (v[`${k}.${i}`] ?? '').trim() !== ''),
    );
    const userAt = (i: number) => {
      const opt = (k: string) => (v[`${k}.${i}`]?.trim() ? { [k]: v[`${k}.${i}`]!.trim() } : {});
      return {
        firstName: v[`firstName.${i}`] ?? '',
        lastName: v[`lastName.${i}`] ?? '',
        email: (v[`email.${i}`] ?? '').trim(),
        package: v[`package.${i}`] ?? '',
        locationId: v[`locationId.${i}`] ?? '',
        ...opt('phoneNumber'),
        ...opt('extension'),
      };
    };
    const id = c.req.param('id');
    const r = c.env.world.transact((tx) =>
      addPartnerHubUsers(tx, c.get('user'), id, { users: rows.map(userAt) }),
    );
    if (r.ok)
      return c.redirect(
        `${href(c, id, '/users')}?done=${encodeURIComponent(`${r.value.length} user${r.value.length === 1 ? ' was' : 's were'} added.`)}`,
        303,
      );
    if (rows.length === 0) {
      c.status(400);
      return addPage(c, v, formErrors(['Fill in at least one row.']));
    }
    // The add stops at the first row the rules refuse: try each row alone, changing nothing, so
    // every row's problems show at once.
    const descriptions = r.error.errors.map((e) => e.description);
    const perRow: string[] = [];
    for (const [k, i] of rows.entries()) {
      c.env.world.transact((tx) => {
        const one = addPartnerHubUsers(tx, c.get('user'), id, { users: [userAt(i)] });
        if (!one.ok)
          perRow.push(
            ...one.error.errors.map((e) => e.description.replace(/^users\[0\]/, `users[${k}]`)),
          );
        return fail(r.error);
      });
    }
    c.status(r.error.status === 404 ? 400 : (r.error.status as 400));
    return addPage(
      c,
      v,
      rowErrors([...descriptions, ...perRow], (k) => rows[k] ?? k),
    );
  });

  const importPage = (c: Context<SurfaceEnv>, errors: FormErrors = NO_ERRORS) => {
    const r = load(c);
    if (!r.ok) return notFoundPage(c, r.error.message);
    const x = r.value;
    return c.render(
      <ImportPage
        view={{
          ...head(c, x),
          action: href(c, x.id, '/users/import'),
          usersHref: href(c, x.id, '/users'),
          errors,
        }}
      />,
      { title: `CSV add or edit · ${x.name} · Partner Hub` },
    );
  };
  app.get('/:id/users/import', (c) => (canWrite(c.get('user')) ? importPage(c) : forbiddenPage(c)));
  // USR-2..4 through the page: the file is checked as a whole, then its rows apply as a job (a
  // chunk per turn of the event loop, so the API stays free) and the browser follows its progress.
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
    const opened = await inTurns(
      openUsersImport(c.env.world.read(), c.get('user'), c.req.param('id'), bytes, behavior),
    );
    if (!opened.ok) {
      c.status(opened.error.status === 404 ? 400 : (opened.error.status as 400));
      return importPage(c, formErrors(opened.error.errors.map((x) => x.description)));
    }
    if (jobsFull(c.env.world)) {
      c.status(429);
      c.header('Retry-After', '1');
      return importPage(
        c,
        formErrors([
          `${RUNNING_JOBS} imports are running in this world already: try again when one has finished.`,
        ]),
      );
    }
    const job = startImportJob(c.env.world, c.get('user'), opened.value);
    return c.redirect(href(c, job.customerId, `/users/import/jobs/${job.id}`), 303);
  });
  app.get('/:id/users/import/jobs/:jobId', async (c) => {
    const r = load(c);
    if (!r.ok) return notFoundPage(c, r.error.message);
    const x = r.value;
    const job = findImportJob(c.env.world, c.get('user').partnerId, x.id, c.req.param('jobId'));
    if (!job) return notFoundPage(c, 'No such import: its report is no longer kept.');
    const report = jobReport(job);
    const rows = report.rows.map((row) => ({
      line: row.line,
      email: row.email,
      outcome: row.outcome,
      messages: [
        ...row.errors.map((e) => e.description),
        ...row.warnings.map((e) => `warning: ${e.description}`),
      ],
    }));
    const notable = rows.filter((row) => row.outcome === 'failed' || row.messages.length > 0);
    const show = c.req.query('show') === 'all' ? 'all' : 'failures';
    const source = arraySource(show === 'all' ? rows : notable, {
      text: (row) => `${row.email} ${row.outcome} ${row.messages.join(' ')}`,
      keys: { line: (row) => row.line },
    });
    const query = readListQuery((k) => c.req.query(k), { sort: 'line', size: 100 }, ['line']);
    const page = await pageOf(source, query);
    const url = pageUrl(c);
    const shown = (v: string) =>
      listHref(url, { show: v === 'all' ? 'all' : undefined, page: undefined });
    return c.render(
      <ImportJobPage
        view={{
          ...head(c, x),
          importHref: href(c, x.id, '/users/import'),
          usersHref: href(c, x.id, '/users'),
          state: job.state,
          applied: job.rows.length,
          total: job.total,
          ...(job.stopReason !== undefined ? { stopReason: job.stopReason } : {}),
          summary: report.summary,
          show,
          failuresHref: shown('failures'),
          allHref: shown('all'),
          failures: notable.length,
          list: { url, query, noun: 'rows' },
          page,
        }}
      />,
      {
        title: `CSV add or edit · ${x.name} · Partner Hub`,
        ...(job.state === 'running' ? { refresh: 1 } : {}),
      },
    );
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
    return r.ok
      ? c.redirect(
          `${href(c, c.req.param('id'), '/users')}?done=${encodeURIComponent('The package was changed.')}`,
          303,
        )
      : rejected(c, r.error);
  });
  app.post('/:id/users/:userId/delete', (c) => {
    if (!canWrite(c.get('user'))) return forbiddenPage(c);
    const userId = c.req.param('userId');
    const email = c.env.world.read().get('subscribers', userId)?.email ?? 'The user';
    const r = c.env.world.transact((tx) =>
      deletePartnerHubUser(tx, c.get('user'), c.req.param('id'), userId),
    );
    return r.ok
      ? c.redirect(
          `${href(c, c.req.param('id'), '/users')}?done=${encodeURIComponent(`${email} was deleted.`)}`,
          303,
        )
      : rejected(c, r.error);
  });
  return app;
};
