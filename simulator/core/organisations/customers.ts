import { durationMs, parseDuration } from '../kernel/duration.ts';
import { invalidFields, rejection, type ErrorItem } from '../kernel/errors.ts';
import { defaultTimezone } from '../kernel/fields.ts';
import { webexId } from '../kernel/ids.ts';
import type { Address, PartnerUser } from '../kernel/model.ts';
import { fail, ok, type Result } from '../kernel/result.ts';
import { stepApplies, transition } from '../kernel/state-table.ts';
import type { WorldReader, WorldTx } from '../kernel/world-tx.ts';
import { takeStepFault, type StepFaultHit } from '../sim/fault-ops.ts';
import { checkCountry } from './countries.ts';
import { CUSTOMER_STATES } from './customer-states.ts';
import { orgErrors } from './errors.ts';
import { mayWrite, ownCustomer, scopedSubPartner } from './sub-partners.ts';
import { customerLocations, newLocation, type LocationInput } from './locations.ts';
import type { Customer, CustomerStatus, Template } from './model.ts';
import { checkPackages, hasCalling, type PackageName } from './packages.ts';
import { templateByProvisioningId } from './templates.ts';

/**
 * Wholesale customers (ORG-1, ORG-2, TPL-1; api.md `/v1` customers), whichever door they come
 * through: `/v1`, Partner Hub's Create customer, or CCW's Set Up Your Service. Each door maps its
 * body to a `NewCustomer` and gets one answer. Field paths in errors are the domain's (the `/v1`
 * names); a door that names them otherwise renames them (`renameFields`).
 *
 * Statuses move only through `CUSTOMER_STATES`. Provisioning, updates and deletes end in a step
 * scheduled on the virtual clock; the step carries the status it expects, so a customer deleted
 * while `provisioning` is never `provisioned`.
 */
export const CUSTOMER_STEP = 'customer.step';

export interface NewCustomer {
  readonly provisioningId: string;
  readonly packages: readonly string[];
  readonly externalId: string;
  readonly address: Address;
  readonly orgId?: string | undefined;
  readonly customerInfo?:
    | {
        readonly name?: string | undefined;
        readonly primaryEmail: string;
        readonly language?: string | undefined;
      }
    | undefined;
  /** The calling location: given, or the headquarters itself (Partner Hub, CCW). */
  readonly callingLocation?: LocationInput | 'headquarters' | undefined;
  readonly meetingsTimezone?: string | undefined;
  /** The name of the headquarters location when it is not the calling location. */
  readonly headquartersName?: string | undefined;
  readonly supportedLocationAttested?: boolean | undefined;
  /** The email of the sub-partner's admin, on behalf of a sub-partner only. */
  readonly subPartnerAdminEmail?: string | undefined;
  readonly source: Customer['source'];
}

/** What a precheck may leave out: anything but the address (webex-wholesale.json). */
export type CustomerDraft = Partial<Omit<NewCustomer, 'address' | 'source'>> & {
  readonly address: Address;
};

export interface CustomerChange {
  readonly packages: readonly string[];
  readonly subPartnerAdminEmail?: string | undefined;
  readonly externalId?: string | undefined;
  readonly address?: Address | undefined;
  readonly callingLocation?: LocationInput | undefined;
}

const CALLING_PATH = 'provisioningParameters.calling.location';

/**
 * Every check of a new customer, in the order Webex makes them: the template (TPL-1), then each
 * field (packages, ORG-2 countries, the calling location), then conflicts with the world. A
 * precheck runs the same checks on the fields it was given.
 */
