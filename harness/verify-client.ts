import { parseArgs } from 'node:util';
import { clientCases, POLL_INTERVAL_MS, REQUEST_TIMEOUT_MS } from './client-suite.ts';
import { inProcessTarget } from './in-process.ts';
import type { LoadedScenario } from './load.ts';
import { reportersByName } from './reporters/registry.ts';
import { failedRun, runLoaded } from './runner.ts';
import { scenarioSchema } from './scenario-schema.ts';
import { urlTarget } from './target.ts';

export const VERIFY_HELP = `Usage: provisim verify-client [options] -- CMD [ARGS…]
Runs the built-in client conformance suite against CMD, your client (or a thin adapter around your
provisioning service). Each case starts a world of its own, runs CMD once with a task, and judges
what CMD sent (the request journal), how it exited and what it reported.

The task protocol (environment of CMD):
  PROVISIM_BASE_URL            the world's base URL; Webex's API is under \${PROVISIM_BASE_URL}/v1
  PROVISIM_TOKEN               the bearer token to send (acme-admin)
  PROVISIM_WORLD               the world's id
  PROVISIM_TASK                provision-customer | list-customers | provision-subscriber
  PROVISIM_TASK_INPUT          the task's input as JSON (also in PROVISIM_TASK_FILE: {task, input})
  PROVISIM_OUTPUT              a file to write the result to, as JSON ({status, id} or {ids})
  PROVISIM_POLL_INTERVAL_MS    poll a resource in progress no more often than this (${POLL_INTERVAL_MS})
  PROVISIM_REQUEST_TIMEOUT_MS  count a request without an answer after this long as timed out (${REQUEST_TIMEOUT_MS})
Exit 0 when the task is done, non-zero when it failed.

Options:
  --target URL        a running simulator (default: one in this process, served on 127.0.0.1)
  --grep TEXT         only cases whose id or title contains TEXT
  --workers N         cases at once (default 1)
  --reporter LIST     console,json,junit,html (default console,json,junit,html)
  --out DIR           where reports go (default reports/out/client)
  --list              list the cases and exit
Exit: 0 every case passed (or is not applicable), 1 a case failed, 2 bad options.

Example:
  provisim verify-client -- node examples/clients/reference-client.mjs`;

/** A command line for the shell: each argument quoted unless plainly safe. */
export const shellJoin = (argv: readonly string[]): string =>
  argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');

export const verifyClientCommand = async (args: string[]): Promise<number> => {
  const dash = args.indexOf('--');
  const own = dash < 0 ? args : args.slice(0, dash);
  const command = dash < 0 ? [] : args.slice(dash + 1);
  if (own.includes('--help') || own.includes('-h')) {
    console.log(VERIFY_HELP);
    return 0;
  }
  const { values, positionals } = parseArgs({
    args: own,
    allowPositionals: true,
    options: {
      target: { type: 'string' },
      grep: { type: 'string' },
      workers: { type: 'string' },
      reporter: { type: 'string' },
      out: { type: 'string' },
      list: { type: 'boolean' },
    },
  });
  const run = shellJoin(command);
  const cases: LoadedScenario[] = clientCases(run || 'CMD').map((c) => ({
    file: 'provisim verify-client',
    scenario: scenarioSchema.parse(c),
  }));
  if (values.list) {
    for (const c of cases)
      console.log(`${c.scenario.id} (${c.scenario.rules.join(', ')}): ${c.scenario.title}`);
    return 0;
  }
  if (positionals.length > 0 || command.length === 0)
    throw new Error(
      `give the client command after --, e.g. provisim verify-client -- node my-client.mjs${positionals.length ? ` (got ${positionals.join(' ')} before --)` : ''}`,
    );
  const workers = Number(values.workers ?? 1);
  if (!Number.isInteger(workers) || workers < 1 || workers > 8)
    throw new Error(`--workers must be a whole number from 1 to 8 (got ${values.workers})`);
  const out = values.out ?? 'reports/out/client';
  const report = await runLoaded({
    loaded: cases,
    target: values.target ? urlTarget(values.target) : inProcessTarget(),
    workers,
    reporters: reportersByName(
      (values.reporter ?? 'console,json,junit,html').split(',').map((s) => s.trim()),
      out,
    ),
    out,
    fullLibrary: false,
    suite: { kind: 'client', command: run },
    ...(values.grep !== undefined ? { grep: values.grep } : {}),
  });
  return failedRun(report) ? 1 : 0;
};
