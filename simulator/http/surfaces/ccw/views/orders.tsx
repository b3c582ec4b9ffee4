import { raw } from 'hono/html';
import { ErrorSummary, type FormErrors } from '../../partner-hub/views/common.tsx';

export interface LineRow {
  readonly id: string;
  readonly offer: string;
  readonly status: string;
  readonly contact: string;
  readonly rsd: string;
  readonly emailSentAt: string;
  readonly closesAt: string;
  readonly notice: string | null;
  readonly resendAction: string;
  readonly contactAction: string;
}

export interface OrdersView {
  readonly orders: readonly {
    id: string;
    href: string;
    created: string;
    lines: number;
    statuses: string;
  }[];
  readonly placeAction: string;
  readonly canOrder: boolean;
  readonly errors: FormErrors;
}

export const OrdersList = ({ view }: { view: OrdersView }) => (
  <section>
    <h1>Orders</h1>
    <table data-testid="orders">
      <thead>
        <tr>
          <th>Order</th>
          <th>Placed</th>
          <th>Lines</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {view.orders.map((o) => (
          <tr>
            <td>
              <a href={o.href}>{o.id.slice(0, 16)}…</a>
            </td>
            <td>{o.created}</td>
            <td>{o.lines}</td>
            <td>{o.statuses}</td>
          </tr>
        ))}
      </tbody>
    </table>
    {view.canOrder ? (
      <form method="post" action={view.placeAction} class="form">
        <h2>Place an order</h2>
        <ErrorSummary errors={view.errors} />
        <div class="field">
          <label for="offer">Offer</label>
          <select id="offer" name="offer">
            {['A-FLEX', 'A-FLEX-3', 'COLLAB-FLEX', 'EA'].map((o) => (
              <option value={o}>{o}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="provisioningContactEmail">Provisioning contact email</label>
          <input id="provisioningContactEmail" name="provisioningContactEmail" />
        </div>
        <div class="field">
          <label for="requestedStartDate">Requested start date</label>
          <input id="requestedStartDate" name="requestedStartDate" type="date" />
        </div>
        <button type="submit">Place order</button>
      </form>
    ) : null}
  </section>
);

export interface OrderView {
  readonly id: string;
  readonly ponrReached: boolean;
  readonly lines: readonly LineRow[];
  readonly flash?: { kind: 'ok' | 'error'; text: string };
  readonly backHref: string;
}

// The confirmation popup: Resend opens it, Yes submits that line's form, No closes it.
const confirmScript = `
document.addEventListener('click', (e) => {
  const open = e.target.closest('[data-confirm]');
  if (open) {
    const d = document.getElementById('confirm-resend');
    d.querySelector('[data-target]').textContent = open.dataset.contact;
    d.dataset.form = open.dataset.confirm;
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
    <h1>Order {view.id.slice(0, 16)}…</h1>
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
      <p class="muted">
        Point of no return reached: the order is mapped to an organization in Control Hub.
      </p>
    ) : null}
    <table data-testid="lines">
      <thead>
        <tr>
          <th>Offer</th>
          <th>Status</th>
          <th>Provisioning contact</th>
          <th>Requested start</th>
          <th>Email sent</th>
          <th>Closes</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {view.lines.map((l, i) => (
          <tr data-testid={`line-${i}`}>
            <td>{l.offer}</td>
            <td>
              <span class={`badge ${l.status}`}>{l.status.replace(/_/g, ' ')}</span>
              {l.notice ? <div class="notice">{l.notice}</div> : null}
            </td>
            <td>
              <form method="post" action={l.contactAction} class="inline">
                <input
                  name="provisioningContactEmail"
                  value={l.contact}
                  aria-label="Provisioning contact"
                />
                <button type="submit" class="link">
                  Change
                </button>
              </form>
            </td>
            <td>{l.rsd}</td>
            <td>{l.emailSentAt}</td>
            <td>{l.closesAt}</td>
            <td>
              <form method="post" action={l.resendAction} id={`resend-${i}`} class="inline" />
              <button type="button" data-confirm={`resend-${i}`} data-contact={l.contact}>
                Resend
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
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
    <p>
      <a href={view.backHref}>All orders</a>
    </p>
  </section>
);

export const SubscriptionsPage = ({
  rows,
  filters,
}: {
  rows: readonly (LineRow & { orderHref: string })[];
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
        {rows.map((l) => (
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
  </section>
);