const checkNewCustomer = (
  w: WorldReader,
  user: PartnerUser,
  d: CustomerDraft,
): Result<Template | undefined> => {
  let template: Template | undefined;
  if (d.provisioningId !== undefined) {
    const t = templateByProvisioningId(w, user.partnerId, d.provisioningId, 'wholesale');
    if (!t.ok) return t;
    template = t.value;
  }
  const writable = mayWrite(w, user);
  if (!writable.ok) return writable;
  const problems: ErrorItem[] = [];
  if (d.packages !== undefined) {
    problems.push(...checkPackages(d.packages, 'packages', 'customer'));
    const calling = problems.length === 0 && hasCalling(d.packages as PackageName[]);
    if (calling && d.callingLocation === undefined)
      problems.push(orgErrors.callingLocationRequired.at(CALLING_PATH, {}));
  }
  problems.push(...checkCountry(w, d.address, 'address'));
  if (d.callingLocation !== undefined && d.callingLocation !== 'headquarters')
    problems.push(...checkCountry(w, d.callingLocation.address, `${CALLING_PATH}.address`));
  if (d.provisioningId !== undefined && !d.customerInfo && !d.orgId)
    problems.push(orgErrors.customerInfoRequired.at('customerInfo', {}));
  if (
    d.externalId !== undefined &&
    w.lookup('customers', 'externalId', d.externalId).some((c) => c.partnerId === user.partnerId)
  )
    problems.push(orgErrors.externalIdTaken.item({ externalId: d.externalId }));
  if (d.orgId !== undefined && w.lookup('customers', 'orgId', d.orgId).length > 0)
    problems.push(orgErrors.orgIdTaken.item({ orgId: d.orgId }));
  return problems.length > 0 ? fail(rejection(problems)) : ok(template);
};

/** `POST /v1/wholesale/customers/validate`: the same checks as provisioning, nothing made. */
export const precheckCustomer = (w: WorldReader, user: PartnerUser, d: CustomerDraft) => {
  const r = checkNewCustomer(w, user, d);
  return r.ok ? ok(undefined) : r;
};

const delayOf = (
  tx: WorldTx,
  name: 'customer' | 'customerUpdate' | 'customerDelete' | 'rplReview',
): number => {
  const d = parseDuration(tx.meta.config.delays[name]);
  return d.ok ? durationMs(d.value, tx.now) : 0;
};

/** Moves a customer through its state table, stamping the change. */
export const moveCustomer = (
  tx: WorldTx,
  c: Customer,
  to: CustomerStatus,
  what: string,
  patch: Partial<Customer> = {},
): Result<Customer> => {
  const t = transition(CUSTOMER_STATES, c.status, to, what);
  if (!t.ok) return t;
  const next: Customer = { ...c, ...patch, status: to, lastStatusChange: tx.nowIso };
  tx.put('customers', next);
  return ok(next);
};

const scheduleStep = (tx: WorldTx, c: Customer, delay: number): void =>
  tx.schedule(CUSTOMER_STEP, tx.now + delay, { customerId: c.id, expect: c.status });

/** Starts provisioning a customer: `provisioning` at once, its step after the configured delay. */
export const provisionCustomer = (
  tx: WorldTx,
  user: PartnerUser,
  cmd: NewCustomer,
): Result<Customer> => {
  const checked = checkNewCustomer(tx, user, cmd);
  if (!checked.ok) return checked;
  const template = checked.value!;
  const id = webexId('ENTERPRISE', tx.uuid());
  const base = { id, partnerId: user.partnerId };
  const language = cmd.customerInfo?.language ?? template.language;
  const calling = cmd.callingLocation;
  const hq =
    calling !== undefined && calling !== 'headquarters'
      ? newLocation(tx, base, calling)
      : newLocation(tx, base, {
          name: cmd.headquartersName ?? 'Headquarters',
          address: cmd.address,
          timezone: defaultTimezone(cmd.address.country),
          language,
        });
  const customer: Customer = {
    ...base,
    templateId: template.id,
    provisioningId: cmd.provisioningId,
    orgId: cmd.orgId ?? webexId('ORGANIZATION', tx.uuid()),
    externalId: cmd.externalId,
    name: cmd.customerInfo?.name ?? `Organization ${cmd.orgId ?? ''}`.trim(),
    primaryEmail: cmd.customerInfo?.primaryEmail ?? '',
    language,
    packages: cmd.packages as PackageName[],
    address: cmd.address,
    status: 'provisioning',
    errors: [],
    headquartersLocationId: hq.id,
    ...(calling !== undefined ? { callingLocationId: hq.id } : {}),
    ...(cmd.meetingsTimezone ? { meetingsTimezone: cmd.meetingsTimezone } : {}),
    ...(cmd.supportedLocationAttested !== undefined
      ? { supportedLocationAttested: cmd.supportedLocationAttested }
      : {}),
    source: cmd.source,
    ...(scopedSubPartner(user) !== undefined ? { subPartnerOrgId: scopedSubPartner(user)! } : {}),
    ...(cmd.subPartnerAdminEmail ? { subPartnerAdminEmail: cmd.subPartnerAdminEmail } : {}),
    created: tx.nowIso,
    lastStatusChange: tx.nowIso,
  };
  tx.put('customers', customer);
  scheduleStep(tx, customer, delayOf(tx, 'customer'));
  return ok(customer);
};

