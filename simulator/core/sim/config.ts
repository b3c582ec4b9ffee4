import { durationMs, parseDuration } from '../kernel/duration.ts';
import { invalidFields, type ErrorItem } from '../kernel/errors.ts';
import { simErrors } from './errors.ts';
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
  /** How long a customer held for a Denied Party List review waits (`pending_rpl_review`). */
  rplReview: 'PT10M',
  billingReport: 'PT2M',
  directorySync: 'PT1M',
} as const;

export type DelayName = keyof typeof DEFAULT_DELAYS;
export type Delays = Readonly<Record<DelayName, string>>;

export interface SimConfig {
  readonly delays: Delays;
}

/**
 * How long a step of a kind takes when it starts at `at` (ms of virtual time): the configured delay,
 * or its default when the world's config predates it.
 */
export const delayMs = (config: SimConfig, name: DelayName, at: number): number => {
  const d = parseDuration(config.delays[name] ?? DEFAULT_DELAYS[name]);
  return d.ok ? durationMs(d.value, at) : 0;
};

export const defaultConfig = (): SimConfig => ({ delays: { ...DEFAULT_DELAYS } });

/** Applies a `PATCH /sim/config` body: unknown names and malformed durations are rejected whole. */
export const patchConfig = (config: SimConfig, body: unknown): Result<SimConfig> => {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return fail(invalidFields([simErrors.notAnObject.at('body', {})]));
  const { delays, ...rest } = body as { delays?: unknown };
  const problems: ErrorItem[] = Object.keys(rest).map((k) =>
    simErrors.unknownSetting.at(k, { known: 'delays' }),
  );
  const next: Record<string, string> = { ...config.delays };
  if (delays !== undefined) {
    if (typeof delays !== 'object' || delays === null || Array.isArray(delays)) {
      problems.push(simErrors.delaysNotObject.at('delays', {}));
    } else {
      for (const [name, value] of Object.entries(delays)) {
        if (!(name in DEFAULT_DELAYS)) {
          problems.push(
            simErrors.unknownDelay.at(`delays.${name}`, {
              known: Object.keys(DEFAULT_DELAYS).join(', '),
            }),
          );
        } else if (typeof value !== 'string') {
          problems.push(simErrors.notADuration.at(`delays.${name}`, {}));
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
