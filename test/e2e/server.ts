import { spawn, type ChildProcess } from 'node:child_process';
import { test as base } from '@playwright/test';

export interface RunningServer {
  readonly url: string;
  readonly child: ChildProcess;
}

/** Starts the real CLI (`provisim serve`) on a free port over an in-memory world; stops it afterwards. */
export const startCliServer = (args: readonly string[] = []): Promise<RunningServer> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        'bin/provisim.mjs',
        'serve',
        '--port',
        '0',
        '--data',
        ':memory:',
        '--clock',
        'frozen',
        ...args,
      ],
      {
        cwd: process.cwd(),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start in 20 s:\n${out}`));
    }, 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /provisim listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, child });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${String(code)}:\n${out}`));
    });
  });

/** A Playwright test with a `server` fixture: one simulator per worker. */
export const test = base.extend<object, { server: RunningServer }>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startCliServer();
      await use(server);
      server.child.kill('SIGTERM');
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