/**
 * Which of `packages` a subscriber of the customer still holds, in their order: one lazy walk of
 * the customer's subscribers, ended as soon as each is found (a customer of 200,000 users read
 * them into a list once a package, and held the server a quarter of a second).
 */
const packagesHeld = (
  tx: WorldReader,
  customerId: string,
  packages: readonly PackageName[],
): PackageName[] => {
  if (packages.length === 0) return [];
  const held = new Set<PackageName>();
  for (const s of tx.walkKey('subscribers', 'customerId', customerId)) {
    for (const p of packages) if (s.packages.includes(p)) held.add(p);
    if (held.size === packages.length) break;
  }
  return packages.filter((p) => held.has(p));
};

/** `PUT /v1/wholesale/customers/{id}`: `updating`, then `provisioned` after the delay. */
export const updateCustomer = (
  tx: WorldTx,
  user: PartnerUser,
  id: string,
  change: CustomerChange,
): Result<Customer> => {
  const found = ownCustomer(tx, user, id);
  if (!found.ok) return found;
  const writable = mayWrite(tx, user);
  if (!writable.ok) return writable;
  const c = found.value;
  const packages = change.packages as PackageName[];
  const problems = [
    ...checkPackages(change.packages, 'packages', 'customer'),
    ...(change.address ? checkCountry(tx, change.address, 'address') : []),
  ];
  if (
    problems.length === 0 &&
    hasCalling(packages) &&
    !c.callingLocationId &&
    !change.callingLocation
  )
    problems.push(orgErrors.callingLocationToAdd.at(CALLING_PATH, {}));
  if (change.callingLocation)
    problems.push(...checkCountry(tx, change.callingLocation.address, `${CALLING_PATH}.address`));
  if (problems.length > 0) return fail(invalidFields(problems));
  if (!CUSTOMER_STATES.moves[c.status].updating)
    return fail(orgErrors.customerBusy({ id, status: c.status, doing: 'updated' }));
  const removed = c.packages.filter((p) => !packages.includes(p));
  const inUse = packagesHeld(tx, id, removed);
  if (inUse.length > 0)
    return fail(
      rejection([orgErrors.packagesInUse.at('packages', { packages: inUse.join(', ') })]),
    );
  const newExternal = change.externalId !== undefined && change.externalId !== c.externalId;
  if (
    newExternal &&
    tx
      .lookup('customers', 'externalId', change.externalId!)
      .some((o) => o.partnerId === user.partnerId)
  )
    return fail(orgErrors.externalIdTaken({ externalId: change.externalId! }));
  const callingLocationId =
    change.callingLocation && !c.callingLocationId
      ? newLocation(tx, c, change.callingLocation).id
      : c.callingLocationId;
  const moved = moveCustomer(tx, c, 'updating', 'Update', {
    packages,
    ...(change.address ? { address: change.address } : {}),
    ...(change.externalId ? { externalId: change.externalId } : {}),
    ...(callingLocationId ? { callingLocationId } : {}),
    ...(change.subPartnerAdminEmail ? { subPartnerAdminEmail: change.subPartnerAdminEmail } : {}),
  });
  if (moved.ok) scheduleStep(tx, moved.value, delayOf(tx, 'customerUpdate'));
  return moved;
};

