import { isUsable } from '../../../core/organisations/customer-states.ts';
import type { ErrorItem } from '../../../core/kernel/errors.ts';
import type { Address } from '../../../core/kernel/model.ts';
import type {
  BroadWorksSubscriber,
  BroadWorksWorkspace,
  DirectorySync,
  Enterprise,
} from '../../../core/broadworks/model.ts';
import type { Customer, Location } from '../../../core/organisations/model.ts';
import type { WholesaleSubscriber } from '../../../core/subscribers/model.ts';
import { packageInfo } from '../../../core/organisations/packages.ts';
import type {
  V1Address,
  V1BroadWorksSubscriber,
  V1Customer,
  V1CustomerPrecheck,
  V1DirectorySyncStatus,
  V1Error,
  V1Workspace,
  V1Subscriber,
} from '../../openapi/v1-types.ts';

/** Domain objects in Cisco's `/v1` shapes (webex-wholesale.json: Customer, Subscriber). */
const packageStatus = (
  s: Customer['status'],
): 'provisioned' | 'provisioning' | 'deleting' | 'error' =>
  s === 'provisioned' || s === 'provisioned_with_errors'
    ? 'provisioned'
    : s === 'deleting'
      ? 'deleting'
      : s === 'error'
        ? 'error'
        : 'provisioning';

/** An address without its absent optional lines (the published type has no undefined values). */
export const addressV1 = (a: Address): V1Address =>
  Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as V1Address;

const errorsV1 = (errors: readonly ErrorItem[]): V1Error[] =>
  errors.map((e) => ({
    description: e.description,
    ...(e.errorCode !== undefined ? { errorCode: e.errorCode } : {}),
  }));

/** A package's license id, stable for a customer and package (`includePackageLicenseInfo`). */
const licenseId = (c: Customer, name: string): string =>
  btoa(`ciscospark://us/LICENSE/${c.orgId.slice(-12)}:${name.toUpperCase()}`)
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** `resourceDetails.packages`: each package's status, errors and warnings, and its licenses. */
const packagesV1 = (c: Customer, licenses: boolean) =>
  c.packages.map((name) => {
    const issue = c.packageIssues?.find((i) => i.name === name);
    const status = issue?.errors.length ? 'error' : packageStatus(c.status);
    return {
      name,
      status,
      ...(issue?.errors.length ? { errors: errorsV1(issue.errors) } : {}),
      ...(issue?.warnings.length ? { warnings: errorsV1(issue.warnings) } : {}),
      ...(licenses && isUsable(c.status) && status === 'provisioned'
        ? { licenseIds: [licenseId(c, name)] }
        : {}),
    };
  });

export const customerV1 = (c: Customer, licenses = false): V1Customer => ({
  id: c.id,
  ...(isUsable(c.status) ? { orgId: c.orgId } : {}),
  externalId: c.externalId,
  address: addressV1(c.address),
  status: c.status,
  packages: [...c.packages],
  resourceDetails: { packages: packagesV1(c, licenses) },
  errors: errorsV1(c.errors),
});

type BasePackage = NonNullable<V1Subscriber['package']>;
const BASES: readonly string[] = [
  'webex_calling',
  'webex_meetings',
  'webex_suite',
  'webex_voice',
  'cx_essentials',
  'webex_calling_standard',
] satisfies BasePackage[];

export const subscriberV1 = (s: WholesaleSubscriber, c: Customer | undefined): V1Subscriber => ({
  id: s.id,
  ...(s.status === 'provisioned' ? { personId: s.personId } : {}),
  email: s.email,
  customerId: s.customerId,
  ...(c ? { externalCustomerId: c.externalId } : {}),
  ...(s.packages.some((p) => BASES.includes(p))
    ? { package: s.packages.find((p) => BASES.includes(p)) as BasePackage }
    : {}),
  packages: s.packages.filter(
    (p): p is NonNullable<V1Subscriber['packages']>[number] & typeof p =>
      !packageInfo(p).needsOneOf || p === 'attendant_console',
  ),
  status: s.status,
  errors: errorsV1(s.errors),
  created: s.created,
  lastStatusChange: s.lastStatusChange,
});

