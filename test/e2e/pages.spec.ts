import { expect, test } from './server.ts';
import { check, newWorld, signIn } from './check.ts';

// Issue 14: pages a Partner Hub user recognises, and a control panel for the simulator.

type World = Awaited<ReturnType<typeof newWorld>>;

const wholesaleTemplate = async (w: World) =>
  (
    (await w.call('GET', '/sim/world')) as {
      partners: { templates: { offer: string; provisioningId: string; name: string }[] }[];
    }
  ).partners[0]!.templates.find((t) => t.offer === 'wholesale')!;

const HQ = { addressLine1: '1 Main St', city: 'Austin', country: 'US' };
const customer = (w: World, name: string, provisioningId: string, packages = ['webex_meetings']) =>
  w.call(
    'POST',
    '/partner-hub/api/customers',
    {
      companyName: name,
      adminEmail: `owner@${name.toLowerCase().replace(/\W+/g, '-')}.example`,
      provisioningId,
      packages,
      headquarters: HQ,
      supportedLocationAttested: true,
    },
    'acme-admin',
  ) as Promise<{ id: string }>;

test('the look: Momentum font and tokens served locally, favicon, banner, HTML 404 with a way home, /docs schemas', async ({
  page,
  server,
}) => {
  const w = await newWorld(server.url);
  await page.goto(`${w.base}/`);
  await page.evaluate(() => document.fonts.ready);
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(
    /^Momentum/,
  );
  expect(await page.evaluate(() => document.fonts.check('14px Momentum'))).toBe(true);
  await expect(page.getByTestId('sim-banner')).toContainText('2026-01-01 00:00:00 UTC');
  await check(page, 'home');
  const icon = await fetch(`${w.base}/favicon.ico`);
  expect([icon.status, icon.headers.get('content-type')]).toEqual([200, 'image/svg+xml']);

  const missing = await page.goto(`${w.base}/partner-hub-nope`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await check(page, 'not-found');
  await page.getByRole('link', { name: 'Go to the simulator home' }).click();
  await expect(page.getByRole('heading', { name: 'Simulator home' })).toBeVisible();
  // API clients still get the Webex error shape.
  const json = await fetch(`${w.base}/partner-hub-nope`, { headers: { accept: '*/*' } });
  expect(((await json.json()) as { message: string }).message).toMatch(/No route/);

  await page.goto(`${w.base}/docs`);
  const op = page
    .getByTestId('operation')
    .filter({ hasText: 'POST /v1/wholesale/customers' })
    .first();
  await op.locator('summary').first().click();
  await expect(op.getByTestId('request-schema').first()).toContainText('provisioningId');
  await expect(op.getByTestId('response-schema').first()).toContainText('202');
  await expect(page.locator('main')).not.toContainText('<div');
  await check(page, 'docs');
});

test('Partner Hub: left navigation, customers paged, searched and sorted, the customer view with tabs, Add location, template edit and delete, settings', async ({
  page,
  server,
}) => {
  const w = await newWorld(server.url);
  const t = await wholesaleTemplate(w);
  for (let i = 0; i < 30; i++)
    await customer(w, `Bistro ${String(i).padStart(2, '0')}`, t.provisioningId);
  await signIn(page, w.base, 'partner-hub', 'acme-admin');
  const nav = page.getByRole('navigation', { name: 'Partner Hub' });
  await expect(nav.getByRole('link')).toHaveText(['Customers', 'Templates', 'Settings']);
  await expect(nav.getByRole('link', { name: 'Customers' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByTestId('list-count')).toHaveText('30 customers');
  await expect(page.getByTestId('page-of')).toHaveText('Page 1 of 2');
  await check(page, 'ph-customers');
  await page.getByRole('link', { name: 'Next' }).click();
  await expect(page.getByTestId('page-of')).toHaveText('Page 2 of 2');
  await expect(page.getByTestId('customers').locator('tbody tr')).toHaveCount(5);
  await page.getByRole('link', { name: 'Company ▲' }).click();
  await expect(page.getByTestId('customers').locator('tbody tr').first()).toContainText(
    'Bistro 29',
  );
  await page.getByLabel('Search customers').fill('bistro 07');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('list-count')).toHaveText('1 of 30 customers matches');
  await page.getByRole('link', { name: 'Bistro 07' }).click();

  await expect(page.getByRole('navigation', { name: 'Customer' }).getByRole('link')).toHaveText([
    'Overview',
    'Users',
    'Locations',
  ]);
  await expect(page.getByTestId('next-step')).toContainText('Provisioning ends');
  await check(page, 'ph-customer-overview');
  await page.getByRole('link', { name: 'Locations' }).click();
  await page.getByLabel('Location name').fill('Warehouse');
  await page.getByLabel('City').fill('Dallas');
  await page.getByLabel('Country').fill('Texas');
  await page.getByRole('button', { name: 'Add location' }).click();
  // Every error at its field; the input stays.
  await expect(page.getByTestId('error-address.addressLine1')).toBeVisible();
  await expect(page.getByTestId('error-address.country')).toBeVisible();
  await expect(page.getByLabel('Location name')).toHaveValue('Warehouse');
  await expect(page.getByLabel('City')).toHaveValue('Dallas');
  await page.getByLabel('Address line 1').fill('9 Dock Rd');
  await page.getByLabel('Country').fill('US');
  await page.getByRole('button', { name: 'Add location' }).click();
  await expect(page.getByTestId('flash')).toHaveText('Location Warehouse was added.');
  await expect(page.getByTestId('locations')).toContainText('9 Dock Rd, Dallas, US');
  await check(page, 'ph-customer-locations');

  await nav.getByRole('link', { name: 'Templates' }).click();
  await check(page, 'ph-templates');
  await page.getByRole('link', { name: t.name }).click();
  await expect(page.getByTestId('delete-disabled')).toBeDisabled();
  await expect(page.getByText(/Used by \d+ customers: it cannot be deleted\./)).toBeVisible();
  await page.goto(`${w.base}/partner-hub/templates/new`);
  await page.getByLabel('Template name').fill('Short-lived');
  await page.getByLabel('Wholesale subscription').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Create template' }).click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByLabel('Template name')).toHaveValue('Short-lived');
  await check(page, 'ph-template-edit');
  await page.getByLabel('Template name').fill('Renamed');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'Renamed' })).toBeVisible();
  await expect(page.getByTestId('flash')).toHaveText('The template was saved.');
  await page.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText('Delete template "Renamed"?');
  await check(page, 'ph-template-delete-confirm');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'Renamed' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete' }).click();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('flash')).toHaveText('Template Renamed was deleted.');
  await expect(page.getByTestId('templates')).not.toContainText('Renamed');

  // A BroadWorks template: the activation link is a link to the portal.
  const untrusted = (
    (await w.call('GET', '/sim/world')) as {
      partners: { templates: { id: string; emailTrust?: string }[] }[];
    }
  ).partners[0]!.templates.find((x) => x.emailTrust === 'untrusted')!;
  await page.getByLabel('Search templates').fill('broadworks');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('templates')).not.toContainText('Webex for Wholesale');
  await page.goto(`${w.base}/partner-hub/templates/${untrusted.id}`);
  await check(page, 'ph-template-broadworks');
  await page.getByTestId('link-activation-link').click();
  await expect(page.getByLabel('BroadWorks user ID')).toBeVisible();

  await page.goto(`${w.base}/partner-hub/settings`);
  await expect(page.getByTestId('partner')).toContainText('Acme Wholesale');
  await check(page, 'ph-settings');
});

