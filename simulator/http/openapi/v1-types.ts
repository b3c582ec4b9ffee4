// The /v1 shapes the simulator answers with, from the types generated out of Cisco's files.
import type { components as Wholesale, paths as WholesalePaths } from './webex-wholesale.ts';
import type { components as BroadWorks } from './webex-broadworks.ts';

type W = Wholesale['schemas'];
type B = BroadWorks['schemas'];

export type V1Customer = W['Customer'];
export type V1CustomerList = W['CustomerListResponse'];
export type V1Address = W['Address'];
export type V1ResourceUrl = W['ResourceURL'];
export type V1Subscriber = W['Subscriber'];
export type V1SubscriberList = W['SubscriberListResponse'];
export type V1CustomerPrecheck = W['CustomerProvisioningPrecheckResponse'];
export type V1SubscriberPrecheck = W['SubscriberProvisioningPrecheckResponse'];
export type V1CustomerPackage = W['WholesalePackagesCustomer'];
export type V1SubscriberPackage = W['WholesalePackagesSubscriber'];
export type V1Error = W['Error'];

export type V1ProvisionCustomerBody = NonNullable<WholesalePaths['/wholesale/customers']['post']['requestBody']>['content']['application/json'];
export type V1ProvisionSubscriberBody = NonNullable<WholesalePaths['/wholesale/subscribers']['post']['requestBody']>['content']['application/json'];

export type V1BroadWorksSubscriber = B['Subscriber'];
export type V1BroadWorksSubscriberList = B['SubscriberListResponse'];
export type V1BroadWorksEnterpriseList = B['EnterpriseListResponse'];
export type V1BroadWorksPrecheck = B['SubscriberProvisioningPrecheckResponse'];
