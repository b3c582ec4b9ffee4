import { expect, test } from './server.ts';

// Issue 5: an orderer resends (confirming the popup), opens the mail in the mailbox page, follows
// Set Up Your Service, completes setup, and sees the resend refused with the admin.webex.com message.
test('resend, mailbox, Set Up Your Service, then the resend refused after PONR (CCW-2, CCW-4, CCW-7)', async ({
  page,
  server,
}) => {
  const world = (await (await fetch(`${server.url}/sim/worlds`, { method: 'POST' })).json()) as {
    base: string;
  };
  const placed = await fetch(`${world.base}/ccw/api/orders`, {
    method: 'POST',
    headers: { Authorization: 'Bearer acme-orderer', 'content-type': 'application/json' },
    body: JSON.stringify({
      lines: [
        {
          offer: 'A-FLEX',
          provisioningContactEmail: 'buyer@shop.example',
          requestedStartDate: '2026-01-01',
        },
      ],
    }),
  });
  const order = (await placed.json()) as { id: string };

  await page.goto(`${world.base}/ccw/sign-in`);
  await page.getByTestId('sign-in-acme-orderer').click();
  await page.getByTestId('orders').locator(`a[href$="/ccw/orders/${order.id}"]`).click();
  await expect(page.getByTestId('line-0')).toContainText('awaiting provisioning details');

  await page.getByRole('button', { name: 'Resend' }).click();
  await expect(page.getByTestId('confirm-resend')).toBeVisible();
  await expect(page.getByTestId('confirm-resend')).toContainText('buyer@shop.example');
  await page.getByRole('button', { name: 'No' }).click();
  await expect(page.getByTestId('confirm-resend')).toBeHidden();
  await page.getByRole('button', { name: 'Resend' }).click();
  await page.screenshot({ path: 'test/e2e/screenshots/ccw-confirm.png' });
  await page.getByRole('button', { name: 'Yes' }).click();
  await expect(page.getByTestId('flash')).toHaveText(
    'The provisioning email was resent to buyer@shop.example.',
  );

  await page.goto(`${world.base}/sim/mailbox?to=buyer@shop.example`);
  await expect(page.getByTestId('mail')).toHaveCount(2);
  await expect(page.getByTestId('mail').first()).toContainText('webex_comm@webex.com');
  await page.screenshot({ path: 'test/e2e/screenshots/mailbox.png', fullPage: true });
  await page.getByTestId('mail').first().getByRole('link', { name: 'Set Up Your Service' }).click();

  await expect(page.getByRole('heading', { name: 'Set up your Webex service' })).toBeVisible();
  await page.getByLabel('Company name').fill('Shop Co');
  await page.getByLabel('Administrator email').fill('it@shop.example');
  await page.getByLabel('Address line 1').fill('5 Harbor Rd');
  await page.getByLabel('City').fill('Boston');
  await page.getByRole('button', { name: 'Set up service' }).click();
  await expect(page.getByTestId('setup-done')).toContainText('Shop Co is now onboarded');

  // After PONR, Resend and Change are off, and the page says why.
  await page.goto(`${world.base}/ccw/orders/${order.id}`);
  await expect(page.getByRole('button', { name: 'Resend' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Change' })).toBeDisabled();
  await expect(page.getByTestId('ponr')).toContainText('admin.webex.com');
  await expect(page.getByText('Shop Co')).toBeVisible();
  await page.screenshot({ path: 'test/e2e/screenshots/ccw-after-ponr.png', fullPage: true });
});

test('a viewer is told to ask the person who placed the order (CCW-7)', async ({
  page,
  server,
}) => {
  const world = (await (await fetch(`${server.url}/sim/worlds`, { method: 'POST' })).json()) as {
    base: string;
  };
  const placed = await fetch(`${world.base}/ccw/api/orders`, {
    method: 'POST',
    headers: { Authorization: 'Bearer acme-orderer', 'content-type': 'application/json' },
    body: JSON.stringify({
      lines: [
        {
          offer: 'EA',
          provisioningContactEmail: 'buyer@shop.example',
          requestedStartDate: '2026-01-01',
        },
      ],
    }),
  });
  const order = (await placed.json()) as { id: string };
  await page.goto(`${world.base}/ccw/sign-in`);
  await page.getByTestId('sign-in-acme-viewer').click();
  await page.goto(`${world.base}/ccw/orders/${order.id}`);
  await page.getByRole('button', { name: 'Resend' }).click();
  await page.getByRole('button', { name: 'Yes' }).click();
  await expect(page.getByTestId('flash')).toContainText('ask the person who placed the order');
});
