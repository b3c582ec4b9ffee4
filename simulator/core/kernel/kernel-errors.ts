import { defineErrors, ErrorCode } from './errors.ts';

/** The kernel's own refusals: the clock and the state tables. */
export const kernelErrors = defineErrors('kernel', {
  clockBackwards: {
    status: 409,
    code: ErrorCode.clockBackwards,
    message: 'The clock cannot go backwards: it is {now}, and set asks for {asked}.',
  },
  illegalTransition: {
    status: 409,
    code: ErrorCode.illegalTransition,
    message: '{what}: a {resource} in {from} cannot move to {to}.',
  },
  durationTooLong: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: 'must be at most {years} years (P{years}Y) (got {got})',
  },
  clockTooFast: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: 'must be a number greater than 0 and at most {max}',
  },
  clockStepTooFar: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: 'may move the clock at most {years} years ahead (to {limit})',
  },
  clockPastEnd: {
    status: 400,
    code: ErrorCode.invalidValue,
    message: 'would take the clock past {end}, the last instant it can show',
  },
  illegalRemoval: {
    status: 409,
    code: ErrorCode.illegalTransition,
    message: '{what}: a {resource} in {from} cannot be removed.',
  },
});
