import type { Template } from '../../../core/organisations/model.ts';
import { PSTN_WARNING } from '../../../core/organisations/templates.ts';
import { linkUrl } from '../../links.ts';

/** The template as Partner Hub shows it: links absolute, warnings computed (TPL-3, TPL-4). */
export const templateView = (t: Template, base: string) => {
  const activationLink = t.activationLinkId
    ? linkUrl(base, { to: 'activation', linkId: t.activationLinkId })
    : undefined;
  return {
    id: t.id,
    name: t.name,
    offer: t.offer,
    provisioningId: t.provisioningId,
    country: t.country,
    language: t.language,
    ...(t.subscriptionId !== undefined ? { subscriptionId: t.subscriptionId } : {}),
    ...(t.authMethod !== undefined ? { authMethod: t.authMethod } : {}),
    ...(t.pstnProvider !== undefined ? { pstnProvider: t.pstnProvider } : {}),
    commonSettings: t.commonSettings ?? {},
    callingSettings: t.callingSettings ?? {},
    ...(t.userVerification
      ? {
          userVerification: {
            emailTrust: t.userVerification.emailTrust,
            shareLink: t.userVerification.shareLink ?? activationLink,
          },
        }
      : {}),
    ...(activationLink ? { activationLink } : {}),
    warnings: t.pstnProvider !== undefined ? [{ description: PSTN_WARNING }] : [],
    createdAt: t.createdAt,
  };
};
