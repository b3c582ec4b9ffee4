#!/usr/bin/env node
/* global fetch, setTimeout, clearTimeout, AbortController, crypto */
// A well-behaved Webex Wholesale client, driven by provisim's client task protocol (README, "Test
// your own client"). Plain Node (20+), no dependencies. It passes `provisim verify-client`:
//   npx provisim verify-client -- node examples/clients/reference-client.mjs
// Your own adapter does the same with your service: read the task, call your code, write the result.
import { readFileSync, writeFileSync } from 'node:fs';

const env = process.env;
const base = env.PROVISIM_BASE_URL;
const token = env.PROVISIM_TOKEN;
const task = env.PROVISIM_TASK;
const input = env.PROVISIM_TASK_INPUT
  ? JSON.parse(env.PROVISIM_TASK_INPUT)
  : env.PROVISIM_TASK_FILE
    ? JSON.parse(readFileSync(env.PROVISIM_TASK_FILE, 'utf8')).input
    : {};
const requestTimeoutMs = Number(env.PROVISIM_REQUEST_TIMEOUT_MS ?? 10_000);
const pollIntervalMs = Number(env.PROVISIM_POLL_INTERVAL_MS ?? 1000);
const MAX_RETRIES = 5;

/** Statuses a customer does not leave by itself: stop polling there. */
const TERMINAL = new Set(['provisioned', 'provisioned_with_errors', 'error']);

class Timeout extends Error {}
class HttpError extends Error {
  constructor(status, body) {
    super(`${status}: ${body?.message ?? JSON.stringify(body)}`);
    this.status = status;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line) => console.log(`[reference] ${line}`);

/** Retry-After in ms: seconds, or an HTTP date; 1 s when the answer gives none. */
const retryAfterMs = (value) => {
  if (value === null) return 1000;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? 1000 : Math.max(0, at - Date.now());
};

/**
 * One call to Webex. Sends the token on every call. Retries 429 and 503 only, after waiting as
 * Retry-After asks; any other error answer is final (retrying a 4xx gets the same answer again).
 */
const call = async (method, url, body) => {
  for (let attempt = 0; ; attempt++) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), requestTimeoutMs);
    let res;
    let text;
    try {
      res = await fetch(url, {
        method,
        signal: controller.signal,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          'user-agent': 'provisim-reference-client/1.0',
          trackingid: `REFERENCE_${crypto.randomUUID()}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      text = await res.text();
    } catch (error) {
      if (!controller.signal.aborted) throw error;
      // A read may be sent again; a create may not (it may have been done): the caller decides.
      if (method === 'GET' && attempt < MAX_RETRIES) continue;
      throw new Timeout(`${method} ${url}: no answer within ${requestTimeoutMs} ms`);
    } finally {
      clearTimeout(timer);
    }
    const json = text ? JSON.parse(text) : undefined;
    if ((res.status === 429 || res.status === 503) && attempt < MAX_RETRIES) {
      const wait = retryAfterMs(res.headers.get('retry-after'));
      log(`${method} ${new URL(url).pathname} answered ${res.status}: waiting ${wait} ms as asked`);
      await sleep(wait);
      continue;
    }
    if (!res.ok) throw new HttpError(res.status, json);
    return { status: res.status, headers: res.headers, body: json };
  }
};

const finish = (result, code) => {
  if (env.PROVISIM_OUTPUT) writeFileSync(env.PROVISIM_OUTPUT, JSON.stringify(result));
  log(`done: ${JSON.stringify(result)}`);
  process.exit(code);
};

/** After a create timed out, the customer it may have made, looked up by externalId (never re-sent). */
const findByExternalId = async (externalId) => {
  for (let i = 0; i < 10; i++) {
    const found = await call(
      'GET',
      `${base}/v1/wholesale/customers?externalId=${encodeURIComponent(externalId)}`,
    );
    const item = found.body.items[0];
    if (item) return `${base}/v1/wholesale/customers/${item.id}`;
    await sleep(pollIntervalMs);
  }
  return undefined;
};

/** Reads a resource until it reaches a status it will not leave by itself, at a polite interval. */
const pollUntilSettled = async (location, settled) => {
  for (;;) {
    const { body } = await call('GET', location);
    if (settled(body.status)) return body;
    log(`${body.status}: looking again in ${pollIntervalMs} ms`);
    await sleep(pollIntervalMs);
  }
};

const provisionCustomer = async () => {
  let location;
  try {
    const created = await call('POST', `${base}/v1/wholesale/customers`, input);
    location = created.headers.get('location') ?? created.body.url;
  } catch (error) {
    if (!(error instanceof Timeout)) throw error;
    log(`${error.message}: looking it up by externalId instead of sending it again`);
    location = await findByExternalId(input.externalId);
    if (!location) return finish({ status: 'unknown', externalId: input.externalId }, 2);
  }
  const customer = await pollUntilSettled(location, (s) => TERMINAL.has(s));
  finish({ id: customer.id, status: customer.status }, customer.status === 'error' ? 1 : 0);
};

/** The `rel="next"` URL of a Link header, if any. */
const nextLink = (link) => {
  for (const part of (link ?? '').split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m) return m[1];
  }
  return undefined;
};

const listCustomers = async () => {
  const ids = [];
  let url = `${base}/v1/wholesale/customers?max=${input.max ?? 100}`;
  while (url) {
    const page = await call('GET', url);
    ids.push(...page.body.items.map((c) => c.id));
    url = nextLink(page.headers.get('link'));
  }
  finish({ ids }, 0);
};

const provisionSubscriber = async () => {
  const created = await call('POST', `${base}/v1/wholesale/subscribers`, input);
  const sub = created.body;
  if (sub.status === 'pending_user_migration') {
    // The user has a free Webex account: Webex mailed them; the move waits for their consent.
    log('pending_user_migration: the user must accept the move (consent mail sent); not waiting');
    return finish({ id: sub.id, status: sub.status }, 0);
  }
  const settled = (s) => s === 'provisioned' || s === 'error' || s === 'pending_user_migration';
  const final = settled(sub.status)
    ? sub
    : await pollUntilSettled(created.headers.get('location'), settled);
  finish({ id: final.id, status: final.status }, final.status === 'error' ? 1 : 0);
};

const tasks = {
  'provision-customer': provisionCustomer,
  'list-customers': listCustomers,
  'provision-subscriber': provisionSubscriber,
};

if (!tasks[task]) {
  console.error(`unknown task ${task} (known: ${Object.keys(tasks).join(', ')})`);
  process.exit(64);
}
try {
  await tasks[task]();
} catch (error) {
  console.error(`[reference] ${task} failed: ${error.message}`);
  finish({ status: 'failed', error: error.message }, 1);
}
