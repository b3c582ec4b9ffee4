import { expect, test } from './server.ts';

test('the home page shows the virtual clock, the surfaces and every token', async ({
  page,
  server,
}) => {
  await page.goto(`${server.url}/`);
  await expect(page).toHaveTitle('provisim');
  await expect(page.getByTestId('clock-now')).toHaveText('2026-01-01T00:00:00.000Z');
  const tokens = page.getByTestId('tokens');
  for (const token of [
    'acme-admin',
    'acme-readonly',
    'acme-orderer',
    'acme-viewer',
    'globex-admin',
  ]) {
    await expect(tokens.getByText(token, { exact: true })).toBeVisible();
  }
  await page.screenshot({ path: 'test/e2e/screenshots/home.png', fullPage: true });
  await page.getByRole('link', { name: `${server.url}/sim/world` }).click();
  await expect(page.locator('body')).toContainText('"name":"Acme Wholesale"');
});

test('a page on another origin calls the simulator with a token (CORS, TrackingID exposed)', async ({
  page,
  server,
}) => {
  // Same server, other origin: 127.0.0.1 vs localhost.
  const other = server.url.replace('127.0.0.1', 'localhost');
  await page.goto(`${other}/`);
  const answer = await page.evaluate(async (api) => {
    const res = await fetch(`${api}/v1/people/me`, {
      headers: { Authorization: 'Bearer acme-admin' },
    });
    return {
      status: res.status,
      trackingId: res.headers.get('TrackingID'),
      body: (await res.json()) as { emails: string[] },
    };
  }, server.url);
  expect(answer.status).toBe(200);
  expect(answer.trackingId).toMatch(/^PROVISIM_/);
  expect(answer.body.emails).toEqual(['admin@acme-wholesale.example']);
});
