import { describeClock } from '../kernel/clock.ts';
import type { LinkIntent } from '../kernel/mail.ts';
import type { WorldReader } from '../kernel/world-tx.ts';

/**
 * What `GET /sim/world` answers: everything a client needs to find its way in a world. Links are
 * made by the caller from their intents (the core writes no URLs).
 */
export const worldSummary = (w: WorldReader, wall: number, url: (link: LinkIntent) => string) => {
  const meta = w.meta;
  return {
    seed: meta.seed,
    partners: w.list('partners').map((p) => {
      const users = w.list('users').filter((u) => u.partnerId === p.id);
      return {
        id: p.id,
        name: p.name,
        tokens: Object.fromEntries(users.map((u) => [u.role, u.token])),
        users: users.map((u) => ({
          id: u.id,
          role: u.role,
          email: u.email,
          displayName: u.displayName,
          token: u.token,
        })),
        subscriptions: w
          .list('subscriptions')
          .filter((s) => s.partnerId === p.id)
          .map((s) => ({ id: s.id, name: s.name })),
        templates: w
          .list('templates')
          .filter((t) => t.partnerId === p.id)
          .map((t) => ({
            id: t.id,
            name: t.name,
            offer: t.offer,
            provisioningId: t.provisioningId,
            ...(t.activationLinkId
              ? { activationLink: url({ to: 'activation', linkId: t.activationLinkId }) }
              : {}),
            ...(t.userVerification ? { emailTrust: t.userVerification.emailTrust } : {}),
          })),
        enterprises: w
          .list('enterprises')
          .filter((e) => e.partnerId === p.id)
          .map((e) => ({
            id: e.id,
            spEnterpriseId: e.spEnterpriseId,
            name: e.name,
            directory: e.directory,
          })),
        subPartners: w
          .list('subPartners')
          .filter((s) => s.partnerId === p.id)
          .map((s) => ({ orgId: s.orgId, name: s.name, provisioningState: s.provisioningState })),
      };
    }),
    freeAccounts: meta.freeAccounts,
    supportedCountries: meta.supportedCountries,
    pstnProviders: meta.pstnProviders,
    clock: describeClock(meta.clock, wall),
  };
};
