import type { Scenario, Step } from './scenario-schema.ts';

/**
 * `provisim verify-client`: the built-in client conformance suite. Each case is a scenario: it sets
 * up a world (delays, a running clock, faults), runs the client under test with one task of the
 * client task protocol, and judges what the client sent (the request journal) and reported.
 */

/** The interval the suite states: a client polls a resource in progress no more often than this. */
export const POLL_INTERVAL_MS = 1000;
/** How long the suite tells a client to wait for an answer before it counts as timed out. */
export const REQUEST_TIMEOUT_MS = 2000;

/** The environment every case gives the client, besides the task. */
const HINTS = {
  PROVISIM_POLL_INTERVAL_MS: String(POLL_INTERVAL_MS),
  PROVISIM_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
};

const CUSTOMERS = '/v1/wholesale/customers';
const CUSTOMER = '/v1/wholesale/customers/*';

const customerInput = (key: string) => ({
  provisioningId: '${pid}',
  packages: ['webex_meetings'],
  externalId: `verify-${key}`,
  address: { addressLine1: '1 Main St', city: 'Austin', state: 'TX', country: 'US' },
  customerInfo: { name: `Verify ${key}`, primaryEmail: `admin@${key}.example` },
});

/** The world a case starts from: the template's id captured, quick provisioning, a running clock. */
const setup = (customerDelay = 'PT1S'): Step[] => [
  {
    name: 'the partner and its template',
    request: { as: 'acme-admin', method: 'GET', path: '/sim/world' },
    capture: {
      pid: 'body.partners[0].templates[0].provisioningId',
      freeEmail: 'body.freeAccounts[0]',
    },
  },
  {
    name: `customers take ${customerDelay} to provision`,
    request: {
      method: 'PATCH',
      path: '/sim/config',
      json: { delays: { customer: customerDelay } },
    },
    expect: { status: 200 },
  },
  { name: 'the clock runs while the client does', clock: { mode: 'running' } },
];

const fault = (add: Record<string, unknown>): Step => ({ fault: { add } });

const client = (
  run: string,
  task: string,
  input: unknown,
  more: {
    expectExit?: number | 'nonzero' | 'any';
    expectOutput?: unknown;
    timeout?: string;
    because?: string;
  } = {},
): Step => ({
  name: `the client: ${task}`,
  client: {
    run,
    task: { name: task, input },
    env: HINTS,
    timeout: more.timeout ?? 'PT30S',
    expectExit: more.expectExit ?? 0,
    ...(more.expectOutput !== undefined ? { expectOutput: more.expectOutput } : {}),
    ...(more.because !== undefined ? { because: more.because } : {}),
  },
});

type Requests = Extract<Step, { requests: unknown }>['requests'];
const requests = (name: string, r: Partial<Requests>): Step =>
  ({ name, requests: { match: {}, ...r } }) as Step;

const scenario = (
  id: string,
  title: string,
  rules: string[],
  steps: Step[],
  extra: Partial<Scenario> = {},
): Scenario => ({
  id,
  title,
  rules,
  seed: 1,
  steps,
  ...extra,
});

/** The outcome fault pinned in api.md (Wave 2): used once the target accepts it. */
const PROVISIONED_WITH_ERRORS_FAULT = {
  on: 'customer',
  outcome: 'provisioned_with_errors',
  package: 'webex_meetings',
  errorCode: 4001,
  description: 'Meetings could not be enabled for the site.',
};

