import { parseArgs } from 'node:util';
import { parsePublicUrl } from '../simulator/http/origin.ts';
import type { ServeOptions } from './serve.ts';
import { checkExposure } from '../simulator/adapters/node.ts';

export const HELP = `provisim: a simulator of Cisco Webex partner provisioning

Usage:
  provisim serve [options]     serve the simulator (the default command)
  provisim run [paths] …       run scenarios and report
  provisim validate [paths]    check scenario files
  provisim merge-reports F…    join sharded reports
  provisim verify-client -- CMD   judge your client CMD with the client conformance suite
  provisim seed [options]      write a large seeded world into a data file
  provisim --help              this text
  provisim COMMAND --help      a command's options (also: provisim help COMMAND)

Options of serve:
  --port N           port to listen on (default 4010; 0 picks a free one)
  --host HOST        address to bind (default 127.0.0.1)
  --data FILE        the world's data file (default .provisim/world.json);
                     :memory: keeps the world in memory only; a file written by
                     GET /sim/export starts the world from it (in memory, the
                     file is not written)
  --seed N           seed of a new world (default 1); an existing data file keeps its own
  --clock MODE       running (default: real speed from the wall-clock time) or frozen
  --start ISO        where the clock starts (frozen default 2026-01-01T00:00:00Z)
  --no-sim-api       turn off /sim (and /w/{id} worlds) for shared use
  --public-url URL   the origin of every absolute URL written (Location, Link, mail
                     and activation links, pages), e.g. https://sim.example.com;
                     without it X-Forwarded-Proto/-Host, else the request's own origin
  --sim-token TOKEN  /sim then needs Authorization: Bearer TOKEN (auto: a random one,
                     printed at start); a --host other than loopback needs this or --no-sim-api
  --max-worlds N     worlds POST /sim/worlds may make (default 256)
  --fsync            fsync every write (survives power loss, not only a killed process)
  --compact-after N  journal entries before the data file is rewritten (default 10000)
  --quiet            print nothing but errors

Examples:
  provisim serve --clock frozen --seed 7
  provisim serve --data :memory: --port 0
  provisim serve --host 0.0.0.0 --public-url https://sim.example.com --sim-token auto
`;

export class UsageError extends Error {}

const int = (name: string, text: string | undefined, fallback: number, min: number): number => {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`--${name} must be a whole number of at least ${min} (got ${text}).`);
  return n;
};

export const parseServeArgs = (args: string[]): ServeOptions => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      seed: { type: 'string' },
      clock: { type: 'string' },
      start: { type: 'string' },
      'no-sim-api': { type: 'boolean' },
      'public-url': { type: 'string' },
      'sim-token': { type: 'string' },
      'max-worlds': { type: 'string' },
      fsync: { type: 'boolean' },
      'compact-after': { type: 'string' },
      quiet: { type: 'boolean' },
    },
  });
  if (positionals.length > 0)
    throw new UsageError(`serve takes no arguments (got ${positionals.join(' ')}).`);
  const clock = values.clock ?? 'running';
  if (clock !== 'running' && clock !== 'frozen')
    throw new UsageError(`--clock must be running or frozen (got ${clock}).`);
  const port = int('port', values.port, 4010, 0);
  if (port > 65535) throw new UsageError(`--port must be at most 65535 (got ${port}).`);
  const publicUrl = values['public-url'];
  if (publicUrl !== undefined) {
    const parsed = parsePublicUrl(publicUrl, '--public-url');
    if (!parsed.ok) throw new UsageError(parsed.error.message);
  }
  const host = values.host ?? '127.0.0.1';
  const simToken = values['sim-token'];
  if (simToken !== undefined && simToken !== 'auto' && !/^[\x21-\x7e]{8,256}$/.test(simToken))
    throw new UsageError(
      '--sim-token must be 8 to 256 printable characters without spaces, or auto for a random one.',
    );
  try {
    checkExposure(host, !values['no-sim-api'], simToken);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return {
    port,
    host,
    data: values.data ?? '.provisim/world.json',
    seed: int('seed', values.seed, 1, 0),
    clock,
    ...(values.start !== undefined ? { start: values.start } : {}),
    simApi: !values['no-sim-api'],
    ...(publicUrl !== undefined ? { publicUrl } : {}),
    ...(simToken !== undefined && !values['no-sim-api'] ? { simToken } : {}),
    ...(values['max-worlds'] !== undefined
      ? { maxWorlds: int('max-worlds', values['max-worlds'], 256, 0) }
      : {}),
    ...(values['compact-after'] !== undefined
      ? { compactAfter: int('compact-after', values['compact-after'], 10_000, 1) }
      : {}),
    fsync: values.fsync ?? false,
    quiet: values.quiet ?? false,
  };
};

export const main = async (argv: string[]): Promise<number> => {
  const [first, ...rest] = argv;
  if (first === 'help' && rest[0] !== undefined && rest[0] !== 'help')
    return main([rest[0], '--help']);
  if (first === '--help' || first === '-h' || first === 'help') {
    console.log(HELP);
    return 0;
  }
  const command = first === undefined || first.startsWith('-') ? 'serve' : first;
  const args = command === first ? rest : argv;
  if (command === 'verify-client') {
    const verify = await import('../harness/verify-client.ts');
    try {
      return await verify.verifyClientCommand(args);
    } catch (error) {
      console.error(
        `provisim verify-client: ${error instanceof Error ? error.message : String(error)}`,
      );
      return 2;
    }
  }
  if (command === 'run' || command === 'validate' || command === 'merge-reports') {
    const harness = await import('../harness/cli.ts');
    try {
      if (command === 'validate') return await harness.validateCommand(args);
      return await (command === 'run' ? harness.runCommand(args) : harness.mergeCommand(args));
    } catch (error) {
      console.error(
        `provisim ${command}: ${error instanceof Error ? error.message : String(error)}`,
      );
      return 2;
    }
  }
  if (command === 'seed') {
    const seed = await import('./seed.ts');
    if (args.includes('--help') || args.includes('-h')) return (console.log(seed.SEED_HELP), 0);
    try {
      const { values } = parseArgs({
        args,
        options: {
          customers: { type: 'string' },
          users: { type: 'string' },
          seed: { type: 'string' },
          data: { type: 'string' },
          force: { type: 'boolean' },
          jobs: { type: 'string' },
        },
      });
      await seed.seedData(seed.parseSeedArgs(values), (line) => console.log(line));
      return 0;
    } catch (error) {
      console.error(`provisim seed: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
  }
  if (command !== 'serve') {
    console.error(`provisim: unknown command ${command}\n\n${HELP}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    console.log(HELP);
    return 0;
  }
  let options: ServeOptions;
  try {
    options = parseServeArgs(args);
  } catch (error) {
    console.error(
      `provisim: ${error instanceof Error ? error.message : String(error)}\nRun provisim --help for the options.`,
    );
    return 2;
  }
  const { startServer } = await import('./serve.ts');
  const served = await startServer(options, (line) => console.log(line));
  const stop = (signal: string) => {
    if (!options.quiet) console.log(`provisim: ${signal}, stopping`);
    void served.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return new Promise<number>(() => undefined);
};
