import type { ErrorItem } from '../kernel/errors.ts';
import { orgErrors } from './errors.ts';

/**
 * Wholesale packages (api.md, Packages). A *calling* package has the calling service; a *downgrade*
 * is a change to a package that lacks a service the old one had (ORG-4). `meetings` includes the
 * basic meetings that calling packages carry.
 */
export type Service =
  | 'calling'
  | 'messaging'
  | 'basic_meetings'
  | 'meetings'
  | 'contact_center'
  | 'attendant'
  | 'shared_calling'
  | 'pstn'
  | 'ai';

export interface PackageInfo {
  readonly csvColumn?: string;
  readonly services: readonly Service[];
  readonly customer: boolean;
  readonly subscriber: boolean;
  /** An add-on: needs any one of these beside it. */
  readonly needsOneOf?: readonly string[];
  readonly title: string;
}

const CALLING_BASES = ['webex_calling', 'webex_suite', 'cx_essentials'] as const;

export const PACKAGES = {
  webex_calling: {
    title: 'Webex Calling',
    csvColumn: 'Webex Calling [Wholesale]',
    services: ['calling', 'messaging', 'basic_meetings'],
    customer: true,
    subscriber: true,
  },
  webex_calling_standard: {
    title: 'Webex Calling Standard',
    csvColumn: 'Webex Calling Standard [Wholesale]',
    services: ['calling', 'messaging'],
    customer: true,
    subscriber: true,
  },
  webex_voice: {
    title: 'Webex Voice',
    csvColumn: 'Webex Voice [Wholesale]',
    services: ['calling'],
    customer: true,
    subscriber: true,
  },
  webex_meetings: {
    title: 'Webex Meetings',
    csvColumn: 'Webex Meetings [Wholesale]',
    services: ['meetings', 'basic_meetings', 'messaging'],
    customer: true,
    subscriber: true,
  },
  webex_suite: {
    title: 'Webex Suite',
    csvColumn: 'Webex Suite [Wholesale]',
    services: ['calling', 'meetings', 'basic_meetings', 'messaging'],
    customer: true,
    subscriber: true,
  },
  cx_essentials: {
    title: 'Customer Experience Essentials',
    csvColumn: 'Customer Experience Essentials [Wholesale]',
    services: ['calling', 'messaging', 'contact_center'],
    customer: true,
    subscriber: true,
  },
  attendant_console: {
    title: 'Attendant Console',
    csvColumn: 'Attendant Console [Wholesale]',
    services: ['attendant'],
    customer: true,
    subscriber: true,
    needsOneOf: CALLING_BASES,
  },
  common_area_calling: {
    title: 'Common Area Calling',
    services: ['shared_calling'],
    customer: true,
    subscriber: false,
  },
  cisco_calling_plan: {
    title: 'Cisco Calling Plan',
    services: ['pstn'],
    customer: true,
    subscriber: false,
    // "needs any one calling package": Common Area Calling calls from shared devices.
    needsOneOf: [
      'webex_calling',
      'webex_calling_standard',
      'webex_voice',
      'webex_suite',
      'cx_essentials',
      'common_area_calling',
    ],
  },
  // Cisco's files list these too (WholesalePackagesCustomer, WholesalePackagesSubscriber).
  cx_premium_agent: {
    title: 'Contact Center Premium Agent',
    services: ['contact_center'],
    customer: true,
    subscriber: true,
  },
  cx_standard_agent: {
    title: 'Contact Center Standard Agent',
    services: ['contact_center'],
    customer: true,
    subscriber: true,
  },
  cx_voice_ports: {
    title: 'Contact Center Voice Ports',
    services: ['contact_center'],
    customer: true,
    subscriber: false,
  },
  cx_ai_assistant: {
    title: 'Contact Center AI Assistant',
    services: ['ai'],
    customer: true,
    subscriber: false,
  },
  webex_ai_agent: { title: 'Webex AI Agent', services: ['ai'], customer: true, subscriber: false },
} as const satisfies Record<string, PackageInfo>;

export type PackageName = keyof typeof PACKAGES;
export const PACKAGE_NAMES = Object.keys(PACKAGES) as PackageName[];
export const SUBSCRIBER_PACKAGES = PACKAGE_NAMES.filter((p) => PACKAGES[p].subscriber);

export const isPackage = (name: string): name is PackageName => Object.hasOwn(PACKAGES, name);
export const packageInfo = (name: PackageName): PackageInfo => PACKAGES[name];
export const isCalling = (name: PackageName): boolean =>
  packageInfo(name).services.includes('calling');
export const hasCalling = (names: readonly PackageName[]): boolean => names.some(isCalling);
export const hasMeetings = (names: readonly PackageName[]): boolean =>
  names.some((n) => packageInfo(n).services.includes('meetings'));

/** The services the old package had and the new one lacks: a downgrade when not empty (ORG-4). */
export const lostServices = (from: PackageName, to: PackageName): Service[] => {
  const keep = new Set(packageInfo(to).services);
  return packageInfo(from).services.filter((s) => !keep.has(s));
};

/**
 * Checks a set of package names at a field path: known, offered for the kind of object, no
 * duplicates, and every add-on beside a base it needs.
 */
export const checkPackages = (
  names: readonly string[],
  path: string,
  kind: 'customer' | 'subscriber',
): ErrorItem[] => {
  const problems: ErrorItem[] = [];
  const offered = PACKAGE_NAMES.filter((p) => PACKAGES[p][kind]).join(', ');
  names.forEach((n, i) => {
    if (!isPackage(n) || !PACKAGES[n][kind])
      problems.push(
        orgErrors.unknownPackage.at(`${path}[${i}]`, { name: JSON.stringify(n), kind, offered }),
      );
    else if (names.indexOf(n) !== i)
      problems.push(orgErrors.packageTwice.at(`${path}[${i}]`, { name: n }));
  });
  if (problems.length > 0) return problems;
  for (const n of names as PackageName[]) {
    const needs = packageInfo(n).needsOneOf;
    if (needs && !needs.some((b) => names.includes(b)))
      problems.push(orgErrors.packageNeedsBase.at(path, { name: n, needs: needs.join(', ') }));
  }
  return problems;
};
