import { raw } from 'hono/html';
import { ErrorSummary, Field, type FormErrors } from '../../partner-hub/views/common.tsx';
import { ListBar, Pager, SortHeader, type ListState } from '../../../pages/list-controls.tsx';
import type { ListPage } from '../../../pages/list-view.ts';
import { JumpButton } from '../../sim/views/panel.tsx';

/** Why Resend and Change are off after the point of no return (CCW-4). */
export const PONR_REASON =
  'Point of no return reached: the order is mapped to an organization in Control Hub. The provisioning email cannot be resent and the contact cannot change; setup continues at https://admin.webex.com.';

export interface LineRow {
  readonly id: string;
  readonly offer: string;
  readonly status: string;
  readonly contact: string;
  readonly rsd: string;
  readonly emailSentAt: string;
  readonly closesAt: string;
  readonly notice: string | null;
  readonly packages: string;
  readonly resendAction: string;
  readonly contactAction: string;
  readonly due?: { text: string; dueAt: string };
}

export interface OrderRow {
  readonly id: string;
  readonly number: string;
  readonly href: string;
  readonly created: string;
  readonly lines: number;
  readonly statuses: string;
  readonly contacts: string;
}

export interface OrdersView {
  readonly state: ListState;
  readonly page: ListPage<OrderRow>;
  readonly all: number;
  readonly placeAction: string;
  readonly canOrder: boolean;
  readonly errors: FormErrors;
  readonly values: Readonly<Record<string, string>>;
  readonly templates: readonly { provisioningId: string; name: string }[];
  readonly packageOptions: readonly { name: string; title: string }[];
}

const OFFERS = [
  ['A-FLEX', 'A-FLEX (7-day window)'],
  ['A-FLEX-3', 'A-FLEX-3 (7-day window)'],
  ['COLLAB-FLEX', 'Collaboration Flex (30-day window)'],
  ['EA', 'Enterprise Agreement (30-day window)'],
] as const;

