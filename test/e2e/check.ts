import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Keeps a screenshot of the page (test/e2e/screenshots, git-ignored) and checks it with axe-core:
 * no serious or critical WCAG 2 A/AA violation.
 */
export const check = async (page: Page, name: string): Promise<void> => {
  const t0 = Date.now();
  await page.screenshot({ path: `test/e2e/screenshots/${name}.png`, fullPage: true });
  const t1 = Date.now();
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa'])
    .options({ resultTypes: ['violations'] })
    .analyze();
  if (process.env.CHECK_TIMES) console.log(name, 'screenshot', t1 - t0, 'axe', Date.now() - t1);
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `accessibility of ${name}`).toEqual([]);
};

/** A new world of the running simulator, and JSON calls into it. */
export const newWorld = async (url: string) => {
  const w = (await (await fetch(`${url}/sim/worlds`, { method: 'POST' })).json()) as {
    base: string;
  };
  const call = async (
    method: string,
    path: string,
    json?: unknown,
    token?: string,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ): Promise<any> => {
    const res = await fetch(`${w.base}${path}`, {
      method,
      headers: {
        ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    });
    const text = await res.text();
    return text ? JSON.parse(text) : undefined;
  };
  return { base: w.base, call };
};

export const signIn = async (page: Page, base: string, section: string, token: string) => {
  await page.goto(`${base}/${section}/sign-in`);
  await page.getByTestId(`sign-in-${token}`).click();
};
