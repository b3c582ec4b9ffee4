import { invalidField, invalidFields } from './errors.ts';
import { kernelErrors } from './kernel-errors.ts';
import { addDuration, parseDuration } from './duration.ts';
import { fail, ok, type Result } from './result.ts';

/**
 * The virtual clock (SIM-1). Its state is data kept in the store: an anchor pairing a virtual instant
 * with a wall-clock instant, a mode and a speed. `frozen` stands still; `running` moves `speed`
 * virtual ms per wall ms. Every change re-anchors at the current instant, so time never jumps.
 */
export type ClockMode = 'frozen' | 'running';

export interface ClockState {
  readonly mode: ClockMode;
  readonly speed: number;
  readonly anchorVirtual: number;
  readonly anchorWall: number;
}

/** How a world's clock starts: frozen at an instant, or running from one (default: the wall clock). */
export interface ClockInit {
  readonly mode: ClockMode;
  readonly start?: string;
  readonly speed?: number;
}

export const DEFAULT_EPOCH = '2026-01-01T00:00:00.000Z';

/** The clock never passes the last instant a four-digit ISO 8601 year can write. */
export const MAX_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
/** How far one `set` may move the clock ahead of now (an `advance` is bounded by the duration's own limit). */
export const MAX_STEP_YEARS = 100;
/** The fastest a running clock may go: a million virtual ms per wall ms. */
export const MAX_SPEED = 1_000_000;

export const clockNow = (s: ClockState, wall: number): number =>
  s.mode === 'frozen'
    ? s.anchorVirtual
    : Math.min(MAX_INSTANT, s.anchorVirtual + Math.floor((wall - s.anchorWall) * s.speed));

export const initialClock = (init: ClockInit, wall: number): ClockState => {
  const start =
    init.start ?? (init.mode === 'running' ? new Date(wall).toISOString() : DEFAULT_EPOCH);
  return {
    mode: init.mode,
    speed: init.speed ?? 1,
    anchorVirtual: Date.parse(start),
    anchorWall: wall,
  };
};

const reanchor = (s: ClockState, wall: number, patch: Partial<ClockState>): ClockState => ({
  ...s,
  anchorVirtual: clockNow(s, wall),
  anchorWall: wall,
  ...patch,
});

/** A change asked of the clock; the fields apply in this order: mode, speed, set, advance. */
export interface ClockCommand {
  readonly mode?: ClockMode;
  readonly speed?: number;
  readonly set?: string;
  readonly advance?: string;
}

export const parseInstant = (text: string, path: string): Result<number> => {
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
  const t =
    text.length <= 64 && iso.test(text)
      ? Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text)
      : NaN;
  return Number.isNaN(t)
    ? fail(
        invalidField(
          path,
          `must be an ISO 8601 date-time such as 2026-01-01T00:00:00Z (got ${JSON.stringify(text)})`,
        ),
      )
    : ok(t);
};

export const applyClockCommand = (
  s: ClockState,
  cmd: ClockCommand,
  wall: number,
): Result<ClockState> => {
  let next = reanchor(s, wall, {});
  if (cmd.mode !== undefined) next = { ...next, mode: cmd.mode };
  if (cmd.speed !== undefined) {
    if (!(cmd.speed > 0) || !(cmd.speed <= MAX_SPEED))
      return fail(invalidFields([kernelErrors.clockTooFast.at('speed', { max: MAX_SPEED })]));
    next = { ...next, speed: cmd.speed };
  }
  if (cmd.set !== undefined) {
    const t = parseInstant(cmd.set, 'set');
    if (!t.ok) return t;
    if (t.value < next.anchorVirtual) {
      return fail(
        kernelErrors.clockBackwards({
          now: new Date(next.anchorVirtual).toISOString(),
          asked: new Date(t.value).toISOString(),
        }),
      );
    }
    const limit = new Date(next.anchorVirtual);
    limit.setUTCFullYear(limit.getUTCFullYear() + MAX_STEP_YEARS);
    if (t.value > limit.getTime())
      return fail(
        invalidFields([
          kernelErrors.clockStepTooFar.at('set', {
            years: MAX_STEP_YEARS,
            limit: limit.toISOString(),
          }),
        ]),
      );
    next = { ...next, anchorVirtual: t.value };
  }
  if (cmd.advance !== undefined) {
    const d = parseDuration(cmd.advance, 'advance');
    if (!d.ok) return d;
    next = { ...next, anchorVirtual: addDuration(next.anchorVirtual, d.value) };
  }
  if (!(next.anchorVirtual <= MAX_INSTANT))
    return fail(
      invalidFields([
        kernelErrors.clockPastEnd.at(cmd.advance !== undefined ? 'advance' : 'set', {
          end: new Date(MAX_INSTANT).toISOString(),
        }),
      ]),
    );
  return ok(next);
};

export const describeClock = (
  s: ClockState,
  wall: number,
): { now: string; mode: ClockMode; speed: number } => ({
  now: new Date(clockNow(s, wall)).toISOString(),
  mode: s.mode,
  speed: s.speed,
});
