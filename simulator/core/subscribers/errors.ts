import { defineErrors, ErrorCode } from '../kernel/errors.ts';

/**
 * What wholesale subscribers answer when they refuse (USR-*, ORG-3, ORG-4), whichever door the
 * change came through. Field items name the domain's fields (`email`, `packages`, `phoneNumber`,
 * `extension`, `locationId`, `preferredWebexSite`); each door renames them as its callers know them.
 */
export const subErrors = defineErrors('subscribers', {
  packageRequired: { status: 400, code: ErrorCode.required, message: 'a new user needs a package' },
  oneBasePackage: {
    status: 400,
    code: ErrorCode.invalidValue,
    message:
      'a user holds one base package (and at most the attendant_console add-on); got {packages}',
  },
  customerLacksPackage: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: 'the customer does not have {missing} (it has {has})',
  },
  numberRequired: {
    status: 400,
    code: ErrorCode.required,
    message: 'a calling package needs a phone number or an extension (USR-5, ORG-3)',
  },
  locationRequired: {
    status: 400,
    code: ErrorCode.required,
    message: 'a calling package needs a location (ORG-3)',
  },
  meetingsSiteMissing: {
    status: 200,
    message:
      "missing for a package with meetings; the user gets the customer's default site (USR-2)",
  },
  emailInUse: {
    status: 409,
    code: ErrorCode.inUse,
    message: 'The email is already associated with an existing user.',
  },
  extensionInUse: {
    status: 409,
    code: ErrorCode.numberInUse,
    message: 'extension {extension} is already used in this customer',
  },
  phoneInUse: {
    status: 409,
    code: ErrorCode.numberInUse,
    message: 'phone number {phone} is already assigned',
  },
  adminDowngrade: {
    status: 409,
    code: ErrorCode.stateConflict,
    message:
      "{email} is the customer's full administrator; downgrading its package ({from} to {to}, losing {lost}) is not supported (ORG-4)",
  },
  adminRemoval: {
    status: 409,
    code: ErrorCode.stateConflict,
    message: "{email} is the customer's full administrator and cannot be removed (ORG-4)",
  },
  packageError: {
    status: 409,
    code: ErrorCode.stateConflict,
    message:
      '{email} is stuck in a package error; unassign the package (package null) and assign it again (USR-6)',
  },
  customerNotUsable: {
    status: 409,
    code: ErrorCode.stateConflict,
    message: 'Customer {id} is {status}; users can be added and changed once it is provisioned.',
  },
  notChangeable: {
    status: 409,
    code: ErrorCode.illegalTransition,
    message: 'Subscriber {id} is {status}; it can be changed once provisioned.',
  },
  notPendingConsent: {
    status: 409,
    code: ErrorCode.stateConflict,
    message:
      'Subscriber {id} is {status}; a consent mail goes only to subscribers pending user migration.',
  },
  tooManyUsers: {
    status: 400,
    code: ErrorCode.tooLong,
    message: 'must be at most {max} items (USR-1)',
  },
});

/** What a users CSV file or row answers when it cannot be applied (USR-2..4). */
export const csvErrors = defineErrors('subscribers.csv', {
  unreadable: { status: 400, code: ErrorCode.invalidValue, message: '{problem}' },
  tooManyRows: {
    status: 413,
    message: 'The file has {rows} data rows; at most {max} are imported at once.',
  },
  notBoolean: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: 'must be TRUE, FALSE or empty, not {value}',
  },
  required: { status: 400, code: ErrorCode.required, message: 'is required' },
  notEmail: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: 'must be an email address such as ana@example.com',
  },
  notPhone: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: 'must be a phone number such as +12405551212',
  },
  notExtension: { status: 400, code: ErrorCode.invalidValue, message: 'must be 2 to 10 digits' },
  noSuchLocation: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: 'the customer has no location named {name}',
  },
  repeatedEmail: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: '{email} appears on an earlier row of this file',
  },
  nothingToRemove: {
    status: 200,
    message: '{email} is not a user of this customer; nothing to remove (USR-4)',
  },
});
