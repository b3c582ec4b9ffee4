import { defineErrors, ErrorCode } from '../kernel/errors.ts';

/** What CCW answers when it refuses (CCW-1..8). */
export const ccwErrors = defineErrors('ccw', {
  pastPonr: {
    status: 409,
    code: ErrorCode.stateConflict,
    message:
      "The order's organization is already onboarded in Control Hub (point of no return), so the provisioning email can no longer be resent or its contact changed. The provisioning contact or an administrator can complete service setup directly at https://admin.webex.com.",
  },
  beforeRsd: {
    status: 409,
    code: ErrorCode.stateConflict,
    message:
      'The provisioning email goes out on the requested start date ({rsd}); it can be resent from then on.',
  },
  alreadySetUp: {
    status: 409,
    code: ErrorCode.stateConflict,
    message: 'This order is already set up: service setup continues at https://admin.webex.com.',
  },
  notBase64: { status: 400, code: ErrorCode.invalidValue, message: 'must be base64' },
});
