import { expect, test } from './server.ts';
import { check } from './check.ts';

// Issue 4: flow-through provisioning with untrusted emails, the activation portal, Show user status.
interface World {
  base: string;
}
interface Seeded {
  link: string;
  templateId: string;
  directory: { userId: string }[];
}

const newWorld = async (url: string): Promise<World> =>
  (await (await fetch(`${url}/sim/worlds`, { method: 'POST' })).json()) as World;
const seeded = async (w: World): Promise<Seeded> => {
  const world = (await (await fetch(`${w.base}/sim/world`)).json()) as {
    partners: {
      templates: { id: string; offer: string; emailTrust?: string; activationLink?: string }[];
      enterprises: { directory: { userId: string }[] }[];
    }[];
  };
  const p = world.partners[0]!;
  const t = p.templates.find((x) => x.offer === 'broadworks' && x.emailTrust === 'untrusted')!;
  return { link: t.activationLink!, templateId: t.id, directory: p.enterprises[0]!.directory };
};
const advance = (w: World, by: string) =>
  fetch(`${w.base}/sim/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advance: by }),
  });

test('a directory user self-activates by following the mail; a failure, then Try again (FT-1, FT-2)', async ({
  page,
  server,
}) => {
  const w = await newWorld(server.url);
  const s = await seeded(w);
  const user = s.directory[0]!.userId;

  await page.goto(`${s.link}?lang=en`);
  await page.getByLabel('BroadWorks user ID').fill('nobody@bw.example');
  await page.getByLabel('Email address').fill('ana@acme.example');
  await page.getByRole('button', { name: 'Activate' }).click();
  await expect(page.getByTestId('portal-error')).toContainText(
    "is not in your service provider's directory",
  );
  await page.getByTestId('try-again').click();
  await page.getByLabel('BroadWorks user ID').fill(user);
  await page.getByLabel('Email address').fill('ana@acme.example');
  await page.getByRole('button', { name: 'Activate' }).click();
  await expect(page.getByTestId('portal-sent')).toContainText('ana@acme.example');

  await page.goto(`${w.base}/sim/mailbox?to=ana@acme.example`);
  await page.getByRole('link', { name: 'Verify my email address' }).click();
  await expect(page.getByTestId('portal-verified')).toBeVisible();
  await advance(w, 'PT30S');
  const subs = (await (
    await fetch(`${w.base}/v1/broadworks/subscribers?userId=${encodeURIComponent(user)}`, {
      headers: { Authorization: 'Bearer acme-admin' },
    })
  ).json()) as { items: { status: string; selfActivated: boolean }[] };
  expect(subs.items).toEqual([
    expect.objectContaining({ status: 'provisioned', selfActivated: true }),
  ]);
});

test('the admin filters, exports, retries, deletes and re-onboards, changes a package, copies an error text (FT-3..7)', async ({
  page,
  server,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const w = await newWorld(server.url);
  const s = await seeded(w);
  const [u1, u2, u3] = s.directory.map((d) => d.userId);
  const activate = (userId: string, email: string) =>
    fetch(`${s.link.replace('/activation/', '/activation/api/')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId, email }),
    });
  // u1 provisioned; u2 in error (injected step fault); u3 pending email validation.
  const mail = async (to: string) =>
    (
      (await (await fetch(`${w.base}/sim/mail?to=${to}`)).json()) as {
        items: { links: { url: string }[] }[];
      }
    ).items[0]!.links[0]!.url;
  await activate(u1!, 'one@acme.example');
  await fetch(await mail('one@acme.example'));
  await advance(w, 'PT30S');
  await fetch(`${w.base}/sim/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      on: 'broadworksSubscriber',
      errorCode: 6003,
      description: 'BroadWorks cluster unreachable',
      times: 1,
    }),
  });
  await activate(u2!, 'two@acme.example');
  await fetch(await mail('two@acme.example'));
  await advance(w, 'PT30S');
  await activate(u3!, 'three@acme.example');

  await page.goto(`${w.base}/partner-hub/sign-in`);
  await page.getByTestId('sign-in-acme-admin').click();
  await page.goto(`${w.base}/partner-hub/templates/${s.templateId}`);
  await page.getByRole('link', { name: 'Show user status' }).click();
  const table = page.getByTestId('user-status');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await page.screenshot({ path: 'test/e2e/screenshots/user-status.png', fullPage: true });

  await page.getByLabel('Exclude provisioned users').check();
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId(`row-${u1}`)).toHaveCount(0);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export' }).click();
  const file = await (await download).path();
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync(file, 'utf8').trim().split('\r\n');
  expect(csv).toEqual([
    'BroadWorks ID,Package,Status,Error text',
    `${u2},standard,error,6003: BroadWorks cluster unreachable`,
    `${u3},standard,pending_email_validation,Waiting for the user to open the verification link sent to their email address.`,
  ]);

  await page.getByTestId(`row-${u2}`).getByLabel(`Actions for ${u2}`).click();
  await page.getByTestId(`row-${u2}`).getByRole('button', { name: 'Copy error text' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    '6003: BroadWorks cluster unreachable',
  );
  await page.getByTestId(`row-${u2}`).getByRole('button', { name: 'Retry activation' }).click();
  await expect(page.getByTestId('retry-dialog')).toBeVisible();
  await page.getByLabel('Email address').fill('two.again@acme.example');
  await page.getByRole('button', { name: 'Onboard' }).click();
  await expect(page.getByTestId('flash')).toHaveText(
    'A verification email was sent to two.again@acme.example.',
  );
  await expect(page.getByTestId(`row-${u2}`)).toContainText('pending email validation');

  await page.getByTestId(`row-${u3}`).getByLabel(`Actions for ${u3}`).click();
  await page.getByTestId(`row-${u3}`).getByLabel('Package').selectOption('premium');
  await page.getByTestId(`row-${u3}`).getByRole('button', { name: 'Change package' }).click();
  await expect(page.getByTestId(`row-${u3}`)).toContainText('premium');
  await expect(page.getByTestId(`row-${u3}`)).toContainText('pending email validation');

  await page.getByTestId(`row-${u3}`).getByLabel(`Actions for ${u3}`).click();
  await page.getByTestId(`row-${u3}`).getByRole('button', { name: 'Delete user' }).click();
  // Destructive: a confirmation first.
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText(`Delete ${u3}?`);
  await confirm.getByRole('button', { name: 'Delete user' }).click();
  await expect(page.getByTestId('flash')).toHaveText('The user was deleted.');
  await expect(page.getByTestId(`row-${u3}`)).toHaveCount(0);

  // FT-5: the deleted user onboards again through the portal.
  await page.goto(s.link);
  await page.getByLabel('BroadWorks user ID').fill(u3!);
  await page.getByLabel('Email address').fill('three@acme.example');
  await page.getByRole('button', { name: 'Activate' }).click();
  await expect(page.getByTestId('portal-sent')).toBeVisible();
  await page.goto(`${w.base}/partner-hub/templates/${s.templateId}/user-status`);
  await expect(page.getByTestId(`row-${u3}`)).toContainText('pending email validation');
});

for (const lang of ['en', 'es', 'pl', 'it']) {
  test(`the portal's pages in ${lang} (screenshots)`, async ({ page, server }) => {
    const w = await newWorld(server.url);
    const s = await seeded(w);
    await page.goto(`${s.link}?lang=${lang}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await (lang === 'en'
      ? check(page, `portal-form-${lang}`)
      : page.screenshot({ path: `test/e2e/screenshots/portal-form-${lang}.png` }));
    await page.locator('#userId').fill('nobody@bw.example');
    await page.locator('#email').fill(`x.${lang}@acme.example`);
    await page.locator('main button[type=submit]').click();
    await expect(page.getByTestId('portal-error')).toBeVisible();
    // Every language's error page is checked: the longest texts are there.
    await check(page, `portal-error-${lang}`);
    await page.getByTestId('try-again').click();
    await page.locator('#userId').fill(s.directory[1]!.userId);
    await page.locator('#email').fill(`x.${lang}@acme.example`);
    await page.locator('main button[type=submit]').click();
    await expect(page.getByTestId('portal-sent')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await (lang === 'en'
      ? check(page, `portal-sent-${lang}`)
      : page.screenshot({ path: `test/e2e/screenshots/portal-sent-${lang}.png` }));
    const mail = (
      (await (await fetch(`${w.base}/sim/mail?to=x.${lang}@acme.example`)).json()) as {
        items: { links: { url: string }[] }[];
      }
    ).items[0]!.links[0]!.url;
    await page.goto(`${mail}?lang=${lang}`);
    await expect(page.getByTestId('portal-verified')).toBeVisible();
    await (lang === 'en'
      ? check(page, `portal-verified-${lang}`)
      : page.screenshot({ path: `test/e2e/screenshots/portal-verified-${lang}.png` }));
    // The verification mail speaks the portal's language too.
    const subject = (
      (await (await fetch(`${w.base}/sim/mail?to=x.${lang}@acme.example`)).json()) as {
        items: { subject: string }[];
      }
    ).items[0]!.subject;
    expect(subject === 'Verify your email address for Webex').toBe(lang === 'en');
  });
}
