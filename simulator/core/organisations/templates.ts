import { z } from 'zod';
import { invalidFields, notFound, type ErrorItem } from '../kernel/errors.ts';
import { orgErrors } from './errors.ts';
import { webexId } from '../kernel/ids.ts';
import type { Offer, Template } from './model.ts';
import type { PartnerUser } from '../kernel/model.ts';
import { ownedBy, ownList } from '../kernel/ownership.ts';
import { fail, ok, type Result } from '../kernel/result.ts';
import { countryField, idField, languageField, text } from '../kernel/fields.ts';
import { parseWith } from '../kernel/validation.ts';
import type { WorldReader, WorldTx } from '../kernel/world-tx.ts';

/** Onboarding templates (TPL-1..4). */
/** Free-form settings, kept as given: 64 KiB of JSON at most (and the body's depth bound). */
export const MAX_SETTINGS_BYTES = 64 * 1024;
const settings = z
  .record(text(256), z.unknown())
  .refine(
    (v) => JSON.stringify(v).length <= MAX_SETTINGS_BYTES,
    `must be at most ${MAX_SETTINGS_BYTES} characters of JSON`,
  );
const verification = z.strictObject({
  emailTrust: z.enum(['trusted', 'untrusted']),
  shareLink: text(2000).optional(),
});

export const createTemplateSchema = z.strictObject({
  name: text(80).trim().min(1, 'must not be empty'),
  offer: z.enum(['wholesale', 'broadworks']),
  country: countryField,
  language: languageField,
  subscriptionId: idField.optional(),
  authMethod: z.enum(['webex', 'partner_sso']).optional(),
  pstnProvider: text(256).optional(),
  commonSettings: settings.optional(),
  callingSettings: settings.optional(),
  userVerification: verification.optional(),
});

export const patchTemplateSchema = createTemplateSchema
  .omit({ offer: true })
  .partial()
  .extend({
    pstnProvider: text(256).nullable().optional(),
    offer: z.never({ error: 'cannot change; create another template' }).optional(),
  });

export type TemplateInput = z.output<typeof createTemplateSchema>;

export const PSTN_WARNING =
  'A cloud-connected PSTN provider is chosen: the documentation does not recommend it for wholesale templates (TPL-3).';

