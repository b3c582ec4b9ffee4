import { defineErrors, ErrorCode } from '../kernel/errors.ts';

/** What customers, locations, templates and packages answer when they refuse (ORG-*, TPL-*). */
export const orgErrors = defineErrors('organisations', {
  unsupportedCountry: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: '{country} is not a Webex-supported location (supported: {supported}) (ORG-2)',
  },
  callingLocationRequired: {
    status: 400,
    code: ErrorCode.required,
    message: 'is required for calling packages',
  },
  callingLocationToAdd: {
    status: 400,
    code: ErrorCode.required,
    message: 'is required to add a calling package',
  },
  customerInfoRequired: {
    status: 400,
    code: ErrorCode.required,
    message: 'is required for a new customer (one without orgId)',
  },
  unknownPackage: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: '{name} is not a {kind} package the simulator offers ({offered})',
  },
  packageTwice: { status: 400, code: ErrorCode.invalidValue, message: '{name} is listed twice' },
  packageNeedsBase: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: '{name} needs one of {needs} beside it',
  },
  externalIdTaken: {
    status: 409,
    code: ErrorCode.stateConflict,
    message: 'externalId {externalId} is already used by another customer.',
  },
  orgIdTaken: {
    status: 409,
    code: ErrorCode.stateConflict,
    message: 'Organization {orgId} is already a wholesale customer.',
  },
  customerBusy: {
    status: 409,
    code: ErrorCode.stateConflict,
    message: 'Customer {id} is {status}; it cannot be {doing} until that ends.',
  },
  packagesInUse: {
    status: 409,
    code: ErrorCode.stateConflict,
    message:
      '{packages} still assigned to subscribers of this customer; change their packages first.',
  },
  locationNameTaken: {
    status: 409,
    code: ErrorCode.stateConflict,
    message: 'The customer already has a location named "{name}".',
  },
  customerBeingDeleted: {
    status: 409,
    code: ErrorCode.stateConflict,
    message: 'Customer {id} is being deleted.',
  },
  wrongOffer: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: 'names the {offer} template "{name}"; a {wanted} template is needed (TPL-1)',
  },
  templateCountry: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: '{country} is not a Webex-supported country ({supported})',
  },
  templateFieldRequired: {
    status: 400,
    code: ErrorCode.required,
    message: 'is required for a {offer} template',
  },
  templateFieldForOffer: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: 'is for {offer} templates only',
  },
  pstnProviderUnknown: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: 'must be one of {providers}',
  },
  templateNameTaken: {
    status: 409,
    code: ErrorCode.stateConflict,
    message: 'A {offer} template named "{name}" already exists.',
  },
  templateInUse: {
    status: 409,
    code: ErrorCode.stateConflict,
    message: 'Template "{name}" is in use by {count}; it cannot be deleted.',
  },
  noWholesaleTemplate: {
    status: 409,
    code: ErrorCode.stateConflict,
    message: 'The partner has no wholesale template: create one first (TPL-1).',
  },
});

/** What acting on behalf of a sub-partner answers when it refuses (webex-wholesale.json). */
export const subPartnerErrors = defineErrors('organisations.subPartners', {
  unknown: { status: 404, message: 'Sub-partner {orgId} not found.' },
  suspended: {
    status: 409,
    code: ErrorCode.stateConflict,
    message:
      'Sub-partner {orgId} is suspended: it cannot provision or update customers and subscribers, only delete them.',
  },
});
