import type { Reporter } from '../reporter.ts';
import { consoleReporter } from './console.ts';
import { htmlReporter, jsonReporter, junitReporter } from './files.ts';

/** The reporters by name (`--reporter console,json,junit,html`). */
export const REPORTERS: Readonly<Record<string, (out: string) => Reporter>> = {
  console: () => consoleReporter(),
  json: jsonReporter,
  junit: junitReporter,
  html: htmlReporter,
};

export const reportersByName = (names: readonly string[], out: string): Reporter[] =>
  names.map((n) => {
    const make = REPORTERS[n];
    if (!make)
      throw new Error(`unknown reporter ${n} (known: ${Object.keys(REPORTERS).join(', ')})`);
    return make(out);
  });
