import type { Context } from 'hono';
import type { Result } from '../../../core/kernel/result.ts';
import { readJson } from '../../body.ts';
import type { SurfaceEnv } from '../../env.ts';
import { validateCiscoBody } from './cisco-validate.ts';

/** A `/v1` JSON body read and checked against Cisco's request schema of the operation. */
export const readCiscoJson = async (
  c: Context<SurfaceEnv>,
  operationId: string,
): Promise<Result<unknown>> => {
  const body = await readJson(c);
  if (!body.ok) return body;
  const valid = validateCiscoBody(operationId, body.value);
  return valid.ok ? body : valid;
};
