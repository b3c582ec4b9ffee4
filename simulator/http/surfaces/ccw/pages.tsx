import type { Context, Hono } from 'hono';
import {
  changeContact,
  completeSetup,
  lineView,
  orderBySetupToken,
  orderView,
  placeOrder,
  resendMail,
} from '../../../core/ccw/orders.ts';
import type { DomainError } from '../../../core/kernel/errors.ts';
import { authorize } from '../../../core/kernel/identity.ts';
import type { Order } from '../../../core/ccw/model.ts';
import { ownedBy, ownList } from '../../../core/kernel/ownership.ts';
import { pageUrl } from '../../pages/page-renderer.tsx';
import type { SurfaceEnv } from '../../env.ts';
import { nextStepsById, type NextStep } from '../../../core/sim/next-step.ts';
import { PACKAGE_NAMES, packageInfo } from '../../../core/organisations/packages.ts';
import { arraySource, pageOf, readListQuery, totalWithoutSearch } from '../../pages/list-view.ts';
import { VIEWS_A_TURN } from '../../next-turn.ts';
import { orderNumber } from '../../pages/names.ts';
import { OrderPage, OrdersList, SubscriptionsPage, type LineRow } from './views/orders.tsx';
import { SetupPage } from './views/setup.tsx';
import { formErrors, NO_ERRORS, type FormErrors } from '../partner-hub/views/common.tsx';
import { formValues, notFoundPage } from '../../pages/page-helpers.tsx';
import { pageSession } from '../../pages/page-session.tsx';

const day = (iso: string | null) =>
  iso ? iso.replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC') : '—';

const DUE_WORDS: Readonly<Record<string, string>> = {
  rsd: 'The provisioning email goes at the requested start date,',
  close: 'The line closes at the end of its window,',
};

/** The rows of an order's lines, with each line's next step (`nextStepsById`, read once a page). */
const rows = (c: Context<SurfaceEnv>, o: Order, steps: ReadonlyMap<string, NextStep>): LineRow[] =>
  o.lines.map((l) => {
    const v = lineView(o, l);
    const base = `${c.env.base}/ccw/orders/${o.id}/lines/${l.id}`;
    const next = steps.get(l.id);
    return {
      packages: l.packages.map((p) => packageInfo(p).title).join(', '),
      ...(next ? { due: { text: DUE_WORDS[next.step] ?? 'Next step', dueAt: next.dueAt } } : {}),
      id: l.id,
      offer: v.offer,
      status: v.status,
      contact: v.provisioningContactEmail,
      rsd: day(v.requestedStartDate),
      emailSentAt: day(v.emailSentAt),
      closesAt: day(v.closesAt),
      notice: v.notice,
      resendAction: `${base}/resend`,
      contactAction: `${base}/contact`,
    };
  });

/** An order's line statuses and provisioning contacts, each once. */
const statusesOf = (o: Order): string =>
  [...new Set(o.lines.map((l) => l.status.replace(/_/g, ' ')))].join(', ');
const contactsOf = (o: Order): string =>
  [...new Set(o.lines.map((l) => l.provisioningContactEmail))].join(', ');

