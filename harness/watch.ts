import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface WatchOptions {
  /** The files and folders given to `provisim run`. */
  readonly paths: readonly string[];
  /** Runs the changed scenario files (absolute paths that still exist). */
  readonly rerun: (files: string[]) => Promise<void>;
  readonly log: (line: string) => void;
  /** How long changes settle before a run (editors write a file in several steps). */
  readonly settleMs?: number;
}

/**
 * `provisim run --watch`: after the first run, watches the scenario paths and re-runs the scenario
 * files that changed, one run at a time (changes during a run are run next). Returns a stop function.
 */
export const watchScenarios = (o: WatchOptions): (() => void) => {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const watchers: FSWatcher[] = [];
  const wanted = o.paths.map((p) => resolve(p));
  const isScenario = (file: string) =>
    /\.ya?ml$/.test(file) &&
    wanted.some((w) => file === w || file.startsWith(`${w}/`)) &&
    existsSync(file);

  const flush = async (): Promise<void> => {
    if (running) return;
    const files = [...pending].filter(isScenario).sort();
    pending.clear();
    if (files.length === 0) return;
    o.log(`\nprovisim run --watch: ${files.length} changed: re-running`);
    running = o.rerun(files).catch((error: unknown) => {
      o.log(`provisim run --watch: ${error instanceof Error ? error.message : String(error)}`);
    });
    await running;
    running = undefined;
    o.log('provisim run --watch: waiting for changes (Ctrl-C to stop)');
    if (pending.size > 0) schedule();
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), o.settleMs ?? 150);
  };

  for (const p of wanted) {
    const dir = existsSync(p) && statSync(p).isDirectory() ? p : dirname(p);
    const w = watch(dir, { recursive: true }, (_event, name) => {
      if (!name) return;
      pending.add(join(dir, name.toString()));
      schedule();
    });
    watchers.push(w);
  }
  o.log('provisim run --watch: waiting for changes (Ctrl-C to stop)');
  return () => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
};
