import type { ScenarioResult } from './run-scenario.ts';

/** A run of the built-in client conformance suite (`provisim verify-client`), not of the library. */
export interface SuiteInfo {
  readonly kind: 'client';
  /** The client command under test. */
  readonly command: string;
}

export interface RunInfo {
  readonly target: string;
  readonly total: number;
  readonly shard?: string;
  readonly out: string;
  readonly suite?: SuiteInfo;
}

export interface RunReport {
  readonly version: 1;
  readonly target: string;
  readonly shard?: string;
  /** Whether this run (or merge) covers the whole library, so the rule coverage check applies. */
  readonly fullLibrary: boolean;
  readonly suite?: SuiteInfo;
  readonly results: readonly ScenarioResult[];
  /** Catalog rules no scenario of the run carries (checked on a full library). */
  readonly uncoveredRules: readonly string[];
}

/** A reporter plugin (architecture.md, principle 13). One reporter's crash never breaks a run. */
export interface Reporter {
  readonly name: string;
  onBegin?(info: RunInfo): void;
  onScenario?(result: ScenarioResult): void;
  onEnd?(report: RunReport): void | Promise<void>;
}

/** Calls every reporter, reporting (not throwing) a reporter's own failure. */
export const multiplex = (
  reporters: readonly Reporter[],
  warn: (line: string) => void,
): Required<Omit<Reporter, 'name'>> => {
  const each = async (f: (r: Reporter) => void | Promise<void>) => {
    for (const r of reporters) {
      try {
        await f(r);
      } catch (error) {
        warn(
          `reporter ${r.name} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  };
  return {
    onBegin: (info) => void each((r) => r.onBegin?.(info)),
    onScenario: (result) => void each((r) => r.onScenario?.(result)),
    onEnd: (report) => each((r) => r.onEnd?.(report)),
  };
};
