import { defineErrors, ErrorCode } from '../kernel/errors.ts';

/** What billing reports answer when they refuse a request (SIM-1, SIM-2). */
export const billingErrors = defineErrors('billing', {
  notADate: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: 'must be a calendar date YYYY-MM-DD (got {got})',
  },
  notAMonth: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: 'must be a year and month YYYY-MM (got {got})',
  },
  endBeforeStart: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: 'must not be before billingStartDate ({start})',
  },
  notPast: {
    status: 400,
    code: ErrorCode.invalidValue,
    message:
      'must be before today ({today}): usage is counted by whole days, and the current day is not over',
  },
  tooOld: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: 'must be within the last five years (on or after {earliest})',
  },
  futureMonth: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: 'must not be after the current month ({month})',
  },
  badFilter: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: 'must be one of {allowed} (got {got})',
  },
  badInstant: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: 'must be a date: YYYY-MM, YYYY-MM-DD or an ISO 8601 date-time (got {got})',
  },
  gone: {
    status: 404,
    message: 'The billing report of this link no longer exists.',
  },
});
