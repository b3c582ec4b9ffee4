import { defineErrors, ErrorCode } from '../kernel/errors.ts';

/** What `/sim` answers when it refuses a setting. */
export const simErrors = defineErrors('sim', {
  notAnObject: { status: 400, code: ErrorCode.invalidValue, message: 'must be a JSON object' },
  unknownSetting: {
    status: 400,
    code: ErrorCode.unknownField,
    message: 'unknown setting (known: {known})',
  },
  delaysNotObject: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: 'must be an object of ISO 8601 durations',
  },
  unknownDelay: {
    status: 400,
    code: ErrorCode.unknownField,
    message: 'unknown delay (known: {known})',
  },
  notADuration: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: 'must be an ISO 8601 duration such as PT30S',
  },
});
