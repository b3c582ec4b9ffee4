import { z } from 'zod';
import { parseInstant } from '../kernel/clock.ts';
import { provisionCustomer } from '../organisations/customers.ts';
import { invalidFields, notFound, renameFields, type ErrorItem } from '../kernel/errors.ts';
import { transition, stepApplies } from '../kernel/state-table.ts';
import { orgErrors } from '../organisations/errors.ts';
import { CUSTOMER_FORM_FIELDS } from '../organisations/customer-forms.ts';
import { ccwErrors } from './errors.ts';
import { LINE_STATES } from './line-states.ts';
import { webexId } from '../kernel/ids.ts';
import type { CcwOffer, Order, OrderLine, OrderLineStatus } from './model.ts';
import type { PartnerUser } from '../kernel/model.ts';
import { ownedBy, ownList } from '../kernel/ownership.ts';
import { checkPackages, hasCalling, type PackageName } from '../organisations/packages.ts';
import { fail, ok, type Result } from '../kernel/result.ts';
import { addressSchema, emailField, idField, patternField, text } from '../kernel/fields.ts';
import { templateByProvisioningId } from '../organisations/templates.ts';
import { parseWith } from '../kernel/validation.ts';
import type { WorldReader, WorldTx } from '../kernel/world-tx.ts';

/**
 * Cisco Commerce Workspace orders and their provisioning email (CCW-1..8). The mail goes to each
 * line's provisioning contact at its requested start date (RSD); the closing window runs from that
 * first mail; setup through the mail's link maps the order to a customer: the point of no return.
 */
export const CCW_FROM = 'webex_comm@webex.com';
export const CCW_RSD = 'ccw.rsd';
export const CCW_CLOSE = 'ccw.close';
export const WINDOW_DAYS: Readonly<Record<CcwOffer, number>> = {
  'A-FLEX': 7,
  'A-FLEX-3': 7,
  'COLLAB-FLEX': 30,
  EA: 30,
};
const DAY = 86_400_000;

export const PONR_MESSAGE = ccwErrors.pastPonr.spec.message;
export const PENDING_NOTICE =
  'Provisioning is still pending: the order line closed before setup was completed. Its contact can still be changed and its provisioning email resent from Cloud/SaaS subscriptions.';

export const orderSchema = z.strictObject({
  provisioningId: idField.min(1).optional(),
  lines: z
    .array(
      z.strictObject({
        offer: z.enum(['A-FLEX', 'A-FLEX-3', 'COLLAB-FLEX', 'EA']),
        provisioningContactEmail: emailField,
        requestedStartDate: text(64),
        packages: z.array(text(64)).min(1, 'must name at least one package').max(20).optional(),
      }),
    )
    .min(1, 'must hold at least one line')
    .max(50),
});

export const placeOrder = (tx: WorldTx, user: PartnerUser, body: unknown): Result<Order> => {
  const input = parseWith(orderSchema, body);
  if (!input.ok) return input;
  const v = input.value;
  const problems: ErrorItem[] = [];
  const rsds = v.lines.map((l, i) => {
    const t = parseInstant(l.requestedStartDate, `lines[${i}].requestedStartDate`);
    if (!t.ok) problems.push(...t.error.errors);
    if (l.packages) problems.push(...checkPackages(l.packages, `lines[${i}].packages`, 'customer'));
    return t.ok ? t.value : 0;
  });
  if (problems.length > 0) return fail(invalidFields(problems));
  const provisioningId =
    v.provisioningId ??
    ownList(tx, 'templates', user.partnerId).find((t) => t.offer === 'wholesale')?.provisioningId;
  if (provisioningId === undefined) return fail(orgErrors.noWholesaleTemplate({}));
  const template = templateByProvisioningId(tx, user.partnerId, provisioningId, 'wholesale');
  if (!template.ok) return template;
  const lines: OrderLine[] = v.lines.map((l, i) => ({
    id: webexId('ORDER_LINE', tx.uuid()),
    offer: l.offer,
    provisioningContactEmail: l.provisioningContactEmail,
    requestedStartDate: new Date(rsds[i]!).toISOString(),
    packages: (l.packages ?? ['webex_meetings']) as PackageName[],
    status: 'awaiting_provisioning_details',
  }));
  let order: Order = {
    id: webexId('ORDER', tx.uuid()),
    partnerId: user.partnerId,
    placedBy: user.id,
    provisioningId,
    lines,
    setupToken: tx.uuid().replace(/-/g, ''),
    created: tx.nowIso,
  };
  tx.put('orders', order);
  for (const line of lines) {
    const rsd = Date.parse(line.requestedStartDate);
    if (rsd <= tx.now) order = firstMail(tx, order, line.id);
    else tx.schedule(CCW_RSD, rsd, { orderId: order.id, lineId: line.id });
  }
  return ok(order);
};

