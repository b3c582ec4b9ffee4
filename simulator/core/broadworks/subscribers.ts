import { z } from 'zod';
import { transition } from './states.ts';
import { durationMs, parseDuration } from '../kernel/duration.ts';
import { invalidFields, notFound } from '../kernel/errors.ts';
import { emailHeld } from '../subscribers/uniqueness.ts';
import { bwErrors } from './errors.ts';
import { enterpriseFor } from './enterprises.ts';
import { stepApplies } from '../kernel/state-table.ts';
import { takeStepFault } from '../sim/fault-ops.ts';
import { webexId } from '../kernel/ids.ts';
import type { BroadWorksStatus, BroadWorksSubscriber } from './model.ts';
import type { PartnerUser } from '../kernel/model.ts';
import type { Template } from '../organisations/model.ts';
import { ownedBy } from '../kernel/ownership.ts';
import { fail, ok, type Result } from '../kernel/result.ts';
import {
  emailField,
  extensionField,
  idField,
  languageField,
  phoneField,
  text,
  timezoneField,
  userIdField,
} from '../kernel/fields.ts';
import { templateByProvisioningId } from '../organisations/templates.ts';
import { parseWith } from '../kernel/validation.ts';
import type { WorldReader, WorldTx } from '../kernel/world-tx.ts';

/** BroadWorks subscribers (api.md `/v1` BroadWorks; FT-1..7). Steps run on the virtual clock. */
export const BW_STEP = 'broadworks.step';
export const BW_PACKAGES = ['softphone', 'basic', 'standard', 'premium'] as const;

const fields = {
  firstName: text(64).min(1),
  lastName: text(64).min(1),
  primaryPhoneNumber: phoneField.optional(),
  mobilePhoneNumber: phoneField.optional(),
  extension: extensionField.optional(),
  email: emailField.optional(),
  language: languageField.optional(),
  timezone: timezoneField.optional(),
};

const createSchema = z.object({
  provisioningId: idField.min(1),
  userId: userIdField(),
  spEnterpriseId: text(161).min(1),
  package: z.enum(BW_PACKAGES),
  ...fields,
});

/** An empty number in a PUT removes it (webex-broadworks.json: "Any empty value on update will remove"). */
const removable = <S extends z.ZodType>(field: S) => z.union([z.literal(''), field]).optional();
const NUMBERS = ['primaryPhoneNumber', 'mobilePhoneNumber', 'extension'] as const;

const updateSchema = z.object({
  userId: userIdField().optional(),
  package: z.enum(BW_PACKAGES).optional(),
  ...fields,
  firstName: fields.firstName.optional(),
  lastName: fields.lastName.optional(),
  primaryPhoneNumber: removable(phoneField),
  mobilePhoneNumber: removable(phoneField),
  extension: removable(fields.extension.unwrap()),
});

/**
 * The subscriber with the sent numbers applied: unsent keeps, empty removes, a value replaces. The
 * primary number and the extension are removed only while the other remains ("The user must have
 * either a primary phone number or an extension configured").
 */
const withNumbers = (
  s: BroadWorksSubscriber,
  sent: Readonly<Partial<Record<(typeof NUMBERS)[number], string | undefined>>>,
): Result<BroadWorksSubscriber> => {
  const next: Record<string, unknown> = { ...s };
  for (const k of NUMBERS) {
    if (sent[k] === '') delete next[k];
    else if (sent[k] !== undefined) next[k] = sent[k];
  }
  // Only an emptied number is refused: a subscriber who never had either (self-activated) keeps none.
  const emptied = (['primaryPhoneNumber', 'extension'] as const).filter((k) => sent[k] === '');
  if (emptied.length > 0 && next.primaryPhoneNumber === undefined && next.extension === undefined)
    return fail(invalidFields(emptied.map((k) => bwErrors.keepPhoneOrExtension.at(k, {}))));
  return ok(next as unknown as BroadWorksSubscriber);
};

export { emailHeld };

export const inUse = (what: string) => bwErrors.inUse({ what });

