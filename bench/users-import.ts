// `npm run bench`, users CSV import (issue 6): a 20,000-row CSV made with seeded faker, imported
// through the route in-process, beside csv-parse alone on the same bytes in the same run.
import { performance } from 'node:perf_hooks';
import { base, en, Faker } from '@faker-js/faker';
import { parse } from '#csv-parse';
import { createApp } from '../simulator/http/create-app.ts';
import { createMemoryStore } from '../simulator/store/memory-store.ts';

export const CSV_ROWS = 20_000;
const HEADER =
  'User ID/Email (Required),First Name,Last Name,Display Name,Extension,Location,Preferred Webex Site,Webex Calling [Wholesale],Webex Meetings [Wholesale]';

/** The same file for the same seed: half calling users with an extension, half meetings users. */
export const usersCsv = (rows: number, seed = 6): string => {
  const faker = new Faker({ locale: [en, base] });
  faker.seed(seed);
  faker.setDefaultRefDate('2026-01-01T00:00:00Z');
  const lines = [HEADER];
  for (let i = 0; i < rows; i += 1) {
    const first = faker.person.firstName().replace(/,/g, '');
    const last = faker.person.lastName().replace(/,/g, '');
    const email =
      `${faker.internet.username({ firstName: first, lastName: last }).replace(/[^\w.-]/g, '')}.${i}@bench.example`.toLowerCase();
    lines.push(
      i % 2 === 0
        ? `${email},${first},${last},"${last}, ${first}",${10000 + i},Headquarters,,TRUE,`
        : `${email},${first},${last},,,,bench.webex.com,,TRUE`,
    );
  }
  return `${lines.join('\n')}\n`;
};

/** The Partner Hub customer the CSV is imported into (`POST /partner-hub/api/customers`). */
export const importCustomer = (provisioningId: string) => ({
  companyName: 'Bench Co',
  adminEmail: 'admin@bench.example',
  provisioningId,
  packages: ['webex_calling', 'webex_meetings'],
  headquarters: { addressLine1: '1 Bench Way', city: 'Austin', country: 'US' },
  supportedLocationAttested: true,
});

export interface ImportFigures {
  readonly rows: number;
  readonly bytes: number;
  readonly importMs: number;
  readonly importRowsPerSecond: number;
  readonly parseMs: number;
  readonly parseRowsPerSecond: number;
  readonly ratio: number;
  readonly peakRssMb: number;
  readonly rssGrowthMb: number;
}

export const benchUsersImport = async (): Promise<ImportFigures> => {
  const csv = usersCsv(CSV_ROWS);
  const bytes = new TextEncoder().encode(csv).length;
  const parseStart = performance.now();
  const parsed = parse(csv, { info: true, skip_empty_lines: true }) as unknown[];
  const parseMs = performance.now() - parseStart;
  if (parsed.length !== CSV_ROWS + 1) throw new Error(`csv-parse read ${parsed.length} records`);

  const app = createApp({
    store: createMemoryStore(),
    newStore: createMemoryStore,
    log: () => undefined,
  });
  const json = { 'content-type': 'application/json', authorization: 'Bearer acme-admin' };
  const world = (await (await app.request('/sim/world')).json()) as {
    partners: { templates: { offer: string; provisioningId: string }[] }[];
  };
  const provisioningId = world.partners[0]!.templates.find(
    (t) => t.offer === 'wholesale',
  )!.provisioningId;
  const body = JSON.stringify(importCustomer(provisioningId));
  const id = (
    (await (
      await app.request('/partner-hub/api/customers', { method: 'POST', headers: json, body })
    ).json()) as { id: string }
  ).id;
  await app.request('/sim/clock', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advance: 'PT5M' }),
  });

  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const start = performance.now();
  const res = await app.request(`/partner-hub/api/customers/${id}/users/csv`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: 'Bearer acme-admin' },
    body: csv,
  });
  const report = (await res.json()) as { summary: { created: number } };
  const importMs = performance.now() - start;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  if (report.summary.created !== CSV_ROWS)
    throw new Error(
      `the import created ${report.summary.created} users: ${JSON.stringify(report.summary)}`,
    );
  const mb = (n: number) => n / 1024 / 1024;
  return {
    rows: CSV_ROWS,
    bytes,
    importMs,
    importRowsPerSecond: (CSV_ROWS / importMs) * 1000,
    parseMs,
    parseRowsPerSecond: (CSV_ROWS / parseMs) * 1000,
    ratio: importMs / parseMs,
    peakRssMb: mb(peak),
    rssGrowthMb: mb(peak - rss0),
  };
};