const sendProvisioningMail = (tx: WorldTx, order: Order, line: OrderLine): void => {
  tx.sendMail({
    from: CCW_FROM,
    to: [line.provisioningContactEmail],
    subject: 'Set up your Webex service',
    text: `Your order ${order.id} (${line.offer}) is ready. Set up your service: {{link:0}}`,
    links: [{ label: 'Set Up Your Service', link: { to: 'ccw-setup', token: order.setupToken } }],
  });
};

const withLine = (tx: WorldTx, order: Order, lineId: string, patch: Partial<OrderLine>): Order => {
  const next = {
    ...order,
    lines: order.lines.map((l) => (l.id === lineId ? { ...l, ...patch } : l)),
  };
  tx.put('orders', next);
  return next;
};

/** The first provisioning mail of a line (CCW-1); its closing window starts now (CCW-5). */
const firstMail = (tx: WorldTx, order: Order, lineId: string): Order => {
  const line = order.lines.find((l) => l.id === lineId);
  if (
    !line ||
    line.status !== 'awaiting_provisioning_details' ||
    order.customerId !== undefined ||
    line.emailSentAt
  )
    return order;
  sendProvisioningMail(tx, order, line);
  const closesAt = tx.now + WINDOW_DAYS[line.offer] * DAY;
  tx.schedule(CCW_CLOSE, closesAt, { orderId: order.id, lineId, expect: line.status });
  return withLine(tx, order, lineId, {
    emailSentAt: tx.nowIso,
    closesAt: new Date(closesAt).toISOString(),
  });
};

export const onRequestedStartDate = (tx: WorldTx, p: Readonly<Record<string, unknown>>): void => {
  const order = tx.get('orders', String(p.orderId));
  if (order) firstMail(tx, order, String(p.lineId));
};

/** Moves a line through its state table (a move the table forbids changes nothing). */
const moveLine = (tx: WorldTx, order: Order, line: OrderLine, to: OrderLineStatus): Order => {
  const t = transition(LINE_STATES, line.status, to, 'Order line');
  return t.ok ? withLine(tx, order, line.id, { status: to }) : order;
};

/** At the end of the window, an unprovisioned line before PONR closes (CCW-5). */
export const onWindowEnd = (tx: WorldTx, p: Readonly<Record<string, unknown>>): void => {
  const order = tx.get('orders', String(p.orderId));
  const line = order?.lines.find((l) => l.id === p.lineId);
  if (order && line && order.customerId === undefined && stepApplies(line, p))
    moveLine(tx, order, line, 'closed');
};

/** When the order's customer is provisioned, every line is (api.md `/ccw/api`). */
export const onCustomerProvisioned = (tx: WorldTx, customerId: string): void => {
  for (const o of tx.lookup('orders', 'customerId', customerId)) {
    let order = o;
    for (const line of o.lines)
      if (line.status !== 'provisioned') order = moveLine(tx, order, line, 'provisioned');
  }
};

