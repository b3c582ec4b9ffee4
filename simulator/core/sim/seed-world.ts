import { newFaker, type Faker } from './faker.ts';
import { DEFAULT_EPOCH } from '../kernel/clock.ts';
import { webexId } from '../kernel/ids.ts';
import { ROLES } from '../kernel/model.ts';
import { type DirectoryUser } from '../broadworks/model.ts';
import { enterpriseOrgId } from '../broadworks/enterprises.ts';
import { type Template } from '../organisations/model.ts';
import type { WorldTx } from '../kernel/world-tx.ts';

/**
 * The seeded world (api.md, Identity and roles): two partners with four users each and fixed tokens
 * (the same for every seed), their subscriptions, templates and BroadWorks enterprises; the free
 * accounts, supported countries and PSTN providers. Everything else is drawn from the seed (SIM-4).
 */
export const SEED_PARTNERS = [
  { key: 'acme', name: 'Acme Wholesale', domain: 'acme-wholesale.example' },
  { key: 'globex', name: 'Globex Telecom', domain: 'globex-telecom.example' },
] as const;

/** The fixed token of a seeded partner user: `acme-admin`, `globex-viewer`, … */
export const seedToken = (partnerKey: string, role: string): string => `${partnerKey}-${role}`;

export const SUPPORTED_COUNTRIES = [
  'US',
  'CA',
  'MX',
  'BR',
  'GB',
  'IE',
  'FR',
  'DE',
  'ES',
  'IT',
  'PT',
  'PL',
  'NL',
  'BE',
  'LU',
  'CH',
  'AT',
  'SE',
  'NO',
  'DK',
  'FI',
  'AU',
  'NZ',
  'JP',
  'SG',
] as const;

export const PSTN_PROVIDERS = [
  'NorthStar Voice (CCP)',
  'BluePeak Telecom (CCP)',
  'Meridian PSTN (CCP)',
] as const;

export const seedWorld = (tx: WorldTx): void => {
  const faker = newFaker();
  faker.seed(tx.meta.seed);
  faker.setDefaultRefDate(DEFAULT_EPOCH);
  const hex = (n: number): string =>
    Array.from({ length: n }, () => Math.floor(tx.random() * 16).toString(16)).join('');
  const linkId = (): string =>
    Array.from({ length: 16 }, () => Math.floor(tx.random() * 36).toString(36)).join('');

  tx.setMeta({
    ...tx.meta,
    supportedCountries: [...SUPPORTED_COUNTRIES],
    pstnProviders: [...PSTN_PROVIDERS],
    freeAccounts: Array.from({ length: 3 }, () =>
      faker.internet
        .email({ provider: 'freemail.example', allowSpecialCharacters: false })
        .toLowerCase(),
    ),
  });

  SEED_PARTNERS.forEach((p, pi) => {
    const partnerId = webexId('ORGANIZATION', tx.uuid());
    tx.put('partners', { id: partnerId, name: p.name, orgId: partnerId });
    for (const role of ROLES) {
      tx.put('users', {
        id: webexId('PEOPLE', tx.uuid()),
        partnerId,
        role,
        token: seedToken(p.key, role),
        email: `${role}@${p.domain}`,
        displayName: `${faker.person.firstName()} ${faker.person.lastName()} (${role})`,
      });
    }
    const subscriptions = ['Calling', 'Collaboration'].map((kind, i) => {
      const id = `Sub${100000 + pi * 1000 + i * 17 + Math.floor(tx.random() * 10)}`;
      tx.put('subscriptions', { id, partnerId, name: `${p.name} ${kind} (${id})` });
      return id;
    });
    const template = (
      t: Omit<Template, 'id' | 'partnerId' | 'provisioningId' | 'createdAt'>,
    ): void =>
      tx.put('templates', {
        id: webexId('TEMPLATE', tx.uuid()),
        partnerId,
        provisioningId: hex(32),
        createdAt: tx.nowIso,
        ...t,
      });
    template({
      name: `${p.name} Standard`,
      offer: 'wholesale',
      country: 'US',
      language: 'en_US',
      subscriptionId: subscriptions[0]!,
      authMethod: 'webex',
    });
    for (const emailTrust of ['untrusted', 'trusted'] as const) {
      const activationLinkId = linkId();
      template({
        name: `${p.name} BroadWorks ${emailTrust === 'untrusted' ? 'flow-through' : 'trusted'}`,
        offer: 'broadworks',
        country: 'US',
        language: 'en_US',
        userVerification: { emailTrust },
        activationLinkId,
      });
    }
    for (let e = 1; e <= 2; e++) {
      const directory: DirectoryUser[] = Array.from({ length: 6 }, () => ({
        userId: `${faker.string.numeric({ length: 10, allowLeadingZeros: false })}@bw.${p.domain}`,
        firstName: faker.person.firstName(),
        lastName: faker.person.lastName(),
      }));
      const id = webexId('BROADWORKS_ENTERPRISE', tx.uuid());
      tx.put('enterprises', {
        id,
        partnerId,
        spEnterpriseId: `${p.key.toUpperCase()}-ENT-${String(e).padStart(2, '0')}`,
        name: faker.company.name(),
        directory,
        orgId: enterpriseOrgId(id),
        // Onboarded with the partner's first broadworks template (flow-through).
        provisioningId: tx
          .list('templates')
          .find((t) => t.partnerId === partnerId && t.offer === 'broadworks')!.provisioningId,
      });
    }
  });
  seedSubPartners(tx, faker);
};

/**
 * Each partner's sub-partners (webex-wholesale.json `SubPartner`): an active one and a suspended
 * one, drawn after everything else so the rest of the seeded world keeps its ids.
 */
const seedSubPartners = (tx: WorldTx, faker: Faker): void => {
  for (const p of tx.list('partners')) {
    const subscription = tx.list('subscriptions').find((s) => s.partnerId === p.id)!;
    for (const provisioningState of ['active', 'suspended'] as const) {
      const uuid = tx.uuid();
      tx.put('subPartners', {
        id: webexId('ORGANIZATION', uuid),
        partnerId: p.id,
        orgId: webexId('ORGANIZATION', uuid),
        name: `${faker.company.name()} (${provisioningState === 'active' ? 'reseller' : 'suspended reseller'})`,
        subscriptionId: subscription.id,
        provisioningState,
        created: tx.nowIso,
        billingStartDate: tx.nowIso,
      });
    }
  }
};