test("a customer's users: paged and searched, Add users keeps the input, numbers rows as the screen does, shows every error at once; delete is confirmed", async ({
  page,
  server,
}) => {
  const w = await newWorld(server.url);
  const t = await wholesaleTemplate(w);
  const { id } = await customer(w, 'Users Co', t.provisioningId, ['webex_calling']);
  await w.call('POST', '/sim/clock', { advance: 'PT5M' });
  const hq = (await w.call('GET', `/partner-hub/api/customers/${id}`, undefined, 'acme-admin'))
    .headquartersLocationId as string;
  const users = Array.from({ length: 25 }, (_, i) => ({
    firstName: 'User',
    lastName: `N${i}`,
    email: `u${String(i).padStart(2, '0')}@users.example`,
    package: 'webex_calling',
    locationId: hq,
    extension: String(1000 + i),
  }));
  await w.call('POST', `/partner-hub/api/customers/${id}/users`, { users }, 'acme-admin');
  await signIn(page, w.base, 'partner-hub', 'acme-admin');
  await page.goto(`${w.base}/partner-hub/customers/${id}/users`);
  await expect(page.getByTestId('list-count')).toHaveText('26 users');
  await expect(page.getByTestId('page-of')).toHaveText('Page 1 of 2');
  await check(page, 'ph-users');
  await page.getByLabel('Search users').fill('u07@');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('users').locator('tbody tr')).toHaveCount(1);

  await page.getByRole('link', { name: 'Add users manually' }).click();
  const row = (n: number) => page.getByTestId(`add-row-${n}`);
  await row(1).getByLabel('First name, row 1').fill('Ana');
  await row(1).getByLabel('Last name, row 1').fill('Lima');
  await row(1).getByLabel('Email, row 1').fill('ana@users.example');
  await row(1).getByLabel('Extension, row 1').fill('201');
  await row(2).getByLabel('Extension, row 2').fill('202'); // an extension alone: not an empty row
  await row(3).getByLabel('First name, row 3').fill('Bo');
  await row(3).getByLabel('Last name, row 3').fill('Diaz');
  await row(3).getByLabel('Email, row 3').fill('not-an-email');
  await row(3).getByLabel('Extension, row 3').fill('203');
  await page.getByRole('button', { name: 'Add users' }).click();
  const summary = page.getByTestId('form-errors');
  await expect(summary).toContainText('Row 2, First name:');
  await expect(summary).toContainText('Row 2, Email:');
  await expect(summary).toContainText('Row 3, Email:');
  await expect(summary).not.toContainText('users[');
  await expect(page.getByTestId('error-email.2')).toBeVisible();
  await expect(row(1).getByLabel('Email, row 1')).toHaveValue('ana@users.example');
  await expect(row(2).getByLabel('Extension, row 2')).toHaveValue('202');
  await expect(row(3).getByLabel('Email, row 3')).toHaveValue('not-an-email');
  await check(page, 'ph-add-users-errors');
  await row(2).getByLabel('First name, row 2').fill('Cy');
  await row(2).getByLabel('Last name, row 2').fill('Ng');
  await row(2).getByLabel('Email, row 2').fill('cy@users.example');
  await row(3).getByLabel('Email, row 3').fill('bo@users.example');
  await page.getByRole('button', { name: 'Add users' }).click();
  await expect(page.getByTestId('flash')).toHaveText('3 users were added.');
  await expect(page.getByTestId('list-count')).toHaveText('29 users');

  await page.getByLabel('Search users').fill('cy@');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: 'Delete cy@users.example' }).click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText('Delete cy@users.example?');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('users')).toContainText('cy@users.example');
  await page.getByRole('button', { name: 'Delete cy@users.example' }).click();
  await confirm.getByRole('button', { name: 'Delete user' }).click();
  await expect(page.getByTestId('flash')).toHaveText('cy@users.example was deleted.');
  await page.getByRole('link', { name: 'CSV add or edit' }).click();
  await check(page, 'ph-users-csv');
});

