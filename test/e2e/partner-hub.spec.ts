import { expect, test } from './server.ts';

// Issue 3: a partner administrator creates a template and a customer through Partner Hub's pages.
test('a partner admin creates a wholesale template and a customer through the pages (TPL-3, ORG-1, ORG-2)', async ({
  page,
  server,
}) => {
  const world = (await (await fetch(`${server.url}/sim/worlds`, { method: 'POST' })).json()) as {
    base: string;
  };
  await page.goto(`${world.base}/partner-hub/customers`);
  await expect(page).toHaveURL(/\/partner-hub\/sign-in$/);
  await page.getByTestId('sign-in-acme-admin').click();
  await expect(page.getByRole('heading', { name: 'Customers' })).toBeVisible();

  await page.getByRole('link', { name: 'Templates' }).click();
  await page.getByRole('link', { name: 'Create template' }).click();
  await page.getByLabel('Template name').fill('Browser template');
  await page.getByLabel('Wholesale subscription').selectOption({ index: 1 });
  await page.getByLabel('Cloud-connected PSTN provider (optional)').selectOption({ index: 1 });
  await page.screenshot({ path: 'test/e2e/screenshots/template-form.png', fullPage: true });
  await page.getByRole('button', { name: 'Create template' }).click();
  await expect(page.getByRole('heading', { name: 'Browser template' })).toBeVisible();
  await expect(page.getByTestId('template-warning')).toContainText('does not recommend');
  const provisioningId = (await page
    .getByTestId('template-detail')
    .locator('dd code')
    .nth(1)
    .textContent())!.trim();
  expect(provisioningId).toMatch(/^[0-9a-f]{32}$/);

  await page.getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('link', { name: 'Create customer' }).click();
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByTestId('form-errors')).toContainText('companyName: must not be empty');
  await expect(page.getByTestId('error-supportedLocationAttested')).toBeVisible();

  await page.getByLabel('Company name').fill('Browser Bistro');
  await page.getByLabel('Administrator email').fill('owner@bistro.example');
  await page.getByLabel('Onboarding template').selectOption({ label: 'Browser template' });
  await page.getByLabel('Webex Calling', { exact: true }).check();
  await page.getByLabel('Address line 1').fill('10 Market St');
  await page.getByLabel('City').fill('Denver');
  await page.getByLabel('Country').fill('US');
  await page.getByLabel('I attest that the headquarters is in a Webex-supported location').check();
  await page.screenshot({ path: 'test/e2e/screenshots/customer-form.png', fullPage: true });
  await page.getByRole('button', { name: 'Create customer' }).click();

  await expect(page.getByRole('heading', { name: /Browser Bistro/ })).toBeVisible();
  await expect(page.getByTestId('status')).toHaveText('provisioning');
  // The next step's time, and a jump of the virtual clock there.
  await expect(page.getByTestId('next-step')).toContainText('2026-01-01T00:05:00.000Z');
  await page.getByTestId('next-step').getByRole('button', { name: 'Jump the clock there' }).click();
  await expect(page.getByTestId('status')).toHaveText('provisioned');
  await expect(page.getByTestId('sim-banner')).toContainText('2026-01-01 00:05:00 UTC');
  await page.getByRole('link', { name: 'Locations' }).click();
  await expect(page.getByTestId('locations')).toContainText('Headquarters');
  await page.getByRole('link', { name: 'Overview' }).click();
  await page.screenshot({ path: 'test/e2e/screenshots/customer-detail.png', fullPage: true });

  const v1 = (await (
    await fetch(`${world.base}/v1/wholesale/customers`, {
      headers: { Authorization: 'Bearer acme-admin' },
    })
  ).json()) as { items: { status: string }[] };
  expect(v1.items.map((c) => c.status)).toEqual(['provisioned']);
});
