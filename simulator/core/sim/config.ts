import { parseDuration } from '../kernel/duration.ts';
import { invalidField, invalidFields, type ErrorItem } from '../kernel/errors.ts';
import { fail, ok, type Result } from '../kernel/result.ts';

/**
 * Provisioning delays in virtual time (api.md, Time, delays, faults), as ISO 8601 durations. Each is
 * how long an asynchronous step takes once started; the defaults lie between seconds and ten minutes.
 */
export const DEFAULT_DELAYS = {
  customer: 'PT5M',
  customerUpdate: 'PT2M',
  customerDelete: 'PT1M',
  broadworksSubscriber: 'PT30S',
  broadworksSubscriberUpdate: 'PT20S',
  activation: 'PT15S',
} as const;

export type DelayName = keyof typeof DEFAULT_DELAYS;
export type Delays = Readonly<Record<DelayName, string>>;

export interface SimConfig {
  readonly delays: Delays;
}

export const defaultConfig = (): SimConfig => ({ delays: { ...DEFAULT_DELAYS } });

/** Applies a `PATCH /sim/config` body: unknown names and malformed durations are rejected whole. */
export const patchConfig = (config: SimConfig, body: unknown): Result<SimConfig> => {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return fail(invalidField('body', 'must be a JSON object'));
  const { delays, ...rest } = body as { delays?: unknown };
  const problems: ErrorItem[] = Object.keys(rest).map((k) => ({
    description: `${k}: unknown setting (known: delays)`,
    errorCode: 1102,
  }));
  const next: Record<string, string> = { ...config.delays };
  if (delays !== undefined) {
    if (typeof delays !== 'object' || delays === null || Array.isArray(delays)) {
      problems.push({
        description: 'delays: must be an object of ISO 8601 durations',
        errorCode: 1100,
      });
    } else {
      for (const [name, value] of Object.entries(delays)) {
        if (!(name in DEFAULT_DELAYS)) {
          problems.push({
            description: `delays.${name}: unknown delay (known: ${Object.keys(DEFAULT_DELAYS).join(', ')})`,
            errorCode: 1102,
          });
        } else if (typeof value !== 'string') {
          problems.push({
            description: `delays.${name}: must be an ISO 8601 duration such as PT30S`,
            errorCode: 1100,
          });
        } else {
          const d = parseDuration(value, `delays.${name}`);
          if (d.ok) next[name] = value;
          else problems.push(...d.error.errors);
        }
      }
    }
  }
  return problems.length > 0 ? fail(invalidFields(problems)) : ok({ delays: next as Delays });
};
