import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { expect, test } from '@playwright/test';
import { build } from 'vite';

const EXAMPLE = 'examples/msw-subscribers';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/** Builds the example with vite and serves dist/ on 127.0.0.1 (a secure context, so service workers run). */
const serveExample = async (): Promise<{ url: string; server: Server }> => {
  await build({ configFile: join(process.cwd(), EXAMPLE, 'vite.config.ts'), logLevel: 'silent' });
  const dist = join(process.cwd(), EXAMPLE, 'dist');
  const server = createServer((req, res) => {
    const path = normalize(
      decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname),
    ).replace(/^(\.\.[/\\])+/, '');
    const file = join(dist, path === '/' ? 'index.html' : path);
    readFile(file).then(
      (body) =>
        res
          .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
          .end(body),
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
};

test('the example provisions a subscriber through the MSW service worker', async ({ page }) => {
  // The vite build of the example runs inside the test: on a loaded 2-core runner it alone can take
  // most of the default 60 s, so the test gets room for it (the browser steps keep their timeouts).
  test.setTimeout(180_000);
  const { url, server } = await serveExample();
  try {
    const webexCalls: string[] = [];
    page.on(
      'request',
      (r) =>
        void (
          r.url().startsWith('https://webexapis.com/') &&
          webexCalls.push(`${r.method()} ${new URL(r.url()).pathname}`)
        ),
    );
    await page.goto(url);
    await expect(page.getByRole('status')).toHaveText('Ready.');
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(
      /mockServiceWorker\.js$/,
    );
    await page.getByRole('button', { name: 'Create a customer' }).click();
    await expect(page.getByRole('status')).toHaveText('Customer provisioned.');
    await expect(page.getByLabel('Customer')).toHaveText('pizza-planet-1');
    await page.getByLabel('First name').fill('Ana');
    await page.getByLabel('Last name').fill('Lee');
    await page.getByLabel('Email').fill('ana@pizza.example');
    await page.getByRole('button', { name: 'Provision subscriber' }).click();
    await expect(page.getByRole('status')).toHaveText(
      'Subscriber ana@pizza.example is provisioned.',
    );
    await expect(
      page.getByRole('row', { name: /ana@pizza\.example/ }).getByRole('cell'),
    ).toHaveText(['ana@pizza.example', 'webex_meetings', 'provisioned']);
    // The calls went to Webex's address and were answered in the browser: no server exists there.
    expect(webexCalls).toContain('POST /v1/wholesale/subscribers');
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