/** `DELETE /v1/wholesale/customers/{id}`: `deleting`, then gone with its locations and users. */
export const deleteCustomer = (tx: WorldTx, user: PartnerUser, id: string): Result<Customer> => {
  const found = ownCustomer(tx, user, id);
  if (!found.ok) return found;
  const moved = moveCustomer(tx, found.value, 'deleting', 'Delete');
  if (moved.ok) scheduleStep(tx, moved.value, delayOf(tx, 'customerDelete'));
  return moved;
};

/** Users a step of a customer's removal removes (a larger customer takes several steps). */
export const DELETE_BATCH = 500;

/** Steps stored before steps carried their expected status (older data files). */
const LEGACY_EXPECT: Readonly<Record<string, CustomerStatus>> = {
  provision: 'provisioning',
  update: 'updating',
  delete: 'deleting',
};

/** The package a step fault names, if the customer has it; else its last package. */
const faultedPackage = (c: Customer, name: string | undefined): PackageName =>
  c.packages.find((p) => p === name) ?? c.packages[c.packages.length - 1]!;

/** Where a step goes when a step fault waits for it (SIM-4; api.md, Wave 2 pins). */
const faultedStep = (tx: WorldTx, c: Customer, fault: StepFaultHit): Result<Customer> => {
  const error = { errorCode: fault.errorCode, description: fault.description };
  const name = faultedPackage(c, fault.package);
  switch (fault.outcome) {
    case 'pending_rpl_review': {
      const held = moveCustomer(tx, c, 'pending_rpl_review', 'Denied Party List review', {
        errors: [],
        packageIssues: [],
      });
      if (held.ok) scheduleStep(tx, held.value, delayOf(tx, 'rplReview'));
      return held;
    }
    case 'provisioned_with_errors':
      return moveCustomer(tx, c, 'provisioned_with_errors', 'Provisioning', {
        errors: [],
        packageIssues: [{ name, errors: [error], warnings: [] }],
      });
    case 'provisioned':
      return moveCustomer(tx, c, 'provisioned', 'Provisioning', {
        errors: [],
        packageIssues: [{ name, errors: [], warnings: [error] }],
      });
    default:
      return moveCustomer(tx, c, 'error', 'Provisioning', { errors: [error], packageIssues: [] });
  }
};

/**
 * The end of an asynchronous customer step, at its due time: nothing if the customer has moved on
 * or is gone; otherwise provisioned (or where a waiting step fault sends it), or removed.
 * Answers the customer as the step left it (undefined when removed or untouched).
 */
export const finishCustomerStep = (
  tx: WorldTx,
  payload: Readonly<Record<string, unknown>>,
): Customer | undefined => {
  const c = tx.get('customers', String(payload.customerId));
  const expect = payload.expect ?? LEGACY_EXPECT[String(payload.op)];
  if (!stepApplies(c, { expect })) return undefined;
  if (c.status === 'deleting') {
    // A large customer goes a batch of users a step: each step is one transaction (one journal
    // line) of bounded size, and the server answers between two (issue 13). The customer stays
    // `deleting` until its last user is gone.
    let removed = 0;
    for (const s of tx.walkKey('subscribers', 'customerId', c.id)) {
      if (removed === DELETE_BATCH) {
        scheduleStep(tx, c, 0);
        return undefined;
      }
      tx.delete('subscribers', s.id);
      removed += 1;
    }
    for (const l of customerLocations(tx, c.id)) tx.delete('locations', l.id);
    tx.delete('customers', c.id);
    return undefined;
  }
  if (c.status === 'pending_rpl_review') {
    // The review passed: provisioning goes on, and takes its own time again.
    const resumed = moveCustomer(tx, c, 'provisioning', 'Denied Party List review');
    if (resumed.ok) scheduleStep(tx, resumed.value, delayOf(tx, 'customer'));
    return undefined;
  }
  const fault = takeStepFault(tx, 'customer');
  const moved = fault
    ? faultedStep(tx, c, fault)
    : moveCustomer(tx, c, 'provisioned', 'Provisioning', { errors: [], packageIssues: [] });
  return moved.ok ? moved.value : undefined;
};