/** The link id a share link points to (`…/activation/{linkId}`), compared with the activation link's (TPL-4). */
export const shareLinkId = (t: Template): string | undefined => {
  const link = t.userVerification?.shareLink;
  if (link === undefined) return t.activationLinkId;
  return /\/activation\/([A-Za-z0-9]+)\/?(?:[?#].*)?$/.exec(link)?.[1];
};

const offerRules = (
  w: WorldReader,
  user: PartnerUser,
  t: Omit<Template, 'id' | 'partnerId' | 'provisioningId' | 'createdAt'>,
): Result<void> => {
  const problems: ErrorItem[] = [];
  const meta = w.meta;
  if (!meta.supportedCountries.includes(t.country))
    problems.push(
      orgErrors.templateCountry.at('country', {
        country: t.country,
        supported: meta.supportedCountries.join(', '),
      }),
    );
  if (t.offer === 'wholesale') {
    if (t.subscriptionId === undefined)
      problems.push(orgErrors.templateFieldRequired.at('subscriptionId', { offer: 'wholesale' }));
    if (t.authMethod === undefined)
      problems.push(orgErrors.templateFieldRequired.at('authMethod', { offer: 'wholesale' }));
    if (t.userVerification)
      problems.push(
        orgErrors.templateFieldForOffer.at('userVerification', { offer: 'broadworks' }),
      );
    if (t.pstnProvider !== undefined && !meta.pstnProviders.includes(t.pstnProvider))
      problems.push(
        orgErrors.pstnProviderUnknown.at('pstnProvider', {
          providers: meta.pstnProviders.map((p) => JSON.stringify(p)).join(', '),
        }),
      );
  } else {
    if (!t.userVerification)
      problems.push(
        orgErrors.templateFieldRequired.at('userVerification.emailTrust', { offer: 'broadworks' }),
      );
    for (const f of ['subscriptionId', 'authMethod', 'pstnProvider'] as const)
      if (t[f] !== undefined)
        problems.push(orgErrors.templateFieldForOffer.at(f, { offer: 'wholesale' }));
  }
  if (problems.length > 0) return fail(invalidFields(problems));
  if (
    t.subscriptionId !== undefined &&
    !w
      .list('subscriptions')
      .some((s) => s.id === t.subscriptionId && s.partnerId === user.partnerId)
  ) {
    return fail(notFound(`Subscription ${t.subscriptionId}`));
  }
  const sameName = ownList(w, 'templates', user.partnerId).some(
    (o) =>
      o.name.toLowerCase() === t.name.toLowerCase() &&
      o.offer === t.offer &&
      o.id !== (t as { id?: string }).id,
  );
  if (sameName) return fail(orgErrors.templateNameTaken({ offer: t.offer, name: t.name }));
  return ok(undefined);
};

const randomId = (tx: WorldTx, n: number, radix: number): string =>
  Array.from({ length: n }, () => Math.floor(tx.random() * radix).toString(radix)).join('');

export const createTemplate = (tx: WorldTx, user: PartnerUser, body: unknown): Result<Template> => {
  const input = parseWith(createTemplateSchema, body);
  if (!input.ok) return input;
  const { userVerification, ...rest } = input.value;
  const draft = { ...rest, ...(userVerification ? { userVerification } : {}) } as Omit<
    Template,
    'id' | 'partnerId' | 'provisioningId' | 'createdAt'
  >;
  const rules = offerRules(tx, user, draft);
  if (!rules.ok) return rules;
  const template: Template = {
    id: webexId('TEMPLATE', tx.uuid()),
    partnerId: user.partnerId,
    provisioningId: randomId(tx, 32, 16),
    createdAt: tx.nowIso,
    ...draft,
    ...(draft.offer === 'broadworks' ? { activationLinkId: randomId(tx, 16, 36) } : {}),
  };
  tx.put('templates', template);
  return ok(template);
};

export const updateTemplate = (
  tx: WorldTx,
  user: PartnerUser,
  id: string,
  body: unknown,
): Result<Template> => {
  const found = ownedBy(tx, 'templates', id, user.partnerId, 'Template');
  if (!found.ok) return found;
  const input = parseWith(patchTemplateSchema, body);
  if (!input.ok) return input;
  const { pstnProvider, offer: _offer, ...rest } = input.value;
  const next = { ...found.value, ...(rest as Partial<Template>) } as Template & {
    pstnProvider?: string;
  };
  if (pstnProvider === null) delete next.pstnProvider;
  else if (pstnProvider !== undefined) next.pstnProvider = pstnProvider;
  const rules = offerRules(tx, user, next);
  if (!rules.ok) return rules;
  tx.put('templates', next);
  return ok(next);
};

/** Templates in use by a customer cannot be deleted (409). */
export const deleteTemplate = (tx: WorldTx, user: PartnerUser, id: string): Result<void> => {
  const found = ownedBy(tx, 'templates', id, user.partnerId, 'Template');
  if (!found.ok) return found;
  const users = tx.lookup('customers', 'templateId', id).length;
  if (users > 0) {
    const count = `${users} customer${users === 1 ? '' : 's'}`;
    return fail(orgErrors.templateInUse({ name: found.value.name, count }));
  }
  tx.delete('templates', id);
  return ok(undefined);
};

/** The partner's template named by a provisioning ID, of the offer asked for (TPL-1). */
export const templateByProvisioningId = (
  w: WorldReader,
  partnerId: string,
  provisioningId: string,
  offer: Offer,
  path = 'provisioningId',
): Result<Template> => {
  const t = ownList(w, 'templates', partnerId).find((x) => x.provisioningId === provisioningId);
  if (!t) return fail(notFound(`Template with provisioning ID ${provisioningId}`));
  if (t.offer !== offer)
    return fail(
      invalidFields([
        orgErrors.wrongOffer.at(path, { offer: t.offer, name: t.name, wanted: offer }),
      ]),
    );
  return ok(t);
};
