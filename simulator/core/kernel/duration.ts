import { ok, type Result } from './result.ts';
import { invalidField, invalidFields } from './errors.ts';
import { kernelErrors } from './kernel-errors.ts';

/** An ISO 8601 duration such as `P7D`, `PT90M`, `P1Y2M3DT4H5M6.5S` or `P2W` (SIM-1). */
export interface Duration {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

/** The longest duration accepted anywhere (a delay, a clock step): 100 years. */
export const MAX_DURATION_YEARS = 100;
/** Longer texts are refused before the pattern runs. */
const MAX_TEXT = 64;
const MAX_MS = Date.UTC(1970 + MAX_DURATION_YEARS, 0, 1);

const pattern =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export const parseDuration = (text: string, path = 'duration'): Result<Duration> => {
  const m = text.length <= MAX_TEXT ? pattern.exec(text) : null;
  if (!m) {
    return {
      ok: false,
      error: invalidField(
        path,
        `must be an ISO 8601 duration such as P7D, PT30M or P1DT2H (got ${JSON.stringify(text)})`,
      ),
    };
  }
  const n = (i: number): number => (m[i] === undefined ? 0 : Number(m[i]));
  const d: Duration = {
    years: n(1),
    months: n(2),
    weeks: n(3),
    days: n(4),
    hours: n(5),
    minutes: n(6),
    seconds: n(7),
  };
  const length = addDuration(0, d);
  if (!(length <= MAX_MS))
    return {
      ok: false,
      error: invalidFields([
        kernelErrors.durationTooLong.at(path, {
          years: MAX_DURATION_YEARS,
          got: JSON.stringify(text),
        }),
      ]),
    };
  return ok(d);
};

/** Adds a duration to an instant (ms since the epoch); years and months are calendar steps in UTC. */
export const addDuration = (at: number, d: Duration): number => {
  const date = new Date(at);
  if (d.years || d.months) date.setUTCMonth(date.getUTCMonth() + d.years * 12 + d.months);
  const fixed =
    ((d.weeks * 7 + d.days) * 24 * 3600 + d.hours * 3600 + d.minutes * 60 + d.seconds) * 1000;
  return date.getTime() + Math.round(fixed);
};

/** A duration's length from a given instant, in ms. */
export const durationMs = (d: Duration, from = 0): number => addDuration(from, d) - from;
