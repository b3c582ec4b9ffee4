import { Hono, type Context } from 'hono';
import { addLocation, customerLocations } from '../../../core/organisations/locations.ts';
import { nextStepOf } from '../../../core/sim/next-step.ts';
import { arraySource, pageOf, readListQuery } from '../../pages/list-view.ts';
import { ownedBy, ownList } from '../../../core/kernel/ownership.ts';
import { PACKAGE_NAMES, packageInfo } from '../../../core/organisations/packages.ts';
import { createPartnerHubCustomer } from './customers-door.ts';
import type { Customer } from '../../../core/organisations/model.ts';
import type { Address } from '../../../core/kernel/model.ts';
import { pageUrl } from '../../pages/page-renderer.tsx';
import type { SurfaceEnv } from '../../env.ts';
import { formErrors, NO_ERRORS, type FormErrors } from './views/common.tsx';
import {
  CustomerDetail,
  CustomerForm,
  CustomersList,
  LocationsPage,
  type DueView,
} from './views/customers.tsx';
import { canWrite, forbiddenPage, formValues, notFoundPage } from '../../pages/page-helpers.tsx';

const oneLine = (a: Address): string =>
  [a.addressLine1, a.addressLine2, a.city, a.stateOrProvince, a.zipOrPostalCode, a.country]
    .filter(Boolean)
    .join(', ');

/** The customer form's fields as the Partner Hub API body (ORG-1, ORG-2). */
export const customerBody = (v: Readonly<Record<string, string>>): Record<string, unknown> => {
  const opt = (k: string) => (v[k] ? { [k]: v[k] } : {});
  return {
    companyName: v.companyName ?? '',
    adminEmail: v.adminEmail ?? '',
    provisioningId: v.provisioningId ?? '',
    packages: v.packages ? v.packages.split(',') : [],
    headquarters: {
      addressLine1: v.addressLine1 ?? '',
      ...opt('addressLine2'),
      city: v.city ?? '',
      ...opt('stateOrProvince'),
      ...opt('zipOrPostalCode'),
      country: v.country ?? '',
    },
    supportedLocationAttested: v.supportedLocationAttested === 'true',
  };
};

/** When a customer in a timed status moves on, with a jump of the clock when `/sim` is on. */
export const dueOf = (c: Context<SurfaceEnv>, id: string, back: string): DueView | undefined => {
  const next = nextStepOf(c.env.world.read(), id);
  if (!next) return undefined;
  const words: Readonly<Record<string, string>> = {
    provision: 'Provisioning ends',
    update: 'The update ends',
    delete: 'The deletion ends',
  };
  return {
    text: words[next.step] ?? 'The next step is due',
    dueAt: next.dueAt,
    back,
    ...(c.env.simApi ? { jumpAction: `${c.env.base}/sim/panel/clock` } : {}),
  };
};

