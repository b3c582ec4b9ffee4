import { rejection, type ErrorItem } from '../kernel/errors.ts';
import type { PartnerUser } from '../kernel/model.ts';
import { fail, ok, type Result } from '../kernel/result.ts';
import type { WorldReader } from '../kernel/world-tx.ts';
import { checkPackages, type PackageName } from '../organisations/packages.ts';
import { templateByProvisioningId } from '../organisations/templates.ts';
import { checkNewSubscriber, usableCustomer, type NewSubscriber } from './commands.ts';
import { subErrors } from './errors.ts';
import { emailHeld, UserIndex } from './uniqueness.ts';

/**
 * `POST /v1/wholesale/subscribers/validate`: the checks provisioning makes, on what the request
 * gives, nothing written. Three variants (webex-wholesale.json): `{email}`; `{customerId, email}`
 * (with packages and provisioning parameters when given); `{provisioningId, customerInfo, email}`
 * for a customer that does not exist yet.
 */
export type SubscriberPrecheck =
  | { readonly variant: 'email'; readonly email: string }
  | { readonly variant: 'customer'; readonly cmd: NewSubscriber }
  | {
      readonly variant: 'newCustomer';
      readonly email: string;
      readonly provisioningId: string;
      readonly primaryEmail: string;
      readonly packages: readonly PackageName[] | undefined;
    };

const packageProblems = (packages: readonly PackageName[]): ErrorItem[] => {
  const problems = checkPackages(packages, 'packages', 'subscriber');
  const bases = packages.filter((p) => p !== 'attendant_console');
  if (problems.length === 0 && bases.length > 1)
    problems.push(subErrors.oneBasePackage.at('packages', { packages: packages.join(', ') }));
  return problems;
};

export const precheckSubscriber = (
  w: WorldReader,
  user: PartnerUser,
  pre: SubscriberPrecheck,
): Result<void> => {
  if (pre.variant === 'email')
    return emailHeld(w, pre.email)
      ? fail(rejection([subErrors.emailInUse.at('email', {})]))
      : ok(undefined);
  if (pre.variant === 'newCustomer') {
    const t = templateByProvisioningId(w, user.partnerId, pre.provisioningId, 'wholesale');
    if (!t.ok) return t;
    const problems = pre.packages ? packageProblems(pre.packages) : [];
    if (emailHeld(w, pre.email)) problems.push(subErrors.emailInUse.at('email', {}));
    return problems.length > 0 ? fail(rejection(problems)) : ok(undefined);
  }
  const c = usableCustomer(w, user, pre.cmd.customerId);
  if (!c.ok) return c;
  const index = new UserIndex(w, c.value.id);
  if (pre.cmd.packages.length > 0) {
    const draft = checkNewSubscriber(index, c.value, pre.cmd);
    return draft.ok ? ok(undefined) : draft;
  }
  // No package named: the email and the numbers, as provisioning would check them.
  const problems: ErrorItem[] = [];
  if (index.emailTaken(pre.cmd.email)) problems.push(subErrors.emailInUse.at('email', {}));
  if (pre.cmd.extension && index.extensionTaken(pre.cmd.extension))
    problems.push(subErrors.extensionInUse.at('extension', { extension: pre.cmd.extension }));
  if (pre.cmd.phone && index.phoneTaken(pre.cmd.phone))
    problems.push(subErrors.phoneInUse.at('phoneNumber', { phone: pre.cmd.phone }));
  return problems.length > 0 ? fail(rejection(problems)) : ok(undefined);
};