/** Webex's Locations API shape, for `GET /v1/locations?orgId=`. */
export const locationV1 = (l: Location, orgId: string) => ({
  id: l.id,
  name: l.name,
  orgId,
  timeZone: l.timezone,
  preferredLanguage: l.language,
  address: {
    address1: l.address.addressLine1,
    ...(l.address.addressLine2 ? { address2: l.address.addressLine2 } : {}),
    city: l.address.city,
    ...(l.address.stateOrProvince ? { state: l.address.stateOrProvince } : {}),
    ...(l.address.zipOrPostalCode ? { postalCode: l.address.zipOrPostalCode } : {}),
    country: l.address.country,
  },
});

/** The precheck success body (the schema's object form; api.md `/v1`). */
export const PRECHECK_OK: V1CustomerPrecheck = {
  message: 'success',
  info: { infoCode: 100, description: 'Provisioning Precheck validation successful.' },
};

/** A BroadWorks subscriber in Cisco's shape (webex-broadworks.json `Subscriber`). */
export const broadworksV1 = (s: BroadWorksSubscriber): V1BroadWorksSubscriber => ({
  id: s.id,
  ...(s.status === 'provisioned' ? { personId: s.personId } : {}),
  userId: s.userId,
  spEnterpriseId: s.spEnterpriseId,
  firstName: s.firstName,
  lastName: s.lastName,
  ...(s.email !== undefined ? { email: s.email } : {}),
  ...(s.primaryPhoneNumber !== undefined ? { primaryPhoneNumber: s.primaryPhoneNumber } : {}),
  ...(s.mobilePhoneNumber !== undefined ? { mobilePhoneNumber: s.mobilePhoneNumber } : {}),
  ...(s.extension !== undefined ? { extension: s.extension } : {}),
  package: s.package,
  status: s.status,
  errors: errorsV1(s.errors),
  created: s.created,
  lastStatusChange: s.lastStatusChange,
  provisioningId: s.provisioningId,
  selfActivated: s.selfActivated,
});

/**
 * An enterprise's directory sync (webex-broadworks.json `GetDirectorySyncStatusResponse`): the
 * status only before the first sync; then its times, tracking id, what the last completed sync
 * changed, the totals in Common Identity and the errors of a failed one.
 */
export const directorySyncV1 = (s: DirectorySync): V1DirectorySyncStatus => ({
  enableDirSync: s.enabled,
  directorySyncStatus:
    s.status === 'NOT_SYNCED'
      ? { syncStatus: s.status }
      : {
          syncStatus: s.status,
          ...(s.lastSyncStartTime !== undefined ? { lastSyncStartTime: s.lastSyncStartTime } : {}),
          ...(s.lastSyncEndTime !== undefined ? { lastSyncEndTime: s.lastSyncEndTime } : {}),
          ...(s.lastSuccessfulSyncTime !== undefined
            ? { lastSuccessfulSyncTime: s.lastSuccessfulSyncTime }
            : {}),
          ...(s.lastSyncTrackingId !== undefined
            ? { lastSyncTrackingId: s.lastSyncTrackingId }
            : {}),
          ...s.counts,
          totalExternalUsersInCI: s.users.length,
          totalExternalMachinesInCI: s.machines.length,
          ...(s.errors.length > 0
            ? {
                errors: s.errors.map((e) => ({
                  errorCode: e.errorCode ?? 0,
                  description: e.description,
                })),
              }
            : {}),
        },
});

/** A BroadWorks enterprise as `GET /v1/broadworks/enterprises` lists it, with its sync. */
export const enterpriseV1 = (e: Enterprise, sync: DirectorySync) => ({
  id: e.id,
  orgId: e.orgId,
  spEnterpriseId: e.spEnterpriseId,
  provisioningId: e.provisioningId,
  broadworksDirectorySync: directorySyncV1(sync),
});

/** A BroadWorks workspace (webex-broadworks.json `WorkspaceResponse`). */
export const workspaceV1 = (w: BroadWorksWorkspace): V1Workspace => ({
  id: w.id,
  provisioningId: w.provisioningId,
  userId: w.userId,
  spEnterpriseId: w.spEnterpriseId,
  displayName: w.displayName,
  ...(w.primaryPhoneNumber !== undefined ? { primaryPhoneNumber: w.primaryPhoneNumber } : {}),
  ...(w.extension !== undefined ? { extension: w.extension } : {}),
  created: w.created,
});
