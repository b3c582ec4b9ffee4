import type { FieldMap } from '../kernel/errors.ts';

/**
 * The fields of the customer forms (Partner Hub's Create customer, CCW's Set Up Your Service) as
 * their callers name them: the headquarters is the address (and, for calling, the calling
 * location); the company name and admin email are the customer info (api.md, Wave 2 pins).
 */
export const CUSTOMER_FORM_FIELDS: FieldMap = {
  address: 'headquarters',
  'provisioningParameters.calling.location.address': 'headquarters',
  'provisioningParameters.calling.location': 'headquarters',
  'customerInfo.name': 'companyName',
  'customerInfo.primaryEmail': 'adminEmail',
  customerInfo: 'companyName',
};