const delayOf = (
  tx: WorldTx,
  name: 'broadworksSubscriber' | 'broadworksSubscriberUpdate' | 'activation',
): number => {
  const d = parseDuration(tx.meta.config.delays[name]);
  return d.ok ? durationMs(d.value, tx.now) : 0;
};

/** Moves a subscriber along the transition table, or answers why it cannot. */
export const move = (
  tx: WorldTx,
  s: BroadWorksSubscriber,
  to: BroadWorksStatus,
  what: string,
  patch: Partial<BroadWorksSubscriber> = {},
): Result<BroadWorksSubscriber> => {
  const t = transition(s.status, to, what);
  if (!t.ok) return t;
  const next: BroadWorksSubscriber = {
    ...s,
    ...patch,
    status: to,
    lastStatusChange: tx.nowIso,
    errors: to === 'error' ? (patch.errors ?? s.errors) : [],
  };
  tx.put('broadworksSubscribers', next);
  return ok(next);
};

const startProvisioning = (
  tx: WorldTx,
  s: BroadWorksSubscriber,
  what: string,
): Result<BroadWorksSubscriber> => {
  const free = s.email !== undefined && tx.meta.freeAccounts.includes(s.email.toLowerCase());
  if (free) {
    const r = move(tx, s, 'pending_user_migration', what, {
      consentToken: tx.uuid().replace(/-/g, ''),
    });
    if (r.ok) sendBroadWorksConsent(tx, r.value);
    return r;
  }
  const r = move(tx, s, 'provisioning', what);
  if (r.ok)
    tx.schedule(BW_STEP, tx.now + delayOf(tx, 'broadworksSubscriber'), {
      subscriberId: s.id,
      expect: 'provisioning',
    });
  return r;
};

export const sendBroadWorksConsent = (tx: WorldTx, s: BroadWorksSubscriber): void => {
  tx.sendMail({
    from: 'noreply@webex.com',
    to: [s.email ?? ''],
    subject: 'Move your Webex account to your service provider',
    text: `Your free Webex account ${s.email ?? ''} moves to your service provider's Webex once you accept: {{link:0}}`,
    links: [
      { label: 'Accept and move my account', link: { to: 'consent', token: s.consentToken ?? '' } },
    ],
  });
};

/** The verification mail of the untrusted-email flow (FT-1): its link is single-use. */
export const sendVerification = (
  tx: WorldTx,
  s: BroadWorksSubscriber,
  email: string,
): Result<BroadWorksSubscriber> => {
  const token = tx.uuid().replace(/-/g, '');
  const r = move(tx, s, 'pending_email_validation', 'Email verification', {
    email,
    verifyToken: token,
  });
  if (!r.ok) return r;
  tx.sendMail({
    from: 'noreply@webex.com',
    to: [email],
    subject: 'Verify your email address for Webex',
    text: `Hello ${s.firstName}, confirm ${email} to finish setting up Webex: {{link:0}}`,
    links: [{ label: 'Verify my email address', link: { to: 'activation-verify', token } }],
  });
  return r;
};

const checkCreate = (w: WorldReader, user: PartnerUser, body: unknown) => {
  const input = parseWith(createSchema, body);
  if (!input.ok) return input;
  const v = input.value;
  const template = templateByProvisioningId(w, user.partnerId, v.provisioningId, 'broadworks');
  if (!template.ok) return template;
  if (template.value.userVerification?.emailTrust === 'trusted' && v.email === undefined) {
    return fail(invalidFields([bwErrors.emailRequiredTrusted.at('email', {})]));
  }
  if (
    w
      .lookup('broadworksSubscribers', 'userId', v.userId.toLowerCase())
      .some((s) => s.partnerId === user.partnerId)
  )
    return fail(inUse('BroadWorks user ID'));
  if (v.email !== undefined && emailHeld(w, v.email)) return fail(inUse('email'));
  return ok({ v, template: template.value });
};

/** The fields only a provisioning request has: any of them makes a precheck the provisioning variant. */
const PROVISIONING_FIELDS = [
  'provisioningId',
  'userId',
  'spEnterpriseId',
  'firstName',
  'lastName',
  'package',
] as const;