const ownLine = (
  w: WorldReader,
  user: PartnerUser,
  orderId: string,
  lineId: string,
): Result<{ order: Order; line: OrderLine }> => {
  const order = ownedBy(w, 'orders', orderId, user.partnerId, 'Order');
  if (!order.ok) return order;
  const line = order.value.lines.find((l) => l.id === lineId);
  return line ? ok({ order: order.value, line }) : fail(notFound(`Order line ${lineId}`));
};

/** Resend the provisioning email (CCW-2, CCW-4, CCW-6): open and closed lines, from the RSD to PONR. */
export const resendMail = (
  tx: WorldTx,
  user: PartnerUser,
  orderId: string,
  lineId: string,
): Result<{ sentAt: string; to: string }> => {
  const found = ownLine(tx, user, orderId, lineId);
  if (!found.ok) return found;
  const { order, line } = found.value;
  if (order.customerId !== undefined) return fail(ccwErrors.pastPonr({}));
  if (tx.now < Date.parse(line.requestedStartDate)) {
    return fail(ccwErrors.beforeRsd({ rsd: line.requestedStartDate }));
  }
  sendProvisioningMail(tx, order, line);
  return ok({ sentAt: tx.nowIso, to: line.provisioningContactEmail });
};

/** Change the provisioning contact of one line, or of all (CCW-3), until PONR. */
export const changeContact = (
  tx: WorldTx,
  user: PartnerUser,
  orderId: string,
  lineId: string | undefined,
  body: unknown,
): Result<Order> => {
  const input = parseWith(z.strictObject({ provisioningContactEmail: emailField }), body);
  if (!input.ok) return input;
  const order = ownedBy(tx, 'orders', orderId, user.partnerId, 'Order');
  if (!order.ok) return order;
  if (lineId !== undefined && !order.value.lines.some((l) => l.id === lineId))
    return fail(notFound(`Order line ${lineId}`));
  if (order.value.customerId !== undefined) return fail(ccwErrors.pastPonr({}));
  const next: Order = {
    ...order.value,
    lines: order.value.lines.map((l) =>
      lineId === undefined || l.id === lineId
        ? { ...l, provisioningContactEmail: input.value.provisioningContactEmail }
        : l,
    ),
  };
  tx.put('orders', next);
  return ok(next);
};

export const setupSchema = z.strictObject({
  companyName: text(256).trim().min(1, 'must not be empty'),
  adminEmail: emailField,
  headquarters: addressSchema,
});

export const orderBySetupToken = (w: WorldReader, token: string): Result<Order> => {
  const o = w.lookup('orders', 'setupToken', token)[0];
  return o ? ok(o) : fail(notFound('Setup link'));
};

/** Set Up Your Service: the customer is created for the partner, the order maps to it: PONR (CCW-4). */
export const completeSetup = (tx: WorldTx, token: string, body: unknown) => {
  const order = orderBySetupToken(tx, token);
  if (!order.ok) return order;
  if (order.value.customerId !== undefined) return fail(ccwErrors.alreadySetUp({}));
  const input = parseWith(setupSchema, body);
  if (!input.ok) return input;
  const placedBy = tx.get('users', order.value.placedBy);
  if (!placedBy) return fail(notFound(`User ${order.value.placedBy}`));
  const packages = [...new Set(order.value.lines.flatMap((l) => l.packages))];
  const hq = input.value.headquarters;
  const template = tx
    .list('templates')
    .find((t) => t.provisioningId === order.value.provisioningId);
  const language = template?.language ?? 'en_US';
  const customer = provisionCustomer(tx, placedBy, {
    provisioningId: order.value.provisioningId,
    packages,
    externalId: `ccw-${order.value.id}`,
    address: hq,
    customerInfo: { name: input.value.companyName, primaryEmail: input.value.adminEmail, language },
    ...(hasCalling(packages) ? { callingLocation: 'headquarters' as const } : {}),
    source: 'ccw',
  });
  if (!customer.ok) return fail(renameFields(customer.error, CUSTOMER_FORM_FIELDS));
  tx.put('orders', { ...order.value, customerId: customer.value.id, ponrAt: tx.nowIso });
  return customer;
};