/** Partner Hub, Customers (ORG-1..3): list, create form, the customer view with its tabs. */
export const customerPages = (): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>();
  const href = (c: Context<SurfaceEnv>, path = '') => `${c.env.base}/partner-hub/customers${path}`;

  app.get('/', async (c) => {
    const w = c.env.world.read();
    const mine = ownList(w, 'customers', c.get('user').partnerId);
    const templates = new Map(w.list('templates').map((t) => [t.id, t.name]));
    // What a row shows, computed for the page's rows alone (a partner may have 10,000 customers).
    const templateOf = (x: Customer) => templates.get(x.templateId) ?? '';
    const packagesOf = (x: Customer) => x.packages.map((p) => packageInfo(p).title).join(', ');
    const source = arraySource(mine, {
      text: (x) => `${x.name} ${x.status} ${templateOf(x)} ${packagesOf(x)}`,
      keys: { name: (x) => x.name, status: (x) => x.status, template: templateOf },
    });
    const query = readListQuery((k) => c.req.query(k), { sort: 'name' }, source.sortKeys);
    const shown = await pageOf(source, query);
    const rows = shown.items.map((x) => ({
      name: x.name,
      href: href(c, `/${x.id}`),
      status: x.status,
      packages: packagesOf(x),
      template: templateOf(x),
    }));
    return c.render(
      <CustomersList
        state={{ url: pageUrl(c), query, noun: 'customers' }}
        page={{ ...shown, items: rows }}
        all={mine.length}
        newHref={href(c, '/new')}
        canWrite={canWrite(c.get('user'))}
      />,
      { title: 'Customers · Partner Hub' },
    );
  });

  const form = (c: Context<SurfaceEnv>, values: Record<string, string>, errors: FormErrors) => {
    const w = c.env.world.read();
    const templates = ownList(w, 'templates', c.get('user').partnerId).filter(
      (t) => t.offer === 'wholesale',
    );
    const packageOptions = PACKAGE_NAMES.map((name) => ({ name, title: packageInfo(name).title }));
    return c.render(
      <CustomerForm
        view={{
          action: href(c, '/new'),
          values,
          packages: values.packages ? values.packages.split(',') : [],
          errors,
          templates,
          packageOptions,
          countries: w.meta.supportedCountries,
        }}
      />,
      { title: 'Create customer · Partner Hub' },
    );
  };

  app.get('/new', (c) => (canWrite(c.get('user')) ? form(c, {}, NO_ERRORS) : forbiddenPage(c)));
  app.post('/new', async (c) => {
    if (!canWrite(c.get('user'))) return forbiddenPage(c);
    const values = await formValues(c);
    const r = c.env.world.transact((tx) =>
      createPartnerHubCustomer(tx, c.get('user'), customerBody(values)),
    );
    if (r.ok) return c.redirect(href(c, `/${r.value.id}`), 303);
    c.status(r.error.status === 404 ? 400 : (r.error.status as 400));
    const descriptions =
      r.error.status === 404
        ? [`provisioningId: ${r.error.message}`]
        : r.error.errors.map((e) => e.description);
    return form(c, values, formErrors(descriptions));
  });

  const customer = (c: Context<SurfaceEnv>) =>
    ownedBy(
      c.env.world.read(),
      'customers',
      c.req.param('id') ?? '',
      c.get('user').partnerId,
      'Customer',
    );

  app.get('/:id', (c) => {
    const w = c.env.world.read();
    const found = customer(c);
    if (!found.ok) return notFoundPage(c, found.error.message);
    const x = found.value;
    const template = w.get('templates', x.templateId);
    const rows = [
      { label: 'Administrator', value: x.primaryEmail },
      {
        label: 'Template',
        value: template?.name ?? x.provisioningId,
        ...(template ? { href: `${c.env.base}/partner-hub/templates/${template.id}` } : {}),
      },
      { label: 'Packages', value: x.packages.map((p) => packageInfo(p).title).join(', ') },
      { label: 'Headquarters', value: oneLine(x.address) },
      {
        label: 'Organization ID',
        value: x.status === 'provisioned' ? x.orgId : 'assigned once provisioned',
      },
      { label: 'Created', value: x.created },
      { label: 'Last status change', value: x.lastStatusChange },
    ];
    const errors = x.errors.map((e) => `${e.errorCode ?? ''} ${e.description}`.trim());
    const due = dueOf(c, x.id, href(c, `/${x.id}`));
    const done = c.req.query('done');
    const failed = c.req.query('failed');
    return c.render(
      <CustomerDetail
        view={{
          name: x.name,
          status: x.status,
          rows,
          errors,
          base: href(c, `/${x.id}`),
          listHref: href(c),
          ...(due ? { due } : {}),
          ...(done ? { flash: { kind: 'ok', text: done } } : {}),
          ...(failed ? { flash: { kind: 'error', text: failed } } : {}),
        }}
      />,
      { title: `${x.name} · Partner Hub` },
    );
  });

  const locationsPage = (
    c: Context<SurfaceEnv>,
    values: Record<string, string> = {},
    errors: FormErrors = NO_ERRORS,
  ) => {
    const w = c.env.world.read();
    const found = customer(c);
    if (!found.ok) return notFoundPage(c, found.error.message);
    const x = found.value;
    const done = c.req.query('done');
    return c.render(
      <LocationsPage
        view={{
          name: x.name,
          status: x.status,
          base: href(c, `/${x.id}`),
          listHref: href(c),
          locations: customerLocations(w, x.id).map((l) => ({
            name: l.name,
            address: oneLine(l.address),
            timezone: l.timezone,
          })),
          canWrite: canWrite(c.get('user')),
          addAction: href(c, `/${x.id}/locations`),
          values,
          errors,
          countries: w.meta.supportedCountries,
          ...(done ? { flash: { kind: 'ok', text: done } } : {}),
        }}
      />,
      { title: `Locations · ${x.name} · Partner Hub` },
    );
  };
  app.get('/:id/locations', (c) => locationsPage(c));
  app.post('/:id/locations', async (c) => {
    if (!canWrite(c.get('user'))) return forbiddenPage(c);
    const v = await formValues(c);
    const opt = (k: string) => (v[k]?.trim() ? { [k]: v[k]!.trim() } : {});
    const r = c.env.world.transact((tx) =>
      addLocation(tx, c.get('user'), c.req.param('id'), {
        name: v.name ?? '',
        address: {
          addressLine1: v.addressLine1 ?? '',
          ...opt('addressLine2'),
          city: v.city ?? '',
          ...opt('stateOrProvince'),
          ...opt('zipOrPostalCode'),
          country: v.country ?? '',
        },
      }),
    );
    if (r.ok)
      return c.redirect(
        `${href(c, `/${c.req.param('id')}/locations`)}?done=${encodeURIComponent(`Location ${r.value.name} was added.`)}`,
        303,
      );
    c.status(r.error.status as 400);
    const descriptions = r.error.errors.map((e) =>
      /location named/.test(e.description) ? `name: ${e.description}` : e.description,
    );
    return locationsPage(c, v, formErrors(descriptions));
  });
  return app;
};