const precheckSchema = z.object({
  email: emailField,
  customerInfo: z.object({ primaryEmail: emailField }).optional(),
});

/**
 * `POST /v1/broadworks/subscribers/validate`, in its two variants (webex-broadworks.json: "two
 * variants of Broadworks Provisioning Precheck Requests"). With only `email` (and `customerInfo`),
 * it asks whether that email could be provisioned: well-formed and held by nobody. With any
 * provisioning field, it is the provisioning request itself, checked as provisioning checks it
 * (every required field, the template, the user ID and the email not in use), nothing written; a
 * new `spEnterpriseId` passes, since flow-through provisioning creates the enterprise.
 */
export const precheckBroadWorks = (
  w: WorldReader,
  user: PartnerUser,
  body: unknown,
): Result<void> => {
  const input = parseWith(precheckSchema, body);
  if (!input.ok) return input;
  const given = body as Readonly<Record<string, unknown>>;
  if (PROVISIONING_FIELDS.some((k) => given[k] !== undefined)) {
    const r = checkCreate(w, user, body);
    return r.ok ? ok(undefined) : r;
  }
  return emailHeld(w, input.value.email) ? fail(inUse('email')) : ok(undefined);
};

const newSubscriber = (
  tx: WorldTx,
  partnerId: string,
  t: Template,
  f: Omit<
    BroadWorksSubscriber,
    | 'id'
    | 'partnerId'
    | 'templateId'
    | 'provisioningId'
    | 'status'
    | 'errors'
    | 'personId'
    | 'created'
    | 'lastStatusChange'
  >,
  status: BroadWorksStatus,
): BroadWorksSubscriber => {
  const s: BroadWorksSubscriber = {
    id: webexId('SUBSCRIBER', tx.uuid()),
    partnerId,
    templateId: t.id,
    provisioningId: t.provisioningId,
    status,
    errors: [],
    personId: webexId('PEOPLE', tx.uuid()),
    created: tx.nowIso,
    lastStatusChange: tx.nowIso,
    ...f,
  };
  tx.put('broadworksSubscribers', s);
  return s;
};

/** `POST /v1/broadworks/subscribers`: trusted → provisioning; untrusted → pending email input or validation. */
export const provisionBroadWorks = (
  tx: WorldTx,
  user: PartnerUser,
  body: unknown,
): Result<BroadWorksSubscriber> => {
  const checked = checkCreate(tx, user, body);
  if (!checked.ok) return checked;
  const { v, template } = checked.value;
  // Flow-through: an spEnterpriseId the partner does not have yet makes the enterprise.
  enterpriseFor(tx, user.partnerId, v.spEnterpriseId, template);
  const { provisioningId: _p, ...rest } = v;
  const defined = Object.fromEntries(
    Object.entries(rest).filter(([, x]) => x !== undefined),
  ) as typeof rest & { email?: string };
  const s = newSubscriber(
    tx,
    user.partnerId,
    template,
    {
      ...(defined as Omit<
        BroadWorksSubscriber,
        | 'id'
        | 'partnerId'
        | 'templateId'
        | 'provisioningId'
        | 'status'
        | 'errors'
        | 'personId'
        | 'created'
        | 'lastStatusChange'
        | 'selfActivated'
      >),
      selfActivated: false,
    },
    template.userVerification?.emailTrust === 'trusted'
      ? 'pending_email_validation'
      : 'pending_email_input',
  );
  if (template.userVerification?.emailTrust === 'trusted')
    return startProvisioning(tx, s, 'Provisioning');
  return v.email !== undefined ? sendVerification(tx, s, v.email) : ok(s);
};