/** A case attachment's base64 text: 5 MiB of data at most. */
export const MAX_ATTACHMENT_BASE64 = Math.ceil((5 * 1024 * 1024) / 3) * 4;

/** How many `=` pad a base64 text (0 to 2), or -1 when it is not base64; one pass, no pattern. */
const base64Padding = (s: string): number => {
  if (s.length % 4 !== 0) return -1;
  let pad = 0;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    const b64 =
      (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
    if (c === 61) pad += 1;
    else if (!b64 || pad > 0) return -1;
  }
  return pad <= 2 ? pad : -1;
};

export const caseSchema = z.strictObject({
  requestType: z.literal('resend_provisioning_email', {
    error: 'must be "resend_provisioning_email"',
  }),
  orderId: idField.min(1),
  lineId: idField.min(1),
  description: text(4000).optional(),
  attachments: z
    .array(
      z.strictObject({
        name: text(200).min(1),
        contentType: patternField(
          255,
          /^[\w.+-]+\/[\w.+-]+$/,
          'must be a media type such as image/png',
        ),
        dataBase64: text(MAX_ATTACHMENT_BASE64),
      }),
    )
    .max(10)
    .optional(),
});

/** A support case for a failed resend before PONR (CCW-8). */
export const openCase = (tx: WorldTx, user: PartnerUser, body: unknown) => {
  const input = parseWith(caseSchema, body);
  if (!input.ok) return input;
  const v = input.value;
  const attachments: { name: string; contentType: string; size: number }[] = [];
  const problems: ErrorItem[] = [];
  (v.attachments ?? []).forEach((a, i) => {
    const padding = base64Padding(a.dataBase64);
    if (padding < 0) problems.push(ccwErrors.notBase64.at(`attachments[${i}].dataBase64`, {}));
    else
      attachments.push({
        name: a.name,
        contentType: a.contentType,
        size: Math.floor((a.dataBase64.length * 3) / 4) - padding,
      });
  });
  if (problems.length > 0) return fail(invalidFields(problems));
  const found = ownLine(tx, user, v.orderId, v.lineId);
  if (!found.ok) return found;
  if (found.value.order.customerId !== undefined) return fail(ccwErrors.pastPonr({}));
  const c = {
    id: webexId('SUPPORT_CASE', tx.uuid()),
    partnerId: user.partnerId,
    caseNumber: String(690_000_000 + Math.floor(tx.random() * 10_000_000)),
    requestType: v.requestType,
    orderId: v.orderId,
    lineId: v.lineId,
    ...(v.description !== undefined ? { description: v.description } : {}),
    attachments,
    status: 'open' as const,
    openedBy: user.id,
    created: tx.nowIso,
  };
  tx.put('cases', c);
  return ok(c);
};

/** An order as CCW shows it: each line with its PONR and notice. */
export const orderView = (o: Order) => ({
  id: o.id,
  provisioningId: o.provisioningId,
  ponrReached: o.customerId !== undefined,
  ...(o.customerId ? { customerId: o.customerId } : {}),
  created: o.created,
  lines: o.lines.map((l) => lineView(o, l)),
});

export const lineView = (o: Order, l: OrderLine) => ({
  id: l.id,
  orderId: o.id,
  offer: l.offer,
  status: l.status,
  provisioningContactEmail: l.provisioningContactEmail,
  requestedStartDate: l.requestedStartDate,
  packages: l.packages,
  emailSentAt: l.emailSentAt ?? null,
  closesAt: l.closesAt ?? null,
  ponrReached: o.customerId !== undefined,
  notice:
    l.status === 'closed' && o.customerId === undefined
      ? PENDING_NOTICE
      : o.customerId !== undefined && l.status !== 'provisioned'
        ? 'Onboarded in Control Hub: service setup continues at https://admin.webex.com.'
        : null,
  customerId: o.customerId ?? null,
});