/** Cisco Commerce Workspace's screens (CCW-1..8): orders, resend with its confirmation, subscriptions, setup. */
export const ccwPages = (): Hono<SurfaceEnv> => {
  const { app, guard } = pageSession({
    surface: 'ccw',
    path: 'ccw',
    title: 'Cisco Commerce Workspace',
    landing: 'orders',
    links: [
      { label: 'Orders', path: 'orders', icon: 'shopping-cart-regular' },
      { label: 'Cloud/SaaS subscriptions', path: 'subscriptions', icon: 'list-bulleted-regular' },
    ],
  });

  // The mail's Set Up Your Service link: no sign-in; the link is the key.
  const setupForm = (c: Context<SurfaceEnv>, values: Record<string, string>, errors: FormErrors) =>
    c.render(
      <SetupPage
        view={{
          state: 'form',
          action: `${c.env.base}/ccw/setup/${c.req.param('token')}`,
          values,
          errors,
        }}
      />,
      { title: 'Set up your Webex service' },
    );
  app.get('/setup/:token', (c) => {
    const order = orderBySetupToken(c.env.world.read(), c.req.param('token'));
    if (!order.ok) return notFoundPage(c, order.error.message);
    if (order.value.customerId !== undefined) {
      c.status(409);
      return c.render(
        <SetupPage
          view={{
            state: 'refused',
            message:
              'This order is already set up: service setup continues at https://admin.webex.com.',
          }}
        />,
        { title: 'Set up your Webex service' },
      );
    }
    return setupForm(c, {}, NO_ERRORS);
  });
  app.post('/setup/:token', async (c) => {
    const v = await formValues(c);
    const opt = (k: string) => (v[k] ? { [k]: v[k] } : {});
    const body = {
      companyName: v.companyName ?? '',
      adminEmail: v.adminEmail ?? '',
      headquarters: {
        addressLine1: v.addressLine1 ?? '',
        ...opt('addressLine2'),
        city: v.city ?? '',
        ...opt('stateOrProvince'),
        ...opt('zipOrPostalCode'),
        country: v.country ?? '',
      },
    };
    const r = c.env.world.transact((tx) => completeSetup(tx, c.req.param('token'), body));
    if (r.ok)
      return c.render(<SetupPage view={{ state: 'done', company: body.companyName }} />, {
        title: 'Your service is being set up',
      });
    c.status(r.error.status as 400);
    if (r.error.status !== 400)
      return c.render(<SetupPage view={{ state: 'refused', message: r.error.message }} />, {
        title: 'Set up your Webex service',
      });
    return setupForm(
      c,
      v,
      formErrors(r.error.errors.map((e) => e.description.replace(/^address\./, 'headquarters.'))),
    );
  });

  app.use('*', guard);
  app.get('/', (c) => c.redirect(`${c.env.base}/ccw/orders`, 303));

  const ordersPage = async (
    c: Context<SurfaceEnv>,
    errors: FormErrors,
    values: Record<string, string> = {},
  ) => {
    const w = c.env.world.read();
    const partnerId = c.get('user').partnerId;
    const orders = ownList(w, 'orders', partnerId);
    // Rows are written for the page shown; a search or a sort reads what it needs of each order.
    const source = arraySource(orders, {
      text: (o) => `${orderNumber(o.id)} ${statusesOf(o)} ${contactsOf(o)}`,
      keys: {
        number: (o) => orderNumber(o.id),
        created: (o) => Date.parse(o.created),
        lines: (o) => o.lines.length,
        status: statusesOf,
      },
    });
    const query = readListQuery(
      (k) => c.req.query(k),
      { sort: 'created', dir: 'desc' },
      source.sortKeys,
    );
    const found = await pageOf(source, query);
    const page = {
      ...found,
      items: found.items.map((o) => ({
        id: o.id,
        number: orderNumber(o.id),
        href: `${c.env.base}/ccw/orders/${o.id}`,
        created: day(o.created),
        lines: o.lines.length,
        statuses: statusesOf(o),
        contacts: contactsOf(o),
      })),
    };
    return c.render(
      <OrdersList
        view={{
          state: { url: pageUrl(c), query, noun: 'orders' },
          page,
          all: orders.length,
          placeAction: `${c.env.base}/ccw/orders`,
          canOrder: authorize(c.get('user'), 'ccw', 'write').ok,
          errors,
          values,
          templates: ownList(w, 'templates', partnerId).filter((t) => t.offer === 'wholesale'),
          packageOptions: PACKAGE_NAMES.map((name) => ({ name, title: packageInfo(name).title })),
        }}
      />,
      { title: 'Orders · CCW' },
    );
  };
  app.get('/orders', (c) => ordersPage(c, NO_ERRORS));
  app.post('/orders', async (c) => {
    const v = await formValues(c);
    const r = c.env.world.transact((tx) =>
      placeOrder(tx, c.get('user'), {
        ...(v.provisioningId ? { provisioningId: v.provisioningId } : {}),
        lines: [
          {
            offer: v.offer ?? '',
            provisioningContactEmail: (v.provisioningContactEmail ?? '').trim(),
            requestedStartDate: v.requestedStartDate ?? '',
            ...(v.packages ? { packages: v.packages.split(',') } : {}),
          },
        ],
      }),
    );
    if (r.ok) return c.redirect(`${c.env.base}/ccw/orders/${r.value.id}`, 303);
    c.status(r.error.status as 400);
    return ordersPage(
      c,
      formErrors(
        r.error.errors.map((e) =>
          r.error.status === 404 ? `provisioningId: ${e.description}` : e.description,
        ),
      ),
      v,
    );
  });

  const orderPage = (
    c: Context<SurfaceEnv>,
    id: string,
    flash?: { kind: 'ok' | 'error'; text: string },
  ) => {
    const found = ownedBy(c.env.world.read(), 'orders', id, c.get('user').partnerId, 'Order');
    if (!found.ok) return notFoundPage(c, found.error.message);
    const view = orderView(found.value);
    const w = c.env.world.read();
    const customer = found.value.customerId
      ? w.get('customers', found.value.customerId)
      : undefined;
    const template = w
      .list('templates')
      .find(
        (t) =>
          t.provisioningId === found.value.provisioningId && t.partnerId === found.value.partnerId,
      );
    return c.render(
      <OrderPage
        view={{
          id: view.id,
          number: orderNumber(view.id),
          template: template?.name ?? found.value.provisioningId,
          ...(customer
            ? {
                customer: {
                  name: customer.name,
                  href: `${c.env.base}/partner-hub/customers/${customer.id}`,
                },
              }
            : {}),
          here: `${c.env.base}/ccw/orders/${view.id}`,
          ...(c.env.simApi ? { jumpAction: `${c.env.base}/sim/panel/clock` } : {}),
          ponrReached: view.ponrReached,
          lines: rows(c, found.value, nextStepsById(w)),
          backHref: `${c.env.base}/ccw/orders`,
          ...(flash ? { flash } : {}),
        }}
      />,
      { title: `Order ${orderNumber(view.id)} · CCW` },
    );
  };
  const refused = (c: Context<SurfaceEnv>, id: string, e: DomainError) => {
    c.status(e.status as 409);
    return orderPage(c, id, { kind: 'error', text: e.message });
  };
  const allowed = (c: Context<SurfaceEnv>) => authorize(c.get('user'), 'ccw', 'write');

  app.get('/orders/:id', (c) => orderPage(c, c.req.param('id')));
  app.post('/orders/:id/lines/:lineId/resend', (c) => {
    const id = c.req.param('id');
    const may = allowed(c);
    if (!may.ok) return refused(c, id, may.error);
    const r = c.env.world.transact((tx) =>
      resendMail(tx, c.get('user'), id, c.req.param('lineId')),
    );
    return r.ok
      ? orderPage(c, id, {
          kind: 'ok',
          text: `The provisioning email was resent to ${r.value.to}.`,
        })
      : refused(c, id, r.error);
  });
  app.post('/orders/:id/lines/:lineId/contact', async (c) => {
    const id = c.req.param('id');
    const may = allowed(c);
    if (!may.ok) return refused(c, id, may.error);
    const v = await formValues(c);
    const r = c.env.world.transact((tx) =>
      changeContact(tx, c.get('user'), id, c.req.param('lineId'), {
        provisioningContactEmail: v.provisioningContactEmail ?? '',
      }),
    );
    return r.ok
      ? orderPage(c, id, { kind: 'ok', text: 'The provisioning contact was changed.' })
      : refused(c, id, r.error);
  });

  app.get('/subscriptions', async (c) => {
    const status = c.req.query('status');
    const orders = ownList(c.env.world.read(), 'orders', c.get('user').partnerId);
    // The lines of every order, filtered by status, a page of them written out (in turns).
    const lines: Iterable<{ readonly o: Order; readonly v: ReturnType<typeof lineView> }> = {
      *[Symbol.iterator]() {
        for (const o of orders)
          for (const l of o.lines) {
            const v = lineView(o, l);
            if (status === undefined || v.status === status) yield { o, v };
          }
      },
    };
    const source = arraySource(lines, {
      text: ({ o, v }) =>
        `${orderNumber(o.id)} ${v.offer} ${v.status} ${v.provisioningContactEmail}`,
      keys: {},
      itemsATurn: VIEWS_A_TURN,
    });
    const query = readListQuery((k) => c.req.query(k), { sort: '' }, source.sortKeys);
    const found = await pageOf(source, query);
    const page = {
      ...found,
      items: found.items.map(({ o, v }) => ({
        orderHref: `${c.env.base}/ccw/orders/${o.id}`,
        offer: v.offer,
        status: v.status,
        notice: v.notice,
        contact: v.provisioningContactEmail,
      })),
    };
    const href = (s?: string) => `${c.env.base}/ccw/subscriptions${s ? `?status=${s}` : ''}`;
    return c.render(
      <SubscriptionsPage
        state={{ url: pageUrl(c), query, noun: 'subscriptions' }}
        page={page}
        all={totalWithoutSearch(lines, query, found)}
        filters={[
          { label: 'All', href: href() },
          { label: 'Closed', href: href('closed') },
          { label: 'Awaiting provisioning details', href: href('awaiting_provisioning_details') },
        ]}
      />,
      { title: 'Subscriptions · CCW' },
    );
  });
  return app;
};