test('CCW: the order form offers template and packages and keeps its input; order numbers, not ids; the next step with a jump of the clock', async ({
  page,
  server,
}) => {
  const w = await newWorld(server.url);
  const t = await wholesaleTemplate(w);
  await signIn(page, w.base, 'ccw', 'acme-orderer');
  await expect(page.getByRole('navigation', { name: 'Cisco Commerce Workspace' })).toBeVisible();
  await page.getByLabel('Onboarding template').selectOption({ label: t.name });
  await page.getByLabel('Webex Suite', { exact: true }).check();
  await page.getByLabel('Offer').selectOption('A-FLEX');
  await page.getByLabel('Provisioning contact email').fill('not-an-email');
  await page.getByLabel('Requested start date').fill('2026-01-03');
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByTestId('error-lines[0].provisioningContactEmail')).toBeVisible();
  await expect(page.getByLabel('Webex Suite', { exact: true })).toBeChecked();
  await expect(page.getByLabel('Requested start date')).toHaveValue('2026-01-03');
  await check(page, 'ccw-orders-error');
  await page.getByLabel('Provisioning contact email').fill('buyer@shop.example');
  await page.getByRole('button', { name: 'Place order' }).click();

  const heading = page.getByRole('heading', { name: /^Order \d{10}$/ });
  await expect(heading).toBeVisible();
  await expect(page.locator('main')).not.toContainText('Y2lzY29');
  await expect(page.getByTestId('lines')).toContainText('Webex Suite');
  await expect(page.getByTestId('next-step')).toContainText('2026-01-03T00:00:00.000Z');
  await check(page, 'ccw-order');
  await page.getByRole('button', { name: 'Jump the clock there' }).click();
  await expect(page.getByTestId('next-step')).toContainText('closes at the end of its window');
  await expect(page.getByTestId('next-step')).toContainText('2026-01-10T00:00:00.000Z');
  const number = (await heading.textContent())!.replace('Order ', '');

  await page.getByRole('link', { name: 'Orders' }).first().click();
  await expect(page.getByTestId('orders')).toContainText(number);
  await page.getByRole('link', { name: 'Cloud/SaaS subscriptions' }).click();
  await check(page, 'ccw-subscriptions');
  await page.goto(`${w.base}/sim/mailbox?to=buyer@shop.example`);
  await expect(page.getByTestId('mail')).toContainText(`Your order #${number}`);
  await expect(page.locator('main')).not.toContainText('Y2lzY29');
  await check(page, 'sim-mailbox');
});

