import { Hono, type Context } from 'hono';
import { customerLocations } from '../../../core/organisations/locations.ts';
import { ownedBy, ownList } from '../../../core/kernel/ownership.ts';
import { PACKAGE_NAMES, packageInfo } from '../../../core/organisations/packages.ts';
import { createPartnerHubCustomer } from './customers-door.ts';
import type { Address } from '../../../core/kernel/model.ts';
import type { SurfaceEnv } from '../../env.ts';
import { formErrors, NO_ERRORS, type FormErrors } from './views/common.tsx';
import { CustomerDetail, CustomerForm, CustomersList } from './views/customers.tsx';
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

/** Partner Hub, Customers (ORG-1..3): list, create form, detail with status. */
export const customerPages = (): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>();
  const href = (c: Context<SurfaceEnv>, path = '') => `${c.env.base}/partner-hub/customers${path}`;

  app.get('/', (c) => {
    const w = c.env.world.read();
    const rows = ownList(w, 'customers', c.get('user').partnerId).map((x) => ({
      name: x.name,
      href: href(c, `/${x.id}`),
      status: x.status,
      packages: x.packages.map((p) => packageInfo(p).title).join(', '),
      template: w.get('templates', x.templateId)?.name ?? '',
    }));
    return c.render(
      <CustomersList rows={rows} newHref={href(c, '/new')} canWrite={canWrite(c.get('user'))} />,
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

  app.get('/:id', (c) => {
    const w = c.env.world.read();
    const found = ownedBy(w, 'customers', c.req.param('id'), c.get('user').partnerId, 'Customer');
    if (!found.ok) return notFoundPage(c, found.error.message);
    const x = found.value;
    const rows = [
      { label: 'Administrator', value: x.primaryEmail },
      { label: 'Template', value: w.get('templates', x.templateId)?.name ?? x.provisioningId },
      { label: 'Packages', value: x.packages.map((p) => packageInfo(p).title).join(', ') },
      { label: 'Headquarters', value: oneLine(x.address) },
      {
        label: 'Organization ID',
        value: x.status === 'provisioned' ? x.orgId : 'assigned once provisioned',
      },
      { label: 'Created', value: x.created },
      { label: 'Last status change', value: x.lastStatusChange },
    ];
    const locations = customerLocations(w, x.id).map((l) => ({
      name: l.name,
      address: oneLine(l.address),
    }));
    const errors = x.errors.map((e) => `${e.errorCode ?? ''} ${e.description}`.trim());
    return c.render(
      <CustomerDetail
        view={{
          name: x.name,
          status: x.status,
          rows,
          locations,
          errors,
          backHref: href(c),
          usersHref: href(c, `/${x.id}/users`),
        }}
      />,
      { title: `${x.name} · Partner Hub` },
    );
  });
  return app;
};
