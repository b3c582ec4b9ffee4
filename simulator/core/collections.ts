import type { FaultRecord } from './sim/faults.ts';
import type { MailRecord } from './kernel/mail.ts';
import type { EventRecord } from './kernel/events.ts';
import type { Partner, PartnerUser, Subscription, WorldMeta } from './kernel/model.ts';
import type { Customer, Location, SubPartner, Template } from './organisations/model.ts';
import type { WholesaleSubscriber } from './subscribers/model.ts';
import type {
  BroadWorksSubscriber,
  BroadWorksWorkspace,
  DirectorySync,
  Enterprise,
} from './broadworks/model.ts';
import type { BillingReport, UsageRecord } from './billing/model.ts';
import type { Order, SupportCase } from './ccw/model.ts';

/** Every collection the world keeps, and the entity each holds. */
export interface Collections {
  meta: WorldMeta;
  partners: Partner;
  users: PartnerUser;
  subscriptions: Subscription;
  templates: Template;
  enterprises: Enterprise;
  subPartners: SubPartner;
  customers: Customer;
  locations: Location;
  subscribers: WholesaleSubscriber;
  broadworksSubscribers: BroadWorksSubscriber;
  broadworksWorkspaces: BroadWorksWorkspace;
  directorySyncs: DirectorySync;
  billingReports: BillingReport;
  usageRecords: UsageRecord;
  orders: Order;
  cases: SupportCase;
  mail: MailRecord;
  faults: FaultRecord;
  events: EventRecord;
}
export type CollectionName = keyof Collections;
