import { billingErrors } from './billing/errors.ts';
import { bwErrors } from './broadworks/errors.ts';
import { syncErrors } from './broadworks/sync-errors.ts';
import { workspaceErrors } from './broadworks/workspace-errors.ts';
import { ccwErrors } from './ccw/errors.ts';
import { catalogEntries } from './kernel/errors.ts';
import { kernelErrors } from './kernel/kernel-errors.ts';
import { orgErrors } from './organisations/errors.ts';
import { simErrors } from './sim/errors.ts';
import { csvErrors, subErrors } from './subscribers/errors.ts';

/** Every area's error catalogue, for the README and the docs: code, status and message template. */
export const ERROR_CATALOGUE = [
  ...catalogEntries(kernelErrors),
  ...catalogEntries(orgErrors),
  ...catalogEntries(subErrors),
  ...catalogEntries(csvErrors),
  ...catalogEntries(bwErrors),
  ...catalogEntries(syncErrors),
  ...catalogEntries(workspaceErrors),
  ...catalogEntries(billingErrors),
  ...catalogEntries(ccwErrors),
  ...catalogEntries(simErrors),
];
