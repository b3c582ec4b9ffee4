import { defineErrors, ErrorCode } from '../kernel/errors.ts';

/** What BroadWorks subscribers and the activation portal answer when they refuse (FT-*, TPL-4). */
export const bwErrors = defineErrors('broadworks', {
  inUse: {
    status: 409,
    code: ErrorCode.inUse,
    message: 'The {what} is already associated with an existing user.',
  },
  emailRequiredTrusted: {
    status: 400,
    code: ErrorCode.required,
    message: 'is required under a trusted-email template',
  },
  keepPhoneOrExtension: {
    status: 400,
    code: ErrorCode.required,
    message:
      'cannot be emptied: a subscriber keeps a primary phone number or an extension (send the other one too, or leave this one out)',
  },
  busy: {
    status: 409,
    code: ErrorCode.illegalTransition,
    message: 'Subscriber {id} is {status}; it can be changed when that ends.',
  },
  nothingToActivate: {
    status: 409,
    code: ErrorCode.illegalTransition,
    message: 'This user is {status}; there is nothing to activate here.',
  },
  notRetryable: {
    status: 409,
    code: ErrorCode.illegalTransition,
    message:
      'This user is {status}; only users with errors or pending requirements can retry activation.',
  },
  notInDirectory: {
    status: 404,
    message:
      "BroadWorks user ID {userId} is not in your service provider's directory; check it and try again.",
  },
  trustedTemplate: {
    status: 409,
    code: ErrorCode.templateMisconfigured,
    message:
      'Self-activation is not set up for the onboarding template "{name}": its user verification is "Trusted emails"; it must be "Untrusted emails" for flow-through provisioning with untrusted emails.',
  },
  shareLinkElsewhere: {
    status: 409,
    code: ErrorCode.templateMisconfigured,
    message:
      'Self-activation is not set up for the onboarding template "{name}": its share link ({shareLink}) does not point to the template\'s activation link.',
  },
});
