// The /v1 shapes the simulator answers with and is sent, from the types generated out of Cisco's files
// (webex-wholesale.ts, webex-broadworks.ts: `npm run gen`). Aliases only: no code.
import type { components as Wholesale, paths as WholesalePaths } from './webex-wholesale.ts';
import type { components as BroadWorks, paths as BroadWorksPaths } from './webex-broadworks.ts';

type W = Wholesale['schemas'];
type B = BroadWorks['schemas'];
type JsonBody<Op> = Op extends { requestBody?: { content: { 'application/json': infer T } } } ? T : never;

// Wholesale: components['schemas'] of openapi/webex-wholesale.json.
export type V1Customer = W['Customer'];
export type V1CustomerList = W['CustomerListResponse'];
export type V1Address = W['Address'];
/** A package of a customer as `resourceDetails.packages[]` lists it (`Customer.packages` is only names). */
export type V1Package = W['Package'];
export type V1ResourceDetails = W['ResourceDetails'];
export type V1ResourceUrl = W['ResourceURL'];
export type V1Subscriber = W['Subscriber'];
export type V1SubscriberList = W['SubscriberListResponse'];
export type V1CustomerPrecheck = W['CustomerProvisioningPrecheckResponse'];
export type V1SubscriberPrecheck = W['SubscriberProvisioningPrecheckResponse'];
export type V1CustomerPackage = W['WholesalePackagesCustomer'];
export type V1SubscriberPackage = W['WholesalePackagesSubscriber'];
export type V1Error = W['Error'];

// Wholesale request bodies (inline schemas in Cisco's file: there is no named schema for them).
export type V1ProvisionCustomerBody = JsonBody<WholesalePaths['/wholesale/customers']['post']>;
export type V1UpdateCustomerBody = JsonBody<WholesalePaths['/wholesale/customers/{customerId}']['put']>;
export type V1CustomerPrecheckBody = JsonBody<WholesalePaths['/wholesale/customers/validate']['post']>;
export type V1ProvisionSubscriberBody = JsonBody<WholesalePaths['/wholesale/subscribers']['post']>;
export type V1UpdateSubscriberBody = JsonBody<WholesalePaths['/wholesale/subscribers/{subscriberId}']['put']>;
export type V1SubscriberPrecheckBody = JsonBody<WholesalePaths['/wholesale/subscribers/validate']['post']>;

// BroadWorks: components['schemas'] of openapi/webex-broadworks.json.
export type V1BroadWorksSubscriber = B['Subscriber'];
export type V1BroadWorksSubscriberList = B['SubscriberListResponse'];
export type V1BroadWorksPrecheck = B['SubscriberProvisioningPrecheckResponse'];
export type V1BroadWorksError = B['Error'];
/**
 * One enterprise. Cisco names this schema `EnterpriseListResponse` and publishes it as the whole answer
 * of GET /broadworks/enterprises, but it describes a single enterprise; the operation's example (and
 * every other list) wraps them in `items`.
 */
export type V1BroadWorksEnterprise = B['EnterpriseListResponse'];
/** The answer of GET /v1/broadworks/enterprises as the example shows it (the schema lists no `items`; it allows them). */
export interface V1BroadWorksEnterpriseList {
  items?: V1BroadWorksEnterprise[];
}

// BroadWorks request bodies (inline schemas).
export type V1ProvisionBroadWorksSubscriberBody = JsonBody<BroadWorksPaths['/broadworks/subscribers']['post']>;
export type V1UpdateBroadWorksSubscriberBody = JsonBody<BroadWorksPaths['/broadworks/subscribers/{subscriberId}']['put']>;
export type V1BroadWorksPrecheckBody = JsonBody<BroadWorksPaths['/broadworks/subscribers/validate']['post']>;

// Billing reports (both files), directory sync and workspaces.
export type V1WholesaleReport = W['Report'];
export type V1WholesaleListReport = W['ListReport'];
export type V1WholesaleReportId = W['ReportId'];
export type V1BroadWorksReport = B['Report'];
export type V1BroadWorksListReport = B['ListReport'];
export type V1BroadWorksReportId = B['ReportId'];
export type V1DirectorySyncStatus = B['GetDirectorySyncStatusResponse'];
export type V1DirectorySyncToggle = B['UpdateDirectorySyncResponse'];
export type V1UserDirectorySync = B['TriggerUserDirectorySyncResponse'];
export type V1Workspace = B['WorkspaceResponse'];