/** `PUT`: provisioned → updating → provisioned; a subscriber not provisioned changes and keeps its status. */
export const updateBroadWorks = (
  tx: WorldTx,
  user: PartnerUser,
  id: string,
  body: unknown,
): Result<BroadWorksSubscriber> => {
  const found = ownedBy(tx, 'broadworksSubscribers', id, user.partnerId, 'Subscriber');
  if (!found.ok) return found;
  const input = parseWith(updateSchema, body);
  if (!input.ok) return input;
  const s = found.value;
  const v = input.value;
  if (
    v.email !== undefined &&
    v.email.toLowerCase() !== s.email?.toLowerCase() &&
    emailHeld(tx, v.email, s.id)
  )
    return fail(inUse('email'));
  if (
    v.userId !== undefined &&
    tx
      .lookup('broadworksSubscribers', 'userId', v.userId.toLowerCase())
      .some((o) => o.id !== s.id && o.partnerId === s.partnerId)
  )
    return fail(inUse('BroadWorks user ID'));
  const patch = Object.fromEntries(
    Object.entries(v).filter(
      ([k, x]) => x !== undefined && !(NUMBERS as readonly string[]).includes(k),
    ),
  ) as Partial<BroadWorksSubscriber>;
  const numbered = withNumbers(s, v);
  if (!numbered.ok) return numbered;
  if (s.status === 'provisioned') {
    const r = move(tx, numbered.value, 'updating', 'Update', patch);
    if (r.ok)
      tx.schedule(BW_STEP, tx.now + delayOf(tx, 'broadworksSubscriberUpdate'), {
        subscriberId: s.id,
        expect: 'updating',
      });
    return r;
  }
  if (s.status === 'provisioning' || s.status === 'updating')
    return fail(bwErrors.busy({ id, status: s.status }));
  const next = { ...numbered.value, ...patch };
  tx.put('broadworksSubscribers', next);
  return ok(next);
};

export const deleteBroadWorks = (
  tx: WorldTx,
  partnerId: string,
  id: string,
): Result<BroadWorksSubscriber> => {
  const found = ownedBy(tx, 'broadworksSubscribers', id, partnerId, 'Subscriber');
  if (found.ok) tx.delete('broadworksSubscribers', id);
  return found;
};

/** The end of a provisioning or update step: provisioned, or error when a step fault waits (SIM-4). */
export const finishBroadWorksStep = (tx: WorldTx, p: Readonly<Record<string, unknown>>): void => {
  const s = tx.get('broadworksSubscribers', String(p.subscriberId));
  const expect = p.expect ?? (p.op === 'update' ? 'updating' : 'provisioning');
  if (!stepApplies(s, { expect })) return;
  const fault = takeStepFault(tx, 'broadworksSubscriber');
  if (fault)
    move(tx, s, 'error', 'Provisioning', {
      errors: [{ errorCode: fault.errorCode, description: fault.description }],
    });
  else move(tx, s, 'provisioned', 'Provisioning');
};

/** The verification link (FT-1): pending_email_validation → provisioning (or consent); single-use. */
export const verifyEmail = (tx: WorldTx, token: string): Result<BroadWorksSubscriber> => {
  const s = token === '' ? undefined : tx.lookup('broadworksSubscribers', 'verifyToken', token)[0];
  if (!s)
    return fail(
      notFound('Verification link (it may have been used already, or a newer one was sent)'),
    );
  const { verifyToken: _spent, ...rest } = s;
  tx.put('broadworksSubscribers', rest);
  return startProvisioning(tx, rest, 'Email verification');
};

/** The subscriber a consent link is for, while its move is pending (its token is spent after). */
export const broadWorksSubscriberByConsentToken = (
  w: WorldReader,
  token: string,
): BroadWorksSubscriber | undefined =>
  token === '' ? undefined : w.lookup('broadworksSubscribers', 'consentToken', token)[0];

/** The owner of a free account accepts the move: provisioning starts. */
export const acceptBroadWorksConsent = (
  tx: WorldTx,
  token: string,
): Result<BroadWorksSubscriber> | undefined => {
  const s = broadWorksSubscriberByConsentToken(tx, token);
  if (!s) return undefined;
  const { consentToken: _spent, ...rest } = s;
  const r = move(tx, rest, 'provisioning', 'Consent');
  if (r.ok)
    tx.schedule(BW_STEP, tx.now + delayOf(tx, 'broadworksSubscriber'), {
      subscriberId: s.id,
      expect: 'provisioning',
    });
  return r;
};
