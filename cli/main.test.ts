import { describe, expect, it } from 'vitest';
import { HELP, parseServeArgs } from './main.ts';

describe('provisim serve options', () => {
  it('defaults to 127.0.0.1:4010, the data file, seed 1 and a running clock', () => {
    expect(parseServeArgs([])).toEqual({
      port: 4010,
      host: '127.0.0.1',
      data: '.provisim/world.json',
      seed: 1,
      clock: 'running',
      simApi: true,
      fsync: false,
      quiet: false,
    });
  });

  it('reads every option', () => {
    const o = parseServeArgs([
      '--port',
      '0',
      '--host',
      '0.0.0.0',
      '--data',
      ':memory:',
      '--seed',
      '9',
      '--clock',
      'frozen',
      '--start',
      '2026-03-01T00:00:00Z',
      '--no-sim-api',
      '--public-url',
      'https://sim.example.com',
      '--fsync',
      '--compact-after',
      '500',
      '--quiet',
    ]);
    expect(o).toEqual({
      port: 0,
      host: '0.0.0.0',
      data: ':memory:',
      seed: 9,
      clock: 'frozen',
      start: '2026-03-01T00:00:00Z',
      simApi: false,
      publicUrl: 'https://sim.example.com',
      fsync: true,
      compactAfter: 500,
      quiet: true,
    });
  });

  it.each([
    [['--port', 'abc'], /--port must be a whole number/],
    [['--port', '70000'], /--port must be at most 65535/],
    [['--clock', 'fast'], /--clock must be running or frozen/],
    [['--seed=-3'], /--seed must be a whole number of at least 0/],
    [['extra'], /serve takes no arguments/],
    [['--public-url', 'sim.example.com'], /--public-url: must be an http or https origin/],
    [['--public-url', 'https://x.example/sim'], /--public-url: must be .* no path/],
  ])('rejects %j with a clear message', (args, message) => {
    expect(() => parseServeArgs(args)).toThrow(message);
  });

  it('reads --sim-token and --max-worlds', () => {
    expect(parseServeArgs(['--sim-token', 'abcdefgh', '--max-worlds', '3'])).toMatchObject({
      simToken: 'abcdefgh',
      maxWorlds: 3,
    });
  });

  it('refuses a host other than loopback unless /sim has a token or is off', () => {
    for (const host of ['0.0.0.0', '192.0.2.7', '::', 'example.com'])
      expect(() => parseServeArgs(['--host', host])).toThrow(
        /opens \/sim, which can reset or rewrite the world, to the network: add --sim-token/,
      );
    expect(parseServeArgs(['--host', '0.0.0.0', '--sim-token', 'auto']).simToken).toBe('auto');
    expect(parseServeArgs(['--host', '0.0.0.0', '--no-sim-api']).simApi).toBe(false);
    for (const host of ['127.0.0.1', 'localhost', '::1', '127.0.0.2'])
      expect(parseServeArgs(['--host', host]).host).toBe(host);
  });

  it('refuses a sim token that is short or has spaces', () => {
    for (const token of ['short', 'has spaces in it'])
      expect(() => parseServeArgs(['--sim-token', token])).toThrow(/--sim-token must be 8 to 256/);
  });

  it('rejects an unknown option', () => {
    expect(() => parseServeArgs(['--prot', '1'])).toThrow(/Unknown option '--prot'/);
  });

  it('documents every option in --help', () => {
    for (const flag of [
      '--port',
      '--host',
      '--data',
      '--seed',
      '--clock',
      '--start',
      '--no-sim-api',
      '--sim-token',
      '--max-worlds',
      '--fsync',
      '--compact-after',
      '--quiet',
    ]) {
      expect(HELP).toContain(flag);
    }
  });
});
