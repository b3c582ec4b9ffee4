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
  worldsFull: {
    status: 409,
    code: ErrorCode.stateConflict,
    message:
      'There are {max} worlds already, the most this simulator keeps (--max-worlds): drop one first (DELETE /sim/worlds/ID).',
  },
  worldsAtRoot: {
    status: 403,
    message:
      'Worlds are made and dropped at the root ({method} /sim/worlds…), not under the world {world}.',
  },
  notADuration: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: 'must be an ISO 8601 duration such as PT30S',
  },
  snapshotNameTaken: {
    status: 409,
    code: ErrorCode.stateConflict,
    message: 'The world already has a snapshot named {name}; delete it or choose another name.',
  },
  tooManySnapshots: {
    status: 409,
    code: ErrorCode.stateConflict,
    message: 'A world keeps at most {max} snapshots; delete one first.',
  },
});