/** The cases, for a client command (a shell command line). */
export const clientCases = (run: string): Scenario[] => [
  scenario(
    'sends-authorization',
    'Sends Authorization on every call, and provisions a customer',
    ['SIM-3'],
    [
      ...setup(),
      client(run, 'provision-customer', customerInput('auth'), {
        expectOutput: { status: 'provisioned' },
      }),
      requests('every call carries the token', {
        match: { token: 'none' },
        count: 0,
        because: 'Webex answers 401 to a call without "Authorization: Bearer <token>"',
      }),
      requests('it called at all', { match: { token: 'acme-admin' }, count: { min: 2 } }),
    ],
  ),
  scenario(
    'follows-location',
    'After 202 Accepted, reads the customer at Location until it is provisioned',
    ['ORG-1'],
    [
      ...setup(),
      client(run, 'provision-customer', customerInput('location'), {
        expectOutput: { status: 'provisioned' },
      }),
      requests('the 202, then the resource it points to', {
        order: [
          { method: 'POST', path: CUSTOMERS, status: 202 },
          { method: 'GET', path: CUSTOMER, status: 200 },
        ],
        because: 'a 202 means "accepted, still provisioning": read Location to learn the outcome',
      }),
    ],
  ),
  scenario(
    'retry-after-429',
    'Waits as Retry-After asks after 429 Too Many Requests, then sends the create again',
    ['SIM-4'],
    [
      ...setup(),
      fault({ method: 'POST', path: CUSTOMERS, status: 429, retryAfter: 1, times: 1 }),
      client(run, 'provision-customer', customerInput('rate-limited'), {
        expectOutput: { status: 'provisioned' },
        because: 'a 429 is temporary: wait and send again',
      }),
      requests('the 429, the wait, the retry', {
        match: { method: 'POST', path: CUSTOMERS },
        count: 2,
        order: [{ status: 429 }, { status: 202 }],
        honoursRetryAfter: true,
        because: 'Retry-After: 1 asks for a second before the next try',
      }),
    ],
  ),
  scenario(
    'retry-after-503',
    'Waits as Retry-After asks after 503 Service Unavailable, then reads again',
    ['SIM-4'],
    [
      ...setup(),
      fault({ method: 'GET', path: CUSTOMERS, status: 503, retryAfter: 1, times: 1 }),
      client(run, 'list-customers', { max: 10 }, { expectOutput: { ids: [] } }),
      requests('the 503, the wait, the retry', {
        match: { method: 'GET', path: CUSTOMERS },
        count: 2,
        order: [{ status: 503 }, { status: 200 }],
        honoursRetryAfter: true,
        because: 'Retry-After: 1 asks for a second before the next try',
      }),
    ],
  ),
  scenario(
    'no-retry-on-4xx',
    'Does not retry a 4xx other than 429 (here 404: an unknown provisioning ID), and fails the task',
    ['SIM-2', 'TPL-1'],
    [
      ...setup(),
      client(
        run,
        'provision-customer',
        { ...customerInput('unknown-template'), provisioningId: 'no-such-template' },
        { expectExit: 'nonzero', because: 'the customer cannot be created: the task failed' },
      ),
      requests('one create, answered 404', {
        match: { method: 'POST', path: CUSTOMERS },
        count: 1,
        because: 'a 4xx other than 429 gets the same answer again: report it, do not retry',
      }),
    ],
  ),
  scenario(
    'polls-politely',
    `Polls a provisioning customer no more often than every ${POLL_INTERVAL_MS / 1000} s (PROVISIM_POLL_INTERVAL_MS)`,
    ['SIM-1', 'ORG-1'],
    [
      ...setup('PT3S'),
      client(run, 'provision-customer', customerInput('polling'), {
        expectOutput: { status: 'provisioned' },
      }),
      requests('the polls, a second apart', {
        match: { method: 'GET', path: CUSTOMER },
        count: { min: 2 },
        minGap: { wall: `PT${POLL_INTERVAL_MS / 1000}S` },
        because: `the stated interval is ${POLL_INTERVAL_MS} ms`,
      }),
    ],
  ),
  scenario(
    'stops-at-error',
    'Stops polling a customer that ends in error, and fails the task',
    ['SIM-4', 'ORG-1'],
    [
      ...setup(),
      fault({ on: 'customer', errorCode: 4002, description: 'The site could not be created.' }),
      client(run, 'provision-customer', customerInput('error'), {
        timeout: 'PT8S',
        expectExit: 'nonzero',
        expectOutput: { status: 'error' },
        because: 'error is terminal: the customer will not change by itself',
      }),
      requests('no polls after error', {
        match: { method: 'GET', path: CUSTOMER },
        count: { min: 1, max: 4 },
        because: 'the customer is in error after 1 s: a poll a second finds it by the third look',
      }),
    ],
  ),
  scenario(
    'stops-at-provisioned-with-errors',
    'Stops polling a customer that ends provisioned_with_errors, and reports that status',
    ['SIM-4', 'ORG-1'],
    [
      ...setup(),
      fault(PROVISIONED_WITH_ERRORS_FAULT),
      client(run, 'provision-customer', customerInput('with-errors'), {
        timeout: 'PT8S',
        expectExit: 'any',
        expectOutput: { status: 'provisioned_with_errors' },
        because: 'provisioned_with_errors is terminal: the customer will not change by itself',
      }),
      requests('no polls after provisioned_with_errors', {
        match: { method: 'GET', path: CUSTOMER },
        count: { min: 1, max: 4 },
      }),
    ],
    { requires: { faults: [PROVISIONED_WITH_ERRORS_FAULT] } },
  ),
  scenario(
    'pages-through-link',
    'Lists every customer by following Link rel="next" to the last page',
    ['SIM-3'],
    [
      ...setup(),
      ...Array.from({ length: 7 }, (_, i): Step => ({
        name: `customer ${i + 1} of 7`,
        request: {
          as: 'acme-admin',
          method: 'POST',
          path: CUSTOMERS,
          json: customerInput(`page-${i + 1}`),
        },
        expect: { status: 202 },
      })),
      client(
        run,
        'list-customers',
        { max: 3 },
        {
          expectOutput: { ids: Array.from({ length: 7 }, () => '*') },
          because: '7 customers at 3 a page',
        },
      ),
      requests('three pages', {
        match: { method: 'GET', path: CUSTOMERS },
        count: 3,
        because: '7 customers at 3 a page: follow Link rel="next" until there is none',
      }),
    ],
  ),
  scenario(
    'pending-user-migration',
    'Reports a subscriber pending_user_migration (the user must consent) without waiting or resending',
    ['USR-1', 'TPL-1'],
    [
      ...setup(),
      {
        name: 'a customer',
        request: {
          as: 'acme-admin',
          method: 'POST',
          path: CUSTOMERS,
          json: customerInput('migration'),
        },
        capture: { customer: 'headers.location | last-segment' },
      },
      {
        name: 'provisioned',
        waitFor: {
          request: { as: 'acme-admin', method: 'GET', path: '/v1/wholesale/customers/${customer}' },
          until: { status: 'provisioned' },
          every: 'PT1S',
          within: 'PT1M',
        },
      },
      client(
        run,
        'provision-subscriber',
        {
          customerId: '${customer}',
          email: '${freeEmail}',
          package: 'webex_meetings',
          provisioningParameters: { firstName: 'Free', lastName: 'Account' },
        },
        {
          timeout: 'PT8S',
          expectOutput: { status: 'pending_user_migration' },
          because:
            'pending_user_migration waits for the user to accept the move: report it, it is no failure',
        },
      ),
      requests('one create', {
        match: { method: 'POST', path: '/v1/wholesale/subscribers' },
        count: 1,
      }),
    ],
  ),
  scenario(
    'one-create-per-external-id',
    'Never sends the same create twice for one externalId, even when the first times out',
    ['SIM-4', 'ORG-1'],
    [
      ...setup(),
      fault({ method: 'POST', path: CUSTOMERS, latencyMs: REQUEST_TIMEOUT_MS + 1000, times: 1 }),
      client(run, 'provision-customer', customerInput('slow-create'), {
        expectExit: 'any',
        timeout: 'PT30S',
      }),
      requests('creates, by externalId', {
        match: { method: 'POST', path: CUSTOMERS },
        unique: 'externalId',
        because:
          'a create that timed out may have been done: look the customer up by externalId instead of sending it again',
      }),
    ],
  ),
];
