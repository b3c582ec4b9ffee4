import { readFile } from 'node:fs/promises';
import { expect, test } from './server.ts';
import { check } from './check.ts';

/** A new world with a provisioned customer of Acme's (calling and meetings), through the API. */
const provisionedCustomer = async (url: string, companyName: string, adminEmail: string) => {
  const world = (await (await fetch(`${url}/sim/worlds`, { method: 'POST' })).json()) as {
    base: string;
  };
  const worldInfo = (await (await fetch(`${world.base}/sim/world`)).json()) as {
    partners: { templates: { offer: string; provisioningId: string }[] }[];
  };
  const provisioningId = worldInfo.partners[0]!.templates.find(
    (x) => x.offer === 'wholesale',
  )!.provisioningId;
  const created = await fetch(`${world.base}/partner-hub/api/customers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer acme-admin' },
    body: JSON.stringify({
      companyName,
      adminEmail,
      provisioningId,
      packages: ['webex_calling', 'webex_meetings'],
      headquarters: { addressLine1: '1 Main St', city: 'Austin', country: 'US' },
      supportedLocationAttested: true,
    }),
  });
  const id = ((await created.json()) as { id: string }).id;
  await fetch(`${world.base}/sim/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advance: 'PT5M' }),
  });
  return { world, id };
};

// Issue 6: a partner administrator imports users from a CSV with good and bad rows, reads the report
// on the page, and downloads the export.
test('imports a CSV with good and bad rows, shows the per-row report and exports the users (USR-2, USR-5)', async ({
  page,
  server,
}) => {
  const { world, id } = await provisionedCustomer(
    server.url,
    'Browser Bakery',
    'owner@bakery.example',
  );

  await page.goto(`${world.base}/partner-hub/customers/${id}`);
  await page.getByTestId('sign-in-acme-admin').click();
  await page.goto(`${world.base}/partner-hub/customers/${id}`);
  await page.getByRole('link', { name: 'Users', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Browser Bakery/ })).toBeVisible();
  await page.getByRole('link', { name: 'CSV add or edit' }).click();

  const csv = [
    'User ID/Email (Required),First Name,Last Name,Extension,Location,Preferred Webex Site,Webex Calling [Wholesale],Webex Meetings [Wholesale]',
    'ann@bakery.example,Ann,Baker,301,Headquarters,,TRUE,',
    'bob@bakery.example,Bob,Baker,,Headquarters,,TRUE,',
    'cy@bakery.example,Cy,Baker,,,,,TRUE',
  ].join('\n');
  await page
    .locator('#file')
    .setInputFiles({ name: 'users.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByLabel('Add and remove services').check();
  await page.getByRole('button', { name: 'Import CSV' }).click();
  await expect(page.getByTestId('import-summary')).toContainText('created: 2');
  await expect(page.getByTestId('import-summary')).toContainText('failed: 1');
  // The report opens on the failures and warnings; every row is one click away.
  const failures = page.getByTestId('report-failures');
  await expect(failures.getByTestId('report-line-3')).toContainText('failed');
  await expect(failures.getByTestId('report-line-3')).toContainText(
    'a calling package needs a phone number or an extension',
  );
  await expect(failures.getByTestId('report-line-4')).toContainText(
    'warning: Preferred Webex Site',
  );
  await expect(failures.getByTestId('report-line-2')).toHaveCount(0);
  await page.getByText('All rows (3)').click();
  await expect(page.getByTestId('report-all').getByTestId('report-line-2')).toContainText(
    'created',
  );
  await page.getByRole('link', { name: 'Back to the users' }).click();
  await expect(page.getByTestId('users')).toContainText('ann@bakery.example');
  await expect(page.getByTestId('users')).not.toContainText('bob@bakery.example');

  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const text = await readFile((await (await download).path())!, 'utf8');
  const lines = text.trim().split('\r\n');
  expect(lines[0]).toMatch(
    /^User ID\/Email \(Required\),First Name,Last Name,Display Name,Phone Number,Extension,Location/,
  );
  expect(
    lines
      .slice(1)
      .map((l) => l.split(',')[0])
      .sort(),
  ).toEqual(['ann@bakery.example', 'cy@bakery.example', 'owner@bakery.example']);
  expect(lines.find((l) => l.startsWith('ann@'))).toBe(
    'ann@bakery.example,Ann,Baker,,,301,Headquarters,,TRUE,TRUE,TRUE,TRUE,,,,,,',
  );
});

// Issue 14: a large CSV import runs as a job; the page follows its progress by itself and then
// shows the report, on the failures first, paged, every row one link away.
test('runs a 2,000-row CSV import as a job and pages its report (USR-2)', async ({
  page,
  server,
}) => {
  const { world, id } = await provisionedCustomer(server.url, 'Bulk Bakery', 'owner@bulk.example');
  await page.goto(`${world.base}/partner-hub/customers/${id}`);
  await page.getByTestId('sign-in-acme-admin').click();
  await page.goto(`${world.base}/partner-hub/customers/${id}/users/import`);
  const rows = Array.from({ length: 2000 }, (_, i) =>
    i % 500 === 499
      ? `broken-${i},B,R,acme.webex.com,TRUE`
      : `u${i}@bulk.example,U,N,acme.webex.com,TRUE`,
  );
  const csv = [
    'User ID/Email (Required),First Name,Last Name,Preferred Webex Site,Webex Meetings [Wholesale]',
    ...rows,
  ].join('\n');
  await page
    .locator('#file')
    .setInputFiles({ name: 'users.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Import CSV' }).click();
  await expect(page).toHaveURL(/\/users\/import\/jobs\/\d+$/);
  await expect(page.getByRole('heading', { name: 'Import report' })).toBeVisible();
  await expect(page.getByTestId('import-summary')).toContainText('created: 1996');
  await expect(page.getByTestId('import-summary')).toContainText('failed: 4');
  await expect(page.getByTestId('report-failures').locator('tbody tr')).toHaveCount(4);
  await check(page, 'ph-users-csv-report');
  await page.getByRole('link', { name: 'All rows (2000)' }).click();
  await expect(page.getByTestId('page-of')).toHaveText('Page 1 of 20');
  await page.getByRole('link', { name: 'Next' }).click();
  await expect(page.getByTestId('report-all').getByTestId('report-line-102')).toContainText(
    'created',
  );
});