test('the control panel: clock, faults from presets (sign-in spared, the input kept), delays, worlds, the request journal', async ({
  page,
  server,
}) => {
  const w = await newWorld(server.url);
  await page.goto(`${w.base}/sim`);
  await expect(page.getByTestId('panel-now')).toHaveText('2026-01-01T00:00:00.000Z');
  await check(page, 'sim-panel');
  await page.getByRole('button', { name: '+5m' }).click();
  await expect(page.getByTestId('flash')).toContainText('2026-01-01T00:05:00.000Z');
  await expect(page.getByTestId('sim-banner')).toContainText('00:05:00 UTC');
  await page.getByLabel('Set to').fill('2025-01-01T00:00:00Z');
  await page.getByRole('button', { name: 'Move the clock' }).click();
  await expect(page.getByTestId('form-errors')).toContainText('backwards');
  await expect(page.getByLabel('Set to')).toHaveValue('2025-01-01T00:00:00Z');

  await page.getByRole('link', { name: 'Faults' }).click();
  await page.getByLabel('Path').fill('no-slash');
  await page.getByRole('button', { name: 'Add fault' }).click();
  await expect(page.getByTestId('error-path')).toBeVisible();
  await expect(page.getByLabel('Path')).toHaveValue('no-slash');
  await page.getByRole('button', { name: 'Next 2 POSTs answer 429 (Retry-After 3 s)' }).click();
  await expect(page.getByTestId('faults')).toContainText('POST /* → 429 (2 left)');
  await expect(page.getByTestId('sim-banner')).toContainText('Active fault: POST /* → 429');
  await check(page, 'sim-faults');

  // Sign-in is spared; the first form post meets the fault and keeps what was typed.
  await signIn(page, w.base, 'partner-hub', 'acme-admin');
  await expect(page.getByRole('heading', { name: 'Customers' })).toBeVisible();
  await expect(page.getByTestId('sim-banner')).toContainText('POST /* → 429 (2 left)');
  await page.goto(`${w.base}/partner-hub/templates/new`);
  await page.getByLabel('Template name').fill('Kept through a fault');
  await page.getByLabel('Wholesale subscription').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Create template' }).click();
  await expect(page.getByTestId('fault-error')).toContainText('Injected fault: 429');
  await check(page, 'fault-page');
  await page.getByTestId('try-again').click();
  await expect(page.getByTestId('fault-error')).toBeVisible();
  await page.getByTestId('try-again').click();
  await expect(page.getByRole('heading', { name: 'Kept through a fault' })).toBeVisible();

  await page.goto(`${w.base}/sim/panel/faults`);
  await expect(page.getByTestId('no-faults')).toBeVisible();
  await page.getByRole('button', { name: 'Next /v1 request answers 503' }).click();
  await page.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.getByTestId('no-faults')).toBeVisible();

  await page.getByRole('link', { name: 'Delays' }).click();
  await page.getByLabel('customer (default PT5M)').fill('five minutes');
  await page.getByRole('button', { name: 'Save delays' }).click();
  await expect(page.getByTestId('error-delays.customer')).toBeVisible();
  await page.getByLabel('customer (default PT5M)').fill('PT30S');
  await page.getByRole('button', { name: 'Save delays' }).click();
  await expect(page.getByTestId('flash')).toHaveText('The delays were saved.');
  expect(
    ((await w.call('GET', '/sim/config')) as { delays: { customer: string } }).delays.customer,
  ).toBe('PT30S');
  await check(page, 'sim-delays');

  await page.getByRole('link', { name: 'Request journal' }).click();
  await page.getByLabel('Method').selectOption('POST');
  await page.getByRole('textbox', { name: 'Status' }).fill('4xx');
  await page.getByRole('button', { name: 'Filter' }).click();
  const journal = page.getByTestId('journal');
  await expect(journal.locator('tbody tr')).toHaveCount(2);
  await expect(journal).toContainText('/partner-hub/templates/new');
  await check(page, 'sim-requests');

  await page.getByRole('link', { name: 'Worlds' }).click();
  await page.getByLabel('Seed').fill('42');
  await page.getByRole('button', { name: 'Create world' }).click();
  const made = (await page.getByTestId('flash').textContent())!.match(
    /World (\w+) was created/,
  )![1]!;
  await expect(page.getByTestId('worlds')).toContainText(made);
  await check(page, 'sim-worlds');
  await page
    .getByTestId('worlds')
    .getByRole('row', { name: made })
    .getByRole('button', { name: 'Delete' })
    .click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Yes' }).click();
  await expect(page.getByTestId('flash')).toHaveText(`World ${made} was deleted.`);
});
