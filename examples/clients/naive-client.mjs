#!/usr/bin/env node
/* global fetch, setTimeout, clearTimeout, AbortController */
// A naive Webex Wholesale client, written the way clients often start out. It works on a good day,
// and `provisim verify-client` shows where it does not:
//   npx provisim verify-client -- node examples/clients/naive-client.mjs
// Its habits: it retries every failure at once (Retry-After unread, 4xx included, a create that
// timed out sent again), polls as fast as it can until `provisioned` (and so never stops at
// `error`), reads only the first page of a list, and treats `pending_user_migration` as in progress.
import { writeFileSync } from 'node:fs';

const env = process.env;
const base = env.PROVISIM_BASE_URL;
const input = JSON.parse(env.PROVISIM_TASK_INPUT ?? '{}');
const timeoutMs = Number(env.PROVISIM_REQUEST_TIMEOUT_MS ?? 10_000);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const call = async (method, url, body) => {
  let last;
  for (let attempt = 0; attempt < 4; attempt++) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const res = await fetch(url, {
        method,
        signal: controller.signal,
        headers: {
          authorization: `Bearer ${env.PROVISIM_TOKEN}`,
          'content-type': 'application/json',
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const json = await res.json().catch(() => undefined);
      if (res.ok) return { headers: res.headers, body: json };
      last = new Error(`${res.status}`);
    } catch (error) {
      last = error;
    } finally {
      clearTimeout(timer);
    }
  }
  throw last;
};

const finish = (result, code) => {
  if (env.PROVISIM_OUTPUT) writeFileSync(env.PROVISIM_OUTPUT, JSON.stringify(result));
  console.log(`[naive] done: ${JSON.stringify(result)}`);
  process.exit(code);
};

const waitFor = async (url) => {
  for (;;) {
    const { body } = await call('GET', url);
    if (body.status === 'provisioned') return body;
    await sleep(100);
  }
};

const tasks = {
  'provision-customer': async () => {
    const created = await call('POST', `${base}/v1/wholesale/customers`, input);
    const customer = await waitFor(created.headers.get('location'));
    finish({ id: customer.id, status: customer.status }, 0);
  },
  'list-customers': async () => {
    const { body } = await call('GET', `${base}/v1/wholesale/customers?max=${input.max ?? 100}`);
    finish({ ids: body.items.map((c) => c.id) }, 0);
  },
  'provision-subscriber': async () => {
    const { body } = await call('POST', `${base}/v1/wholesale/subscribers`, input);
    const sub = await waitFor(`${base}/v1/wholesale/subscribers/${body.id}`);
    finish({ id: sub.id, status: sub.status }, 0);
  },
};

try {
  await tasks[env.PROVISIM_TASK]();
} catch (error) {
  finish({ status: 'failed', error: String(error?.message ?? error) }, 1);
}