export const OrdersList = ({ view }: { view: OrdersView }) => {
  const v = view.values;
  const e = view.errors;
  const chosen = (v.packages ?? 'webex_meetings').split(',');
  return (
    <section>
      <h1>Orders</h1>
      <ListBar state={view.state} page={view.page} total={view.all} />
      <div class="table-wrap">
        <table data-testid="orders">
          <thead>
            <tr>
              <SortHeader state={view.state} label="Order number" by="number" />
              <SortHeader state={view.state} label="Placed" by="created" />
              <SortHeader state={view.state} label="Lines" by="lines" />
              <SortHeader state={view.state} label="Status" by="status" />
              <th scope="col">Provisioning contacts</th>
            </tr>
          </thead>
          <tbody>
            {view.page.items.map((o) => (
              <tr>
                <td>
                  <a href={o.href}>{o.number}</a>
                </td>
                <td>{o.created}</td>
                <td>{o.lines}</td>
                <td>{o.statuses}</td>
                <td>{o.contacts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager state={view.state} page={view.page} />
      {view.canOrder ? (
        <form method="post" action={view.placeAction} class="form">
          <h2>Place an order</h2>
          <ErrorSummary errors={e} />
          <fieldset>
            <legend>Subscription</legend>
            <Field label="Offer" name="lines[0].offer" input="offer" errors={e}>
              <select id="offer" name="offer">
                {OFFERS.map(([o, label]) => (
                  <option value={o} selected={o === v.offer}>
                    {label}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Onboarding template" name="provisioningId" errors={e}>
              <select id="provisioningId" name="provisioningId">
                {view.templates.map((t) => (
                  <option value={t.provisioningId} selected={t.provisioningId === v.provisioningId}>
                    {t.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Packages" name="lines[0].packages" input="packages" errors={e}>
              <div class="checks" id="packages">
                {view.packageOptions.map((p) => (
                  <label>
                    <input
                      type="checkbox"
                      name="packages"
                      value={p.name}
                      checked={chosen.includes(p.name)}
                    />{' '}
                    {p.title}
                  </label>
                ))}
              </div>
            </Field>
          </fieldset>
          <fieldset>
            <legend>Provisioning</legend>
            <Field
              label="Provisioning contact email"
              name="lines[0].provisioningContactEmail"
              input="provisioningContactEmail"
              errors={e}
            >
              <input
                id="provisioningContactEmail"
                name="provisioningContactEmail"
                value={v.provisioningContactEmail ?? ''}
              />
            </Field>
            <Field
              label="Requested start date"
              name="lines[0].requestedStartDate"
              input="requestedStartDate"
              errors={e}
            >
              <input
                id="requestedStartDate"
                name="requestedStartDate"
                type="date"
                value={v.requestedStartDate ?? ''}
              />
            </Field>
          </fieldset>
          <button type="submit">Place order</button>
        </form>
      ) : null}
    </section>
  );
};

export interface OrderView {
  readonly id: string;
  readonly number: string;
  readonly template: string;
  readonly ponrReached: boolean;
  readonly customer?: { name: string; href: string };
  readonly here: string;
  readonly jumpAction?: string;
  readonly lines: readonly LineRow[];
  readonly flash?: { kind: 'ok' | 'error'; text: string };
  readonly backHref: string;
}

// The confirmation popup: Resend opens it, Yes submits that line's form, No closes it.
const confirmScript = `
document.addEventListener('click', (e) => {
  const open = e.target.closest('[data-resend]');
  if (open) {
    const d = document.getElementById('confirm-resend');
    d.querySelector('[data-target]').textContent = open.dataset.contact;
    d.dataset.form = open.dataset.resend;
    d.showModal();
  }
  if (e.target.matches('[data-answer]')) {
    const d = document.getElementById('confirm-resend');
    d.close();
    if (e.target.dataset.answer === 'yes') document.getElementById(d.dataset.form).submit();
  }
});`;

export const OrderPage = ({ view }: { view: OrderView }) => (
  <section>
    <div class="breadcrumb">
      <a href={view.backHref}>Orders</a> › {view.number}
    </div>
    <h1>Order {view.number}</h1>
    <p class="muted">
      Template {view.template}
      {view.customer ? (
        <>
          {' '}
          · customer <a href={view.customer.href}>{view.customer.name}</a>
        </>
      ) : null}
    </p>
    {view.flash ? (
      <div
        class={view.flash.kind === 'ok' ? 'success' : 'alert'}
        role={view.flash.kind === 'ok' ? 'status' : 'alert'}
        data-testid="flash"
      >
        {view.flash.text}
      </div>
    ) : null}
    {view.ponrReached ? (
      <div class="info" role="note" data-testid="ponr">
        {PONR_REASON}
      </div>
    ) : null}
    <div class="table-wrap">
      <table data-testid="lines">
        <thead>
          <tr>
            <th scope="col">Offer</th>
            <th scope="col">Status</th>
            <th scope="col">Provisioning contact</th>
            <th scope="col">Requested start</th>
            <th scope="col">Email sent</th>
            <th scope="col">Closes</th>
            <th scope="col">
              <span class="visually-hidden">Resend</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {view.lines.map((l, i) => (
            <tr data-testid={`line-${i}`}>
              <td>
                {l.offer}
                <div class="muted">{l.packages}</div>
              </td>
              <td>
                <span class={`badge ${l.status}`}>{l.status.replace(/_/g, ' ')}</span>
                {l.notice ? <div class="notice">{l.notice}</div> : null}
                {l.due ? (
                  <div class="due" data-testid="next-step">
                    {l.due.text} at <time datetime={l.due.dueAt}>{l.due.dueAt}</time>.{' '}
                    {view.jumpAction ? (
                      <JumpButton action={view.jumpAction} dueAt={l.due.dueAt} back={view.here} />
                    ) : null}
                  </div>
                ) : null}
              </td>
              <td>
                <form method="post" action={l.contactAction} class="inline">
                  <input
                    name="provisioningContactEmail"
                    value={l.contact}
                    aria-label="Provisioning contact"
                    disabled={view.ponrReached}
                  />{' '}
                  <button
                    type="submit"
                    class="secondary"
                    disabled={view.ponrReached}
                    title={view.ponrReached ? PONR_REASON : undefined}
                  >
                    Change
                  </button>
                </form>
              </td>
              <td>{l.rsd}</td>
              <td>{l.emailSentAt}</td>
              <td>{l.closesAt}</td>
              <td>
                <form method="post" action={l.resendAction} id={`resend-${i}`} class="inline" />
                <button
                  type="button"
                  data-resend={`resend-${i}`}
                  data-contact={l.contact}
                  disabled={view.ponrReached}
                  title={view.ponrReached ? PONR_REASON : undefined}
                >
                  Resend
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <dialog id="confirm-resend" data-testid="confirm-resend">
      <p>
        Resend the provisioning email to <strong data-target="" />?
      </p>
      <button type="button" data-answer="yes">
        Yes
      </button>{' '}
      <button type="button" data-answer="no" class="secondary">
        No
      </button>
    </dialog>
    <script>{raw(confirmScript)}</script>
  </section>
);

/** A line on the subscriptions page. */
export interface SubscriptionRow {
  readonly orderHref: string;
  readonly offer: string;
  readonly status: string;
  readonly notice: string | null;
  readonly contact: string;
}

export const SubscriptionsPage = ({
  state,
  page,
  all,
  filters,
}: {
  state: ListState;
  page: ListPage<SubscriptionRow>;
  /** The lines shown without the search. */
  all: number;
  filters: readonly { label: string; href: string }[];
}) => (
  <section>
    <h1>Cloud/SaaS subscriptions</h1>
    <p>
      {filters.map((f) => (
        <>
          <a href={f.href}>{f.label}</a>{' '}
        </>
      ))}
    </p>
    <ListBar state={state} page={page} total={all} />
    <table data-testid="subscriptions">
      <thead>
        <tr>
          <th>Order</th>
          <th>Offer</th>
          <th>Status</th>
          <th>Provisioning contact</th>
        </tr>
      </thead>
      <tbody>
        {page.items.map((l) => (
          <tr>
            <td>
              <a href={l.orderHref}>Open order</a>
            </td>
            <td>{l.offer}</td>
            <td>
              <span class={`badge ${l.status}`}>{l.status.replace(/_/g, ' ')}</span>
              {l.notice ? <div class="notice">{l.notice}</div> : null}
            </td>
            <td>{l.contact}</td>
          </tr>
        ))}
      </tbody>
    </table>
    <Pager state={state} page={page} />
  </section>
);
