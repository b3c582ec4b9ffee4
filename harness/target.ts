/**
 * Where scenarios run: any server that claims the simulator's behaviour, reached with fetch. The
 * in-process target is the simulator's app itself (no port); a URL target is any base URL.
 */
export interface Target {
  readonly name: string;
  /** The origin (and prefix) of the target's default world, e.g. http://127.0.0.1:4010. */
  readonly base: string;
  fetch(request: Request): Promise<Response>;
  /** Whether another process can reach `base` (a URL target); client commands need that. */
  readonly reachable?: boolean;
  /**
   * For targets a separate process cannot reach (in-process): serve the same simulator on
   * 127.0.0.1 at a free port for scenarios that run a client command.
   */
  serve?(): Promise<{ readonly target: Target; close(): Promise<void> }>;
}

export const urlTarget = (base: string): Target => ({
  name: base,
  base: base.replace(/\/$/, ''),
  reachable: true,
  fetch: (request) => fetch(request),
});

/** Whether the target has the `/sim` API (worlds, clock, faults, mail). */
export const hasSimApi = async (t: Target): Promise<boolean> => {
  try {
    const r = await t.fetch(new Request(`${t.base}/sim/health`));
    return r.status === 200;
  } catch {
    return false;
  }
};
