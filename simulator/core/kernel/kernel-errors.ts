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
  illegalRemoval: {
    status: 409,
    code: ErrorCode.illegalTransition,
    message: '{what}: a {resource} in {from} cannot be removed.',
  },
});
