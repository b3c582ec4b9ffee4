import { stringify } from 'yaml';
import { canMove } from '../simulator/core/kernel/state-table.ts';
import { CUSTOMER_STATES } from '../simulator/core/organisations/customer-states.ts';
import type { CustomerStatus } from '../simulator/core/organisations/model.ts';

/**
 * The generated part of the scenario library (issue 17): scenarios made from tables (every cell
 * of the customer state table, the CCW offers' windows, the role matrix, the error codes, the fault
 * kinds). Each is an ordinary scenario file, readable and runnable on its own;
 * `scripts/gen-scenario-library.ts` writes them to scenarios/ (`npm run gen`).
 */
export interface LibraryScenario {
  readonly id: string;
  readonly title: string;
  readonly rules: readonly string[];
  readonly steps: readonly Record<string, unknown>[];
}

type Step = Record<string, unknown>;

const ADMIN = 'acme-admin';
const ADDRESS = { addressLine1: '1 Main St', city: 'Austin', stateOrProvince: 'TX', country: 'US' };

const pidStep: Step = {
  request: { path: '/sim/world' },
  capture: { pid: 'body.partners[0].templates[0].provisioningId' },
};

const customerJson = (externalId: string, extra: Record<string, unknown> = {}) => ({
  provisioningId: '${pid}',
  packages: ['webex_meetings'],
  externalId,
  address: ADDRESS,
  customerInfo: { name: `Cell ${externalId}`, primaryEmail: `it@${externalId}.example` },
  ...extra,
});

const createCustomer = (externalId: string): Step[] => [
  pidStep,
  {
    request: {
      as: ADMIN,
      method: 'POST',
      path: '/v1/wholesale/customers',
      json: customerJson(externalId),
    },
    expect: { status: 202 },
    capture: { id: 'body.url | last-segment' },
  },
  {
    request: { as: ADMIN, path: '/v1/wholesale/customers/${id}' },
    expect: { status: 200, body: { status: 'provisioning' } },
  },
];

const customerIs = (status: string): Step => ({
  request: { as: ADMIN, path: '/v1/wholesale/customers/${id}' },
  expect: { status: 200, body: { status } },
});

const customerGone: Step = {
  request: { as: ADMIN, path: '/v1/wholesale/customers/${id}' },
  expect: { status: 404 },
};

const stepFault = (outcome: string, errorCode: number, description: string): Step => ({
  fault: {
    add: {
      on: 'customer',
      ...(outcome === 'error' ? {} : { outcome }),
      errorCode,
      description,
      times: 1,
    },
  },
});

const advance = (by: string): Step => ({ clock: { advance: by } });

const put: Step = {
  request: {
    as: ADMIN,
    method: 'PUT',
    path: '/v1/wholesale/customers/${id}',
    json: { packages: ['webex_meetings'] },
  },
};
const del: Step = {
  request: { as: ADMIN, method: 'DELETE', path: '/v1/wholesale/customers/${id}' },
};

/** The steps that bring a new customer to a status, through what Webex does and step faults. */
const reach = (status: CustomerStatus, ext: string): Step[] => {
  switch (status) {
    case 'provisioning':
      return createCustomer(ext);
    case 'provisioned':
      return [...createCustomer(ext), advance('PT5M'), customerIs('provisioned')];
    case 'provisioned_with_errors':
      return [
        stepFault('provisioned_with_errors', 4101, 'Meetings site could not be created'),
        ...createCustomer(ext),
        advance('PT5M'),
        customerIs('provisioned_with_errors'),
      ];
    case 'error':
      return [
        stepFault('error', 4003, 'Calling location could not be created'),
        ...createCustomer(ext),
        advance('PT5M'),
        customerIs('error'),
      ];
    case 'pending_rpl_review':
      return [
        stepFault('pending_rpl_review', 4500, 'Held for Denied Party List review'),
        ...createCustomer(ext),
        advance('PT5M'),
        customerIs('pending_rpl_review'),
      ];
    case 'updating':
      return [
        ...reach('provisioned', ext),
        { ...put, expect: { status: 202 } },
        customerIs('updating'),
      ];
    case 'deleting':
      return [
        ...reach('provisioned', ext),
        { ...del, expect: { status: 202 } },
        customerIs('deleting'),
      ];
  }
};

/** A refused move: 409, 1200 (the state forbids the request) or 1202 (the table has no such move). */
const refused = (code: 1200 | 1202) => ({
  status: 409,
  body: { errors: [{ errorCode: code }], trackingId: '*' },
});

/** What the customer's own steps do from a status, as the table says. */
const stepFrom: Readonly<Record<CustomerStatus, { by: string; then: Step[]; what: string }>> = {
  provisioning: {
    by: 'PT5M',
    then: [customerIs('provisioned')],
    what: 'the provisioning step ends: provisioned',
  },
  pending_rpl_review: {
    by: 'PT10M',
    then: [customerIs('provisioning'), advance('PT5M'), customerIs('provisioned')],
    what: 'the review passes after delays.rplReview: provisioning, then provisioned',
  },
  provisioned: {
    by: 'P1D',
    then: [customerIs('provisioned')],
    what: 'no step: it stays provisioned',
  },
  provisioned_with_errors: {
    by: 'P1D',
    then: [customerIs('provisioned_with_errors')],
    what: 'no step: it stays provisioned_with_errors',
  },
  updating: {
    by: 'PT2M',
    then: [customerIs('provisioned')],
    what: 'the update step ends: provisioned',
  },
  error: { by: 'P1D', then: [customerIs('error')], what: 'no step: it stays in error until a PUT' },
  deleting: {
    by: 'PT1M',
    then: [customerGone],
    what: 'the delete step ends: the customer is gone',
  },
};

const slug = (s: string) => s.replace(/_/g, '-');

/** Every row of the customer state table, by each thing that can happen to a customer. */
const customerTable = (): LibraryScenario[] => {
  const out: LibraryScenario[] = [];
  for (const from of CUSTOMER_STATES.statuses) {
    const ext = `cst-${slug(from)}`;
    const canUpdate = canMove(CUSTOMER_STATES, from, 'updating');
    out.push({
      id: `state-customer-${slug(from)}-put`,
      title: `A customer in ${from}: PUT ${canUpdate ? 'moves it to updating (202)' : 'is refused (409, 1200) and changes nothing'}`,
      rules: [canUpdate ? 'SIM-1' : 'SIM-2'],
      steps: [
        ...reach(from, `${ext}-put`),
        canUpdate ? { ...put, expect: { status: 202 } } : { ...put, expect: refused(1200) },
        customerIs(canUpdate ? 'updating' : from),
      ],
    });
    const canDelete = canMove(CUSTOMER_STATES, from, 'deleting');
    out.push({
      id: `state-customer-${slug(from)}-delete`,
      title: `A customer in ${from}: DELETE ${canDelete ? 'moves it to deleting (202), then it is gone' : 'is refused (409, 1202)'}`,
      rules: [canDelete ? 'SIM-1' : 'SIM-2'],
      steps: [
        ...reach(from, `${ext}-del`),
        canDelete ? { ...del, expect: { status: 202 } } : { ...del, expect: refused(1202) },
        ...(canDelete
          ? [customerIs('deleting'), advance('PT1M'), customerGone]
          : [customerIs(from)]),
      ],
    });
    const step = stepFrom[from];
    out.push({
      id: `state-customer-${slug(from)}-clock`,
      title: `A customer in ${from}, as the virtual clock moves ${step.by}: ${step.what}`,
      rules: ['SIM-1'],
      steps: [...reach(from, `${ext}-clk`), advance(step.by), ...step.then],
    });
  }
  // The update step's two faulted ends.
  for (const [outcome, code] of [
    ['provisioned_with_errors', 4101],
    ['error', 4003],
  ] as const) {
    out.push({
      id: `state-customer-updating-to-${slug(outcome)}`,
      title: `A customer in updating whose update step fails ends in ${outcome}`,
      rules: ['SIM-4', 'SIM-1'],
      steps: [
        ...reach('updating', `upd-${slug(outcome)}`),
        stepFault(outcome, code, 'The update failed'),
        advance('PT2M'),
        customerIs(outcome),
      ],
    });
  }
  return out;
};

/** The CCW offers' windows (CCW-5): open a minute before the end, closed at it. */
const ccwWindows = (): LibraryScenario[] =>
  (
    [
      ['A-FLEX', 7],
      ['A-FLEX-3', 7],
      ['COLLAB-FLEX', 30],
      ['EA', 30],
    ] as const
  ).flatMap(([offer, days]) => {
    const closes = new Date(Date.parse('2026-01-01T00:00:00Z') + days * 86_400_000).toISOString();
    const order: Step = {
      request: {
        as: 'acme-orderer',
        method: 'POST',
        path: '/ccw/api/orders',
        json: {
          lines: [
            {
              offer,
              provisioningContactEmail: `buyer@${offer.toLowerCase()}.example`,
              requestedStartDate: '2026-01-01',
            },
          ],
        },
      },
      expect: {
        status: 201,
        body: { lines: [{ status: 'awaiting_provisioning_details', closesAt: closes }] },
      },
      capture: { orderId: 'body.id', lineId: 'body.lines[0].id' },
    };
    const line = (status: string): Step => ({
      request: { as: 'acme-orderer', path: '/ccw/api/orders/${orderId}' },
      expect: { status: 200, body: { lines: [{ status }] } },
    });
    const id = `ccw-5-window-${offer.toLowerCase()}`;
    return [
      {
        id: `${id}-closes`,
        title: `An ${offer} line waits ${days} days for setup, then closes to the minute`,
        rules: ['CCW-5', 'CCW-1'],
        steps: [
          order,
          advance(`P${days - 1}DT23H59M`),
          line('awaiting_provisioning_details'),
          advance('PT1M'),
          line('closed'),
        ],
      },
      {
        id: `${id}-setup-in-time`,
        title: `An ${offer} line set up within its window is provisioned when the customer is`,
        rules: ['CCW-4', 'CCW-5'],
        steps: [
          order,
          advance(`P${days - 1}D`),
          {
            mail: { to: `buyer@${offer.toLowerCase()}.example`, open: 'Set Up Your Service' },
            capture: { token: 'link | last-segment' },
          },
          {
            request: {
              method: 'POST',
              path: '/ccw/api/setup/${token}',
              json: {
                companyName: `${offer} Shop`,
                adminEmail: `admin@${offer.toLowerCase()}.example`,
                headquarters: ADDRESS,
              },
            },
            expect: { status: 201 },
          },
          advance('PT10M'),
          line('provisioned'),
        ],
      },
    ];
  });

type RoleCell = readonly [role: string, door: string, method: string, path: string, status: number];

/** The role matrix (README, Identity and roles; SIM-3, CCW-7): one request per cell. */
const ROLE_CELLS: readonly RoleCell[] = (
  ['admin', 'readonly', 'orderer', 'viewer'] as const
).flatMap((role): RoleCell[] => {
  const read = role === 'admin' || role === 'readonly' ? 200 : 403;
  return [
    [role, 'v1-read', 'GET', '/v1/wholesale/customers', read],
    [role, 'partner-hub-read', 'GET', '/partner-hub/api/customers', read],
    [role, 'ccw-read', 'GET', '/ccw/api/orders', 200],
    [role, 'v1-write', 'POST', '/v1/wholesale/customers', role === 'admin' ? 400 : 403],
    [role, 'partner-hub-write', 'POST', '/partner-hub/api/customers', role === 'admin' ? 400 : 403],
    [
      role,
      'ccw-order',
      'POST',
      '/ccw/api/orders',
      role === 'admin' || role === 'orderer' ? 400 : 403,
    ],
  ];
});

const roles = (): LibraryScenario[] => {
  const byRole = new Map<string, RoleCell[]>();
  for (const c of ROLE_CELLS)
    byRole.set(`${c[0]}-${c[1].split('-')[0]}`, [
      ...(byRole.get(`${c[0]}-${c[1].split('-')[0]}`) ?? []),
      c,
    ]);
  return [...byRole.entries()].map(([key, cells]) => {
    const [role, door] = [cells[0]![0], cells[0]![1].split('-')[0]!];
    return {
      id: `sim-3-role-${key}`,
      title: `The ${role} role at the ${door === 'v1' ? '/v1' : door === 'partner' ? 'Partner Hub' : 'CCW'} door: ${cells
        .map(
          ([, d, m, , s]) =>
            `${m} ${d.endsWith('read') ? 'reads' : 'writes'} ${s === 403 ? '403' : 'allowed'}`,
        )
        .join(', ')}`,
      rules: door === 'ccw' ? ['SIM-3', 'CCW-7'] : ['SIM-3'],
      steps: cells.map(([, , method, path, status]) => ({
        request: {
          as: `acme-${role}`,
          method,
          path,
          ...(method === 'POST' ? { json: {} } : {}),
        },
        // An allowed write of an empty body reaches validation (400); a refused one stops at 403.
        expect: { status, ...(status >= 400 ? { body: { message: '*', trackingId: '*' } } : {}) },
      })),
    };
  });
};

/** Tokens: none and unknown answer 401 on every door; another partner's object is 404. */
const tokens = (): LibraryScenario[] =>
  (
    [
      ['v1', '/v1/wholesale/customers'],
      ['partner-hub', '/partner-hub/api/customers'],
      ['ccw', '/ccw/api/orders'],
    ] as const
  ).flatMap(([door, path]) => [
    {
      id: `sim-3-no-token-${door}`,
      title: `${path} without a token, or with an unknown one, answers 401 in the Webex error shape`,
      rules: ['SIM-3', 'SIM-2'],
      steps: [
        {
          request: { path },
          expect: {
            status: 401,
            body: { message: '*', errors: [{ description: '*' }], trackingId: '*' },
          },
        },
        {
          request: { path, headers: { authorization: 'Bearer nobody-admin' } },
          expect: { status: 401 },
        },
      ],
    },
  ]);

/** One scenario per error code of the README's table, at a door that answers it. */
const errorCodes = (): LibraryScenario[] => {
  const v1 = (json: unknown, status: number, code: number | undefined, extra: Step = {}): Step => ({
    request: { as: ADMIN, method: 'POST', path: '/v1/wholesale/customers', json },
    expect: {
      status,
      body: {
        errors: [code === undefined ? { description: '*' } : { errorCode: code }],
        trackingId: '*',
      },
    },
    ...extra,
  });
  const nothing: Step = {
    request: { as: ADMIN, path: '/v1/wholesale/customers' },
    expect: { bodyExact: { items: [] } },
  };
  const ph = (json: unknown, status: number, code: number): Step => ({
    request: { as: ADMIN, method: 'POST', path: '/partner-hub/api/customers', json },
    expect: { status, body: { errors: [{ errorCode: code }] } },
  });
  const phNothing: Step = {
    request: { as: ADMIN, path: '/partner-hub/api/customers' },
    expect: { bodyExact: { items: [] } },
  };
  return [
    {
      id: 'sim-2-error-1001-required',
      title:
        'A required field left out answers 400 with 1001 on /v1 and in Partner Hub, creating nothing',
      rules: ['SIM-2', 'ORG-1'],
      steps: [
        pidStep,
        v1({ provisioningId: '${pid}', packages: ['webex_meetings'], address: ADDRESS }, 400, 1001),
        nothing,
        ph({ adminEmail: 'a@b.example', packages: ['webex_meetings'] }, 400, 1001),
        phNothing,
      ],
    },
    {
      id: 'sim-2-error-1002-too-long',
      title: 'A field longer than allowed answers 400 with 1002 and creates nothing',
      rules: ['SIM-2', 'ORG-1'],
      steps: [pidStep, v1(customerJson('x'.repeat(300)), 400, 1002), nothing],
    },
    {
      id: 'sim-2-error-1100-invalid',
      title:
        'A field of the wrong kind (a country that is no ISO code) answers 400 with 1100 and creates nothing',
      rules: ['SIM-2', 'ORG-2'],
      steps: [
        pidStep,
        v1(customerJson('bad-country', { address: { ...ADDRESS, country: 'ZZ' } }), 400, 1100),
        nothing,
      ],
    },
    {
      id: 'sim-2-error-1101-malformed-json',
      title: 'A body that is not well-formed JSON answers 400 with 1101 on every door',
      rules: ['SIM-2'],
      steps: (
        ['/v1/wholesale/customers', '/partner-hub/api/customers', '/ccw/api/orders'] as const
      ).map((path) => ({
        request: {
          as: ADMIN,
          method: 'POST',
          path,
          body: '{"packages": [',
          headers: { 'content-type': 'application/json' },
        },
        expect: { status: 400, body: { errors: [{ errorCode: 1101 }] } },
      })),
    },
    {
      id: 'sim-2-error-1102-unknown-field',
      title: 'An unknown field answers 400 with 1102 and creates nothing',
      rules: ['SIM-2'],
      steps: [
        { request: { path: '/sim/snapshots' }, expect: { bodyExact: { items: [] } } },
        {
          request: { method: 'POST', path: '/sim/snapshots', json: { name: 'a', colour: 'blue' } },
          expect: {
            status: 400,
            body: { errors: [{ description: 'colour: unknown field', errorCode: 1102 }] },
          },
        },
        { request: { path: '/sim/snapshots' }, expect: { bodyExact: { items: [] } } },
      ],
    },
    {
      id: 'sim-2-error-415-not-json',
      title: 'A body that is not JSON where JSON is required answers 415',
      rules: ['SIM-2'],
      steps: [
        {
          request: {
            as: ADMIN,
            method: 'POST',
            path: '/v1/wholesale/customers',
            body: 'name=x',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          },
          expect: { status: 415, body: { message: 're:application/json' } },
        },
        nothing,
      ],
    },
    {
      id: 'sim-2-error-405-method',
      title:
        'A method a published /v1 path does not have answers 405 naming the ones it has (Allow)',
      rules: ['SIM-2'],
      steps: [
        {
          request: { as: ADMIN, method: 'PATCH', path: '/v1/wholesale/customers', json: {} },
          expect: {
            status: 405,
            headers: { allow: 'GET, POST, HEAD' },
            body: { message: 're:PATCH is not allowed', errors: [{ description: '*' }] },
          },
        },
        nothing,
      ],
    },
    {
      id: 'sim-2-error-404-unknown',
      title: 'An unknown object answers 404 in the Webex error shape on every door',
      rules: ['SIM-2', 'SIM-3'],
      steps: [
        ['/v1/wholesale/customers/nope', ADMIN],
        ['/partner-hub/api/customers/nope', ADMIN],
        ['/ccw/api/orders/nope', 'acme-orderer'],
      ].map(([path, as]) => ({
        request: { as, path },
        expect: {
          status: 404,
          body: { message: '*', errors: [{ description: '*' }], trackingId: '*' },
        },
      })),
    },
    {
      id: 'sim-2-error-1201-clock-backwards',
      title: 'Setting the clock backwards answers 409 with 1201 and leaves it where it was',
      rules: ['SIM-1', 'SIM-2'],
      steps: [
        advance('P2D'),
        {
          request: { method: 'POST', path: '/sim/clock', json: { set: '2026-01-02T00:00:00Z' } },
          expect: { status: 409, body: { errors: [{ errorCode: 1201 }] } },
        },
        { request: { path: '/sim/clock' }, expect: { body: { now: '2026-01-03T00:00:00.000Z' } } },
      ],
    },
    {
      id: 'sim-2-error-1200-state',
      title: 'A second CCW setup of the same order answers 409 with 1200',
      rules: ['SIM-2', 'CCW-4'],
      steps: [
        {
          request: {
            as: 'acme-orderer',
            method: 'POST',
            path: '/ccw/api/orders',
            json: {
              lines: [
                {
                  offer: 'EA',
                  provisioningContactEmail: 'twice@shop.example',
                  requestedStartDate: '2026-01-01',
                },
              ],
            },
          },
          expect: { status: 201 },
        },
        {
          mail: { to: 'twice@shop.example', open: 'Set Up Your Service' },
          capture: { token: 'link | last-segment' },
        },
        ...[201, 409].map((status) => ({
          request: {
            method: 'POST',
            path: '/ccw/api/setup/${token}',
            json: {
              companyName: 'Twice Co',
              adminEmail: 'admin@twice.example',
              headquarters: ADDRESS,
            },
          },
          expect: status === 201 ? { status } : { status, body: { errors: [{ errorCode: 1200 }] } },
        })),
      ],
    },
    {
      id: 'sim-2-error-413-too-large',
      title: 'A JSON body over 1 MiB answers 413 and creates nothing',
      rules: ['SIM-2'],
      steps: [
        pidStep,
        {
          request: {
            as: ADMIN,
            method: 'POST',
            path: '/v1/wholesale/customers',
            body: `{"externalId": "${'x'.repeat(1_100_000)}"}`,
            headers: { 'content-type': 'application/json' },
          },
          expect: { status: 413 },
        },
        nothing,
      ],
    },
  ];
};

/** Every kind of request fault (status, delay, Retry-After, times, method and path match). */
const requestFaults = (): LibraryScenario[] => {
  const out: LibraryScenario[] = [];
  for (const status of [400, 401, 403, 404, 409, 429, 500, 502, 503, 504]) {
    out.push({
      id: `sim-4-request-fault-${status}`,
      title: `An injected ${status} answers in the Webex error shape, once, then the request succeeds`,
      rules: ['SIM-4', 'SIM-2'],
      steps: [
        {
          fault: {
            add: {
              method: 'GET',
              path: '/v1/people/me',
              status,
              errorCode: 9000 + status,
              message: `Injected ${status}`,
              times: 1,
            },
          },
        },
        {
          request: { as: ADMIN, path: '/v1/people/me' },
          expect: {
            status,
            body: {
              message: `Injected ${status}`,
              errors: [{ errorCode: 9000 + status }],
              trackingId: '*',
            },
          },
        },
        { request: { as: ADMIN, path: '/v1/people/me' }, expect: { status: 200 } },
        // Spent, the fault is gone.
        { request: { path: '/sim/faults' }, expect: { bodyExact: { items: [] } } },
      ],
    });
  }
  out.push(
    {
      id: 'sim-4-request-fault-retry-after',
      title: 'An injected 429 carries the Retry-After asked, and without one Retry-After: 1',
      rules: ['SIM-4'],
      steps: [
        { fault: { add: { path: '/v1/people/me', status: 429, retryAfter: 7, times: 1 } } },
        {
          request: { as: ADMIN, path: '/v1/people/me' },
          expect: { status: 429, headers: { 'retry-after': '7' } },
        },
        { fault: { add: { path: '/v1/people/me', status: 503, times: 1 } } },
        {
          request: { as: ADMIN, path: '/v1/people/me' },
          expect: { status: 503, headers: { 'retry-after': '1' } },
        },
      ],
    },
    {
      id: 'sim-4-request-fault-method-and-path',
      title: 'A request fault hits only its method and path pattern; other requests pass',
      rules: ['SIM-4'],
      steps: [
        { fault: { add: { method: 'POST', path: '/ccw/api/*', status: 503 } } },
        { request: { as: 'acme-orderer', path: '/ccw/api/orders' }, expect: { status: 200 } },
        {
          request: { as: 'acme-orderer', method: 'POST', path: '/ccw/api/orders', json: {} },
          expect: { status: 503 },
        },
        { request: { as: ADMIN, path: '/v1/people/me' }, expect: { status: 200 } },
        { fault: { clear: true } },
        {
          request: { as: 'acme-orderer', method: 'POST', path: '/ccw/api/orders', json: {} },
          expect: { status: 400 },
        },
      ],
    },
    {
      id: 'sim-4-request-fault-latency',
      title: 'A latency-only fault delays the answer and then answers normally',
      rules: ['SIM-4'],
      steps: [
        { fault: { add: { path: '/v1/people/me', latencyMs: 5, times: 1 } } },
        {
          request: { as: ADMIN, path: '/v1/people/me' },
          expect: { status: 200, body: { displayName: '*' } },
        },
        { request: { path: '/sim/faults' }, expect: { bodyExact: { items: [] } } },
      ],
    },
    {
      id: 'sim-4-request-fault-times',
      title: 'A fault with times: 3 hits three requests, then none',
      rules: ['SIM-4'],
      steps: [
        { fault: { add: { path: '/v1/people/me', status: 500, times: 3 } } },
        ...[500, 500, 500, 200].map((status) => ({
          request: { as: ADMIN, path: '/v1/people/me' },
          expect: { status },
        })),
      ],
    },
    {
      id: 'sim-4-request-fault-probability',
      title: 'A fault with probability 0 never hits, with probability 1 always does',
      rules: ['SIM-4'],
      steps: [
        { fault: { add: { path: '/v1/people/me', status: 503, probability: 0 } } },
        ...[200, 200, 200].map((status) => ({
          request: { as: ADMIN, path: '/v1/people/me' },
          expect: { status },
        })),
        { fault: { clear: true } },
        { fault: { add: { path: '/v1/people/me', status: 503, probability: 1 } } },
        ...[503, 503].map((status) => ({
          request: { as: ADMIN, path: '/v1/people/me' },
          expect: { status },
        })),
      ],
    },
    {
      id: 'sim-4-request-fault-refused',
      title: 'A malformed fault is refused with 400 naming the field, and nothing is injected',
      rules: ['SIM-4', 'SIM-2'],
      steps: [
        {
          request: { method: 'POST', path: '/sim/faults', json: { path: '/v1/*', status: 99 } },
          expect: { status: 400, body: { errors: [{ description: 're:^status' }] } },
        },
        { request: { path: '/sim/faults' }, expect: { bodyExact: { items: [] } } },
      ],
    },
  );
  return out;
};

/** Snapshots in scenarios: restore undoes a whole workflow, pending steps included. */
const snapshots = (): LibraryScenario[] => [
  {
    id: 'sim-1-snapshot-pending-step',
    title:
      'A snapshot taken while a customer is provisioning restores it provisioning, with its step still due',
    rules: ['SIM-1'],
    steps: [
      ...createCustomer('snap-pending'),
      { snapshot: { name: 'pending' } },
      advance('PT5M'),
      customerIs('provisioned'),
      { restore: { name: 'pending' } },
      customerIs('provisioning'),
      advance('PT5M'),
      customerIs('provisioned'),
    ],
  },
  {
    id: 'sim-1-snapshot-undo-delete',
    title: 'Restoring a snapshot brings back a customer deleted after it',
    rules: ['SIM-1'],
    steps: [
      ...reach('provisioned', 'snap-undo'),
      { snapshot: { name: 'kept' } },
      { ...del, expect: { status: 202 } },
      advance('PT1M'),
      customerGone,
      { restore: { name: 'kept' } },
      customerIs('provisioned'),
    ],
  },
  {
    id: 'sim-4-snapshot-faults-and-mail',
    title: 'Restoring a snapshot brings back its faults and its mail, and forgets later ones',
    rules: ['SIM-4', 'SIM-1'],
    steps: [
      { fault: { add: { path: '/v1/people/me', status: 503 } } },
      { snapshot: { name: 'one-fault' } },
      { fault: { clear: true } },
      {
        request: {
          as: 'acme-orderer',
          method: 'POST',
          path: '/ccw/api/orders',
          json: {
            lines: [
              {
                offer: 'EA',
                provisioningContactEmail: 'late@shop.example',
                requestedStartDate: '2026-01-01',
              },
            ],
          },
        },
        expect: { status: 201 },
      },
      { mail: { to: 'late@shop.example', count: 1 } },
      { restore: { name: 'one-fault' } },
      { mail: { to: 'late@shop.example', count: 0 } },
      { request: { as: ADMIN, path: '/v1/people/me' }, expect: { status: 503 } },
    ],
  },
];

/** The virtual clock (SIM-1): durations, set, modes. */
const clock = (): LibraryScenario[] =>
  (
    [
      ['PT30S', '2026-01-01T00:00:30.000Z'],
      ['PT90M', '2026-01-01T01:30:00.000Z'],
      ['P1D', '2026-01-02T00:00:00.000Z'],
      ['P1W', '2026-01-08T00:00:00.000Z'],
      ['P1M', '2026-02-01T00:00:00.000Z'],
    ] as const
  ).map(([by, now]) => ({
    id: `sim-1-clock-advance-${by.toLowerCase()}`,
    title: `Advancing the frozen clock by ${by} moves it exactly to ${now}, and it stays there`,
    rules: ['SIM-1'],
    steps: [
      {
        request: { method: 'POST', path: '/sim/clock', json: { advance: by } },
        expect: { status: 200, body: { now, mode: 'frozen' } },
      },
      { request: { path: '/sim/clock' }, expect: { body: { now } } },
    ],
  }));

/** A provisioned /v1 customer with meetings, its id as `${id}`. */
const provisionedCustomer = (ext: string): Step[] => reach('provisioned', ext);

const subscriberIs = (status: string): Step => ({
  request: { as: ADMIN, path: '/v1/wholesale/subscribers/${subId}' },
  expect: { status: 200, body: { status } },
});

/** The wholesale subscriber's table (consent, changes, removal) on /v1. */
const subscriberTable = (): LibraryScenario[] => {
  const create = (email: string, status: number): Step => ({
    request: {
      as: ADMIN,
      method: 'POST',
      path: '/v1/wholesale/subscribers',
      json: {
        customerId: '${id}',
        email,
        packages: ['webex_meetings'],
        provisioningParameters: {},
      },
    },
    expect: { status },
    capture: { subId: 'body.id' },
  });
  return [
    {
      id: 'state-subscriber-create-provisioned',
      title: 'A subscriber with a company email is provisioned at once (200)',
      rules: ['USR-1'],
      steps: [
        ...provisionedCustomer('sub-new'),
        create('ana@sub-new.example', 200),
        subscriberIs('provisioned'),
      ],
    },
    {
      id: 'state-subscriber-provisioned-put',
      title: 'A provisioned subscriber changed by PUT stays provisioned (200)',
      rules: ['USR-1'],
      steps: [
        ...provisionedCustomer('sub-put'),
        create('ben@sub-put.example', 200),
        {
          request: {
            as: ADMIN,
            method: 'PUT',
            path: '/v1/wholesale/subscribers/${subId}',
            json: { packages: ['webex_meetings'] },
          },
          expect: { status: 200, body: { status: 'provisioned', packages: ['webex_meetings'] } },
        },
        subscriberIs('provisioned'),
      ],
    },
    {
      id: 'state-subscriber-provisioned-delete',
      title: 'A provisioned subscriber can be removed (204), then answers 404',
      rules: ['USR-1'],
      steps: [
        ...provisionedCustomer('sub-del'),
        create('cy@sub-del.example', 200),
        {
          request: { as: ADMIN, method: 'DELETE', path: '/v1/wholesale/subscribers/${subId}' },
          expect: { status: 204 },
        },
        {
          request: { as: ADMIN, path: '/v1/wholesale/subscribers/${subId}' },
          expect: { status: 404 },
        },
      ],
    },
    {
      id: 'state-subscriber-pending-user-migration',
      title:
        'A free-account email waits in pending_user_migration (202) until the consent mail is accepted',
      rules: ['USR-1'],
      steps: [
        { request: { path: '/sim/world' }, capture: { free: 'body.freeAccounts[0]' } },
        ...provisionedCustomer('sub-free'),
        create('${free}', 202),
        subscriberIs('pending_user_migration'),
        { mail: { to: '${free}', count: 1 } },
        {
          name: 'the owner accepts the move',
          mail: { to: '${free}', open: 'Accept and move my account', method: 'POST' },
          expect: { status: 200 },
        },
        subscriberIs('provisioned'),
      ],
    },
    {
      id: 'state-subscriber-pending-user-migration-delete',
      title: 'A subscriber pending its consent can be removed (204)',
      rules: ['USR-1'],
      steps: [
        { request: { path: '/sim/world' }, capture: { free: 'body.freeAccounts[1]' } },
        ...provisionedCustomer('sub-free-del'),
        create('${free}', 202),
        {
          request: { as: ADMIN, method: 'DELETE', path: '/v1/wholesale/subscribers/${subId}' },
          expect: { status: 204 },
        },
        {
          request: { as: ADMIN, path: '/v1/wholesale/subscribers/${subId}' },
          expect: { status: 404 },
        },
      ],
    },
    {
      id: 'state-subscriber-customer-not-usable',
      title:
        'A subscriber of a customer still provisioning is refused (409) and nothing is created',
      rules: ['USR-1', 'SIM-2'],
      steps: [
        ...createCustomer('sub-early'),
        {
          request: {
            as: ADMIN,
            method: 'POST',
            path: '/v1/wholesale/subscribers',
            json: {
              customerId: '${id}',
              email: 'early@sub-early.example',
              packages: ['webex_meetings'],
              provisioningParameters: {},
            },
          },
          expect: { status: 409, body: { trackingId: '*' } },
        },
        {
          request: { as: ADMIN, path: '/v1/wholesale/subscribers?customerId=${id}' },
          expect: { bodyExact: { items: [] } },
        },
      ],
    },
    {
      id: 'sim-2-error-10022-email-in-use',
      title: 'An email already held by a subscriber answers 409 with 10022',
      rules: ['SIM-2', 'USR-1'],
      steps: [
        ...provisionedCustomer('sub-twice'),
        create('dup@sub-twice.example', 200),
        {
          request: {
            as: ADMIN,
            method: 'POST',
            path: '/v1/wholesale/subscribers',
            json: {
              customerId: '${id}',
              email: 'dup@sub-twice.example',
              packages: ['webex_meetings'],
              provisioningParameters: {},
            },
          },
          expect: { status: 409, body: { errors: [{ errorCode: 10022 }] } },
        },
      ],
    },
  ];
};

/** Delays (api.md, Time, delays, faults): each asynchronous step takes its configured time. */
const delays = (): LibraryScenario[] =>
  (
    [
      ['customer', 'PT20M', [], 'provisioning', 'provisioned'],
      ['customerUpdate', 'PT15M', [{ ...put, expect: { status: 202 } }], 'updating', 'provisioned'],
    ] as const
  ).map(([name, value, extra, during, after]) => ({
    id: `sim-1-delay-${name.toLowerCase()}`,
    title: `With delays.${name} at ${value}, the step ends exactly ${value} later`,
    rules: ['SIM-1'],
    steps: [
      {
        request: { method: 'PATCH', path: '/sim/config', json: { delays: { [name]: value } } },
        expect: { status: 200, body: { delays: { [name]: value } } },
      },
      ...(name === 'customer'
        ? createCustomer(`delay-${name}`)
        : [...reach('provisioned', `delay-${name}`), ...extra]),
      advance(value.replace(/(\d+)M$/, (_, m: string) => `${Number(m) - 1}M59S`)),
      customerIs(during),
      advance('PT1S'),
      customerIs(after),
    ],
  }));

/** Another partner's objects answer 404 on every door (SIM-3). */
const isolation = (): LibraryScenario[] => [
  {
    id: 'sim-3-isolation-v1-customer',
    title: "Globex cannot read, change or delete Acme's /v1 customer: 404 as if it did not exist",
    rules: ['SIM-3'],
    steps: [
      ...reach('provisioned', 'iso-v1'),
      ...(['GET', 'PUT', 'DELETE'] as const).map((method) => ({
        request: {
          as: 'globex-admin',
          method,
          path: '/v1/wholesale/customers/${id}',
          ...(method === 'PUT' ? { json: { packages: ['webex_meetings'] } } : {}),
        },
        expect: { status: 404 },
      })),
      customerIs('provisioned'),
    ],
  },
  {
    id: 'sim-3-isolation-partner-hub-customer',
    title: "Globex does not see Acme's customer in Partner Hub",
    rules: ['SIM-3'],
    steps: [
      ...reach('provisioned', 'iso-ph'),
      {
        request: { as: 'globex-admin', path: '/partner-hub/api/customers/${id}' },
        expect: { status: 404 },
      },
      {
        request: { as: 'globex-admin', path: '/partner-hub/api/customers' },
        expect: { bodyExact: { items: [] } },
      },
    ],
  },
  {
    id: 'sim-3-isolation-v1-list',
    title: "Globex's /v1 customer list holds none of Acme's customers",
    rules: ['SIM-3'],
    steps: [
      ...reach('provisioning', 'iso-list'),
      {
        request: { as: 'globex-admin', path: '/v1/wholesale/customers' },
        expect: { bodyExact: { items: [] } },
      },
    ],
  },
];

/** CCW-6: a line set up after its window closed is still provisioned with the customer. */
const ccwLate = (): LibraryScenario[] =>
  (
    [
      ['A-FLEX', 7],
      ['A-FLEX-3', 7],
      ['COLLAB-FLEX', 30],
      ['EA', 30],
    ] as const
  ).map(([offer, days]) => {
    const email = `late@${offer.toLowerCase()}.example`;
    return {
      id: `ccw-6-closed-then-setup-${offer.toLowerCase()}`,
      title: `An ${offer} line closed after ${days} days is still provisioned when the customer is set up later`,
      rules: ['CCW-6', 'CCW-4'],
      steps: [
        {
          request: {
            as: 'acme-orderer',
            method: 'POST',
            path: '/ccw/api/orders',
            json: {
              lines: [{ offer, provisioningContactEmail: email, requestedStartDate: '2026-01-01' }],
            },
          },
          expect: { status: 201 },
          capture: { orderId: 'body.id' },
        },
        advance(`P${days + 1}D`),
        {
          request: { as: 'acme-orderer', path: '/ccw/api/orders/${orderId}' },
          expect: { body: { lines: [{ status: 'closed' }] } },
        },
        {
          mail: { to: email, open: 'Set Up Your Service' },
          capture: { token: 'link | last-segment' },
        },
        {
          request: {
            method: 'POST',
            path: '/ccw/api/setup/${token}',
            json: {
              companyName: `Late ${offer}`,
              adminEmail: `admin@late-${offer.toLowerCase()}.example`,
              headquarters: ADDRESS,
            },
          },
          expect: { status: 201 },
        },
        advance('PT10M'),
        {
          request: { as: 'acme-orderer', path: '/ccw/api/orders/${orderId}' },
          expect: { body: { lines: [{ status: 'provisioned' }] } },
        },
      ],
    };
  });

/** CCW-7: who may resend the provisioning mail and change the contact. */
const ccwAccess = (): LibraryScenario[] =>
  (['admin', 'readonly', 'orderer', 'viewer'] as const).map((role) => {
    const allowed = role === 'admin' || role === 'orderer';
    return {
      id: `ccw-7-resend-access-${role}`,
      title: `The ${role} role ${allowed ? 'may' : 'may not (403)'} resend the provisioning mail or change its contact`,
      rules: ['CCW-7', 'CCW-2', 'CCW-3'],
      steps: [
        {
          request: {
            as: 'acme-orderer',
            method: 'POST',
            path: '/ccw/api/orders',
            json: {
              lines: [
                {
                  offer: 'EA',
                  provisioningContactEmail: `c@${role}.example`,
                  requestedStartDate: '2026-01-01',
                },
              ],
            },
          },
          expect: { status: 201 },
          capture: { orderId: 'body.id', lineId: 'body.lines[0].id' },
        },
        {
          request: {
            as: `acme-${role}`,
            method: 'POST',
            path: '/ccw/api/orders/${orderId}/lines/${lineId}/resend',
          },
          expect: { status: allowed ? 202 : 403 },
        },
        { mail: { to: `c@${role}.example`, count: allowed ? 2 : 1 } },
        {
          request: {
            as: `acme-${role}`,
            method: 'PATCH',
            path: '/ccw/api/orders/${orderId}/lines/${lineId}',
            json: { provisioningContactEmail: `new@${role}.example` },
          },
          expect: { status: allowed ? 200 : 403 },
        },
      ],
    };
  });

/** ORG-2: only supported countries, on both doors that create a customer. */
const countries = (): LibraryScenario[] => [
  ...(['CA', 'GB', 'DE', 'AU', 'JP'] as const).map((country) => ({
    id: `org-2-supported-${country.toLowerCase()}`,
    title: `A customer headquartered in ${country}, a supported country, is provisioned`,
    rules: ['ORG-2'],
    steps: [
      pidStep,
      {
        request: {
          as: ADMIN,
          method: 'POST',
          path: '/v1/wholesale/customers',
          json: customerJson(`country-${country.toLowerCase()}`, {
            address: { ...ADDRESS, stateOrProvince: undefined, country },
          }),
        },
        expect: { status: 202 },
        capture: { id: 'body.url | last-segment' },
      },
      advance('PT5M'),
      customerIs('provisioned'),
    ],
  })),
  {
    id: 'org-2-unsupported-v1',
    title:
      'A /v1 customer in an unsupported country (AQ) is refused with 400 naming address.country',
    rules: ['ORG-2', 'SIM-2'],
    steps: [
      pidStep,
      {
        request: {
          as: ADMIN,
          method: 'POST',
          path: '/v1/wholesale/customers',
          json: customerJson('country-aq', {
            address: { ...ADDRESS, stateOrProvince: undefined, country: 'AQ' },
          }),
        },
        expect: { status: 400, body: { errors: [{ description: 're:^address\\.country' }] } },
      },
      {
        request: { as: ADMIN, path: '/v1/wholesale/customers' },
        expect: { bodyExact: { items: [] } },
      },
    ],
  },
  {
    id: 'org-2-unsupported-partner-hub',
    title:
      'A Partner Hub customer in an unsupported country (AQ) is refused naming headquarters.country',
    rules: ['ORG-2', 'SIM-2'],
    steps: [
      pidStep,
      {
        request: {
          as: ADMIN,
          method: 'POST',
          path: '/partner-hub/api/customers',
          json: {
            companyName: 'Polar Co',
            adminEmail: 'owner@polar.example',
            provisioningId: '${pid}',
            packages: ['webex_meetings'],
            headquarters: { addressLine1: '1 Ice Rd', city: 'McMurdo', country: 'AQ' },
            supportedLocationAttested: true,
          },
        },
        expect: { status: 400, body: { errors: [{ description: 're:^headquarters\\.country' }] } },
      },
      {
        request: { as: ADMIN, path: '/partner-hub/api/customers' },
        expect: { bodyExact: { items: [] } },
      },
    ],
  },
];

/** Worlds and snapshots by id. */
const worlds = (): LibraryScenario[] => [
  {
    id: 'sim-1-reset-restores-seed',
    title: 'A reset brings back the seeded world: clock, faults and customers as they started',
    rules: ['SIM-1', 'SIM-4'],
    steps: [
      ...reach('provisioned', 'reset-me'),
      { fault: { add: { path: '/v1/people/me', status: 503 } } },
      { request: { method: 'POST', path: '/sim/reset', json: {} }, expect: { status: 200 } },
      { request: { path: '/sim/clock' }, expect: { body: { now: '2026-01-01T00:00:00.000Z' } } },
      { request: { path: '/sim/faults' }, expect: { bodyExact: { items: [] } } },
      {
        request: { as: ADMIN, path: '/v1/wholesale/customers' },
        expect: { bodyExact: { items: [] } },
      },
    ],
  },
  {
    id: 'sim-1-snapshot-by-id-and-delete',
    title: 'A snapshot is restored by its id as well as its name; a deleted one is gone (404)',
    rules: ['SIM-1'],
    steps: [
      {
        request: { method: 'POST', path: '/sim/snapshots', json: { name: 'day-one' } },
        expect: { status: 201, body: { name: 'day-one', at: '2026-01-01T00:00:00.000Z' } },
        capture: { snap: 'body.id' },
      },
      advance('P3D'),
      {
        request: { method: 'POST', path: '/sim/snapshots/${snap}/restore' },
        expect: { status: 200 },
      },
      { request: { path: '/sim/clock' }, expect: { body: { now: '2026-01-01T00:00:00.000Z' } } },
      { request: { method: 'DELETE', path: '/sim/snapshots/day-one' }, expect: { status: 204 } },
      {
        request: { method: 'POST', path: '/sim/snapshots/${snap}/restore' },
        expect: { status: 404 },
      },
    ],
  },
  {
    id: 'sim-1-export-holds-pending-steps',
    title: 'An export holds the pending provisioning step and the clock it will run on',
    rules: ['SIM-1'],
    steps: [
      ...reach('provisioning', 'export-pending'),
      {
        request: { path: '/sim/export' },
        expect: {
          status: 200,
          body: {
            format: 'provisim-world',
            version: 1,
            at: '2026-01-01T00:00:00.000Z',
            collections: {
              events: [{ kind: 'customer.step', dueAt: '2026-01-01T00:05:00.000Z' }],
              meta: [{ id: 'world', clock: { mode: 'frozen' } }],
            },
          },
        },
      },
    ],
  },
  {
    id: 'sim-2-import-other-version',
    title: 'An export of another version is refused (400) and the world is unchanged',
    rules: ['SIM-2'],
    steps: [
      ...reach('provisioning', 'bad-import'),
      {
        request: {
          method: 'POST',
          path: '/sim/import',
          json: {
            format: 'provisim-world',
            version: 9,
            at: '2026-01-01T00:00:00Z',
            collections: {},
          },
        },
        expect: {
          status: 400,
          body: { errors: [{ description: 're:^version: this simulator reads version 1' }] },
        },
      },
      customerIs('provisioning'),
    ],
  },
];

/** Step faults on the other resources (SIM-4). */
const otherStepFaults = (): LibraryScenario[] => [
  {
    id: 'sim-4-step-fault-customer-times',
    title: 'A customer step fault with times: 1 fails one customer; the next is provisioned',
    rules: ['SIM-4'],
    steps: [
      stepFault('error', 4003, 'Calling location could not be created'),
      ...createCustomer('times-a'),
      advance('PT5M'),
      customerIs('error'),
      ...createCustomer('times-b'),
      advance('PT5M'),
      customerIs('provisioned'),
    ],
  },
];

/** The BroadWorks subscriber's table (rules.md; README, Statuses), through /v1. */
const broadworksTable = (): LibraryScenario[] => {
  const world: Step = {
    request: { path: '/sim/world' },
    capture: {
      link: 'body.partners[0].templates[1].activationLink | last-segment',
      templateId: 'body.partners[0].templates[1].id',
      free: 'body.freeAccounts[0]',
      untrusted: 'body.partners[0].templates[1].provisioningId',
      trusted: 'body.partners[0].templates[2].provisioningId',
      user: 'body.partners[0].enterprises[0].directory[0].userId',
      user2: 'body.partners[0].enterprises[0].directory[1].userId',
    },
  };
  const create = (
    template: string,
    email: string | undefined,
    status: number,
    as = '${user}',
  ): Step => ({
    request: {
      as: ADMIN,
      method: 'POST',
      path: '/v1/broadworks/subscribers',
      json: {
        provisioningId: `\${${template}}`,
        userId: as,
        spEnterpriseId: 'ACME-ENT-01',
        firstName: 'Ida',
        lastName: 'Olson',
        package: 'basic',
        ...(email ? { email } : {}),
      },
    },
    expect: { status },
    ...(status < 300 ? { capture: { bw: 'body.id' } } : {}),
  });
  const bwIs = (status: string): Step => ({
    request: { as: ADMIN, path: '/v1/broadworks/subscribers/${bw}' },
    expect: { status: 200, body: { status } },
  });
  const bwPut = (status: number): Step => ({
    request: {
      as: ADMIN,
      method: 'PUT',
      path: '/v1/broadworks/subscribers/${bw}',
      json: { package: 'standard' },
    },
    expect: { status },
  });
  const portal = (email: string, status: number): Step => ({
    request: {
      method: 'POST',
      path: '/activation/api/${link}',
      json: { userId: '${user}', email },
    },
    expect: { status },
  });
  const verify = (to: string): Step => ({
    mail: { to, open: 'Verify my email address' },
    expect: { status: 200 },
  });
  const consent = (to: string): Step => ({
    mail: { to, open: 'Accept and move my account', method: 'POST' },
    expect: { status: 200 },
  });
  const bwFault: Step = {
    fault: {
      add: {
        on: 'broadworksSubscriber',
        errorCode: 6001,
        description: 'BroadWorks did not answer',
        times: 1,
      },
    },
  };
  /** Removal from one status: 204, gone, and its pending step (if any) brings nothing back. */
  const removedFrom = (status: string, reach: Step[]): LibraryScenario => ({
    id: `state-broadworks-delete-${slug(status)}`,
    title: `A BroadWorks subscriber deleted while ${status} (204) is gone, and stays gone`,
    rules: ['FT-5'],
    steps: [
      world,
      ...reach,
      bwIs(status),
      {
        request: { as: ADMIN, method: 'DELETE', path: '/v1/broadworks/subscribers/${bw}' },
        expect: { status: 204 },
      },
      advance('PT1M'),
      {
        request: { as: ADMIN, path: '/v1/broadworks/subscribers/${bw}' },
        expect: { status: 404 },
      },
    ],
  });
  return [
    {
      id: 'state-broadworks-pending-email-input-portal',
      title:
        'A subscriber waiting in pending_email_input enters an email in the portal: pending_email_validation',
      rules: ['FT-1'],
      steps: [
        world,
        create('untrusted', undefined, 200),
        bwIs('pending_email_input'),
        portal('ida@bw-portal.example', 202),
        bwIs('pending_email_validation'),
        { mail: { to: 'ida@bw-portal.example', count: 1 } },
      ],
    },
    {
      id: 'state-broadworks-pending-email-input-error',
      title:
        'A subscriber waiting in pending_email_input whose portal email is in use (409, 10022) goes to error',
      rules: ['FT-1', 'FT-2', 'SIM-2'],
      steps: [
        world,
        create('trusted', 'taken@bw.example', 200, '${user2}'),
        create('untrusted', undefined, 200),
        portal('taken@bw.example', 409),
        {
          request: { as: ADMIN, path: '/v1/broadworks/subscribers/${bw}' },
          expect: { status: 200, body: { status: 'error', errors: [{ errorCode: 10022 }] } },
        },
      ],
    },
    {
      id: 'state-broadworks-free-account-consent',
      title:
        'A free-account email verified in the portal waits in pending_user_migration, then consent provisions it',
      rules: ['FT-1', 'USR-1'],
      steps: [
        world,
        create('untrusted', undefined, 200),
        portal('${free}', 202),
        verify('${free}'),
        bwIs('pending_user_migration'),
        consent('${free}'),
        bwIs('provisioning'),
        advance('PT30S'),
        bwIs('provisioned'),
      ],
    },
    {
      id: 'state-broadworks-pending-user-migration-retry',
      title:
        'Retry activation with another email moves a subscriber pending its consent back to pending_email_validation',
      rules: ['FT-4'],
      steps: [
        world,
        create('untrusted', undefined, 200),
        portal('${free}', 202),
        verify('${free}'),
        bwIs('pending_user_migration'),
        {
          request: {
            as: ADMIN,
            method: 'POST',
            path: '/partner-hub/api/templates/${templateId}/user-status/${bw}/retry-activation',
            json: { email: 'ida.work@bw-retry.example' },
          },
          expect: { status: 200, body: { status: 'pending_email_validation' } },
        },
        verify('ida.work@bw-retry.example'),
        bwIs('provisioning'),
      ],
    },
    {
      id: 'state-broadworks-updating-to-error',
      title: 'A BroadWorks subscriber whose update step fails (a step fault) ends in error',
      rules: ['SIM-4'],
      steps: [
        world,
        create('trusted', 'ida@bw-upd-err.example', 200),
        advance('PT30S'),
        bwIs('provisioned'),
        bwFault,
        bwPut(200),
        bwIs('updating'),
        advance('PT20S'),
        bwIs('error'),
      ],
    },
    removedFrom('pending_email_validation', [create('untrusted', 'ida@bw-del.example', 200)]),
    removedFrom('provisioning', [create('trusted', 'ida@bw-del.example', 200)]),
    removedFrom('pending_user_migration', [
      create('untrusted', undefined, 200),
      portal('${free}', 202),
      verify('${free}'),
    ]),
    removedFrom('provisioned', [create('trusted', 'ida@bw-del.example', 200), advance('PT30S')]),
    removedFrom('updating', [
      create('trusted', 'ida@bw-del.example', 200),
      advance('PT30S'),
      bwPut(200),
    ]),
    {
      id: 'state-broadworks-trusted-provisioning',
      title:
        'A BroadWorks subscriber under a trusted template is provisioning, then provisioned after 30 s',
      rules: ['SIM-1'],
      steps: [
        world,
        create('trusted', 'ida@bw.example', 200),
        bwIs('provisioning'),
        advance('PT29S'),
        bwIs('provisioning'),
        advance('PT1S'),
        bwIs('provisioned'),
      ],
    },
    {
      id: 'state-broadworks-provisioning-to-error',
      title: 'A BroadWorks subscriber whose provisioning step fails (a step fault) ends in error',
      rules: ['SIM-4'],
      steps: [
        world,
        bwFault,
        create('trusted', 'ida@bw-err.example', 200),
        advance('PT30S'),
        bwIs('error'),
      ],
    },
    {
      id: 'state-broadworks-provisioned-put',
      title:
        'A provisioned BroadWorks subscriber changed by PUT is updating, then provisioned again',
      rules: ['SIM-1'],
      steps: [
        world,
        create('trusted', 'ida@bw-put.example', 200),
        advance('PT30S'),
        bwIs('provisioned'),
        bwPut(200),
        bwIs('updating'),
        advance('PT20S'),
        bwIs('provisioned'),
      ],
    },
    {
      id: 'state-broadworks-provisioning-put-refused',
      title: 'A BroadWorks subscriber still provisioning cannot be changed (409)',
      rules: ['SIM-2'],
      steps: [
        world,
        create('trusted', 'ida@bw-early.example', 200),
        bwPut(409),
        bwIs('provisioning'),
      ],
    },
    {
      id: 'state-broadworks-untrusted-no-email',
      title:
        'Under an untrusted template, a subscriber without an email waits in pending_email_input',
      rules: ['FT-1'],
      steps: [world, create('untrusted', undefined, 200), bwIs('pending_email_input')],
    },
    {
      id: 'state-broadworks-untrusted-email',
      title:
        'Under an untrusted template, a subscriber with an email waits in pending_email_validation and is mailed',
      rules: ['FT-1'],
      steps: [
        world,
        create('untrusted', 'vera@bw.example', 200),
        bwIs('pending_email_validation'),
        { mail: { to: 'vera@bw.example', count: 1 } },
      ],
    },
    {
      id: 'state-broadworks-delete-any-status',
      title:
        'A BroadWorks subscriber deleted from pending_email_input (204) is gone, and its user can onboard again',
      rules: ['FT-5'],
      steps: [
        world,
        create('untrusted', undefined, 200),
        {
          request: { as: ADMIN, method: 'DELETE', path: '/v1/broadworks/subscribers/${bw}' },
          expect: { status: 204 },
        },
        {
          request: { as: ADMIN, path: '/v1/broadworks/subscribers/${bw}' },
          expect: { status: 404 },
        },
        create('untrusted', undefined, 200),
        bwIs('pending_email_input'),
      ],
    },
    {
      id: 'sim-2-error-10022-broadworks-user-id',
      title: 'A BroadWorks user id already held answers 409 with 10022',
      rules: ['SIM-2'],
      steps: [
        world,
        create('trusted', 'ida@bw-dup.example', 200),
        create('trusted', 'other@bw-dup.example', 409),
      ],
    },
  ];
};

/** The directory sync's table (SYNC_STATES): again after COMPLETE, FAILED on a step fault, again after it. */
const directorySyncTable = (): LibraryScenario[] => {
  const sync = '/v1/broadworks/enterprises/${eid}/broadworksDirectorySync';
  const trigger: Step = {
    request: { as: ADMIN, method: 'POST', path: sync, json: { syncStatus: 'SYNC_NOW' } },
    expect: { status: 200, body: { directorySyncStatus: { syncStatus: 'IN_PROGRESS' } } },
  };
  const until = (syncStatus: string): Step => ({
    waitFor: {
      request: { as: ADMIN, path: sync },
      until: { directorySyncStatus: { syncStatus } },
    },
  });
  return [
    {
      id: 'state-directory-sync-again-and-failed',
      title:
        'Directory sync runs again after COMPLETE, ends FAILED on a step fault, and runs again after FAILED',
      rules: ['FT-1', 'SIM-4'],
      steps: [
        {
          request: { as: ADMIN, path: '/v1/broadworks/enterprises?spEnterpriseId=ACME-ENT-01' },
          capture: { eid: 'body.items[0].id' },
        },
        {
          request: { as: ADMIN, method: 'PUT', path: sync, json: { enableDirSync: true } },
          expect: { status: 200 },
        },
        trigger,
        until('COMPLETE'),
        { name: 'again after COMPLETE', ...trigger },
        until('COMPLETE'),
        {
          fault: {
            add: {
              on: 'directorySync',
              errorCode: 6100,
              description: 'Directory unreachable',
              times: 1,
            },
          },
        },
        trigger,
        until('FAILED'),
        { name: 'again after FAILED', ...trigger },
        until('COMPLETE'),
      ],
    },
  ];
};

/** The billing report's removals (REPORT_STATES): a report may be deleted in every status. */
const billingReportRemovals = (): LibraryScenario[] => {
  const reports = '/v1/wholesale/billing/reports';
  const create: Step = {
    request: {
      as: ADMIN,
      method: 'POST',
      path: reports,
      json: { billingStartDate: '2026-01-01', billingEndDate: '2026-01-01', type: 'USER' },
    },
    expect: { status: 200 },
    capture: { rid: 'body.id' },
  };
  const removed: Step[] = [
    {
      request: { as: ADMIN, method: 'DELETE', path: `${reports}/\${rid}` },
      expect: { status: 204 },
    },
    advance('P1D'),
    { request: { as: ADMIN, path: `${reports}/\${rid}` }, expect: { status: 404 } },
  ];
  return [
    {
      id: 'state-billing-report-delete-in-progress',
      title:
        'A billing report deleted while IN_PROGRESS (204) is gone, and its step brings nothing back',
      rules: ['SIM-1'],
      steps: [
        advance('P1D'),
        create,
        {
          request: { as: ADMIN, path: `${reports}/\${rid}` },
          expect: { status: 200, body: { status: 'IN_PROGRESS' } },
        },
        ...removed,
      ],
    },
    {
      id: 'state-billing-report-delete-failed',
      title: 'A FAILED billing report can be deleted (204)',
      rules: ['SIM-4'],
      steps: [
        {
          fault: {
            add: {
              on: 'billingReport',
              errorCode: 2024,
              description: 'Billing data unavailable',
              times: 1,
            },
          },
        },
        advance('P1D'),
        create,
        {
          waitFor: {
            request: { as: ADMIN, path: `${reports}/\${rid}` },
            until: { status: 'FAILED' },
          },
        },
        ...removed,
      ],
    },
  ];
};

/**
 * One rule, every door (api.md, "One behaviour whichever door"): the rules a Partner Hub scenario
 * already shows, through /v1, CSV, the activation portal and the CCW setup form as well.
 * `harness/door-coverage.test.ts` holds the table of rules and doors these complete.
 */
const doors = (): LibraryScenario[] => {
  const phCustomer = (company: string, admin: string, packages: string[]): Step[] => [
    {
      request: { path: '/sim/world' },
      capture: { pid: 'body.partners[0].templates[0].provisioningId' },
    },
    {
      request: {
        as: ADMIN,
        method: 'POST',
        path: '/partner-hub/api/customers',
        json: {
          companyName: company,
          adminEmail: admin,
          provisioningId: '${pid}',
          packages,
          headquarters: { addressLine1: '1 Main St', city: 'Austin', country: 'US' },
          supportedLocationAttested: true,
        },
      },
      expect: { status: 201 },
      capture: { customerId: 'body.id' },
    },
    {
      waitFor: {
        request: { as: ADMIN, path: '/partner-hub/api/customers/${customerId}' },
        until: { status: 'provisioned' },
      },
    },
  ];
  const adminOf: Step = {
    request: { as: ADMIN, path: '/partner-hub/api/customers/${customerId}/users' },
    expect: { status: 200, body: { items: [{ role: 'full_admin', package: 'webex_calling' }] } },
    capture: { adminId: 'body.items[0].id' },
  };
  const csv = (text: string, expectBody: Record<string, unknown>): Step => ({
    request: {
      as: ADMIN,
      method: 'POST',
      path: '/partner-hub/api/customers/${customerId}/users/csv',
      headers: { 'content-type': 'text/csv' },
      body: text,
    },
    expect: { status: 200, body: expectBody },
  });
  const order = (contact: string): Step[] => [
    {
      request: {
        as: 'acme-orderer',
        method: 'POST',
        path: '/ccw/api/orders',
        json: {
          lines: [
            { offer: 'EA', provisioningContactEmail: contact, requestedStartDate: '2026-01-01' },
          ],
        },
      },
      expect: { status: 201 },
    },
    {
      mail: { to: contact, open: 'Set Up Your Service' },
      capture: { token: 'link | last-segment' },
    },
  ];
  const setup = (form: Record<string, unknown>, status: number, body?: unknown): Step => ({
    request: { method: 'POST', path: '/ccw/api/setup/${token}', json: form },
    expect: { status, ...(body ? { body } : {}) },
  });
  const hq = { addressLine1: '1 Main St', city: 'Austin', country: 'US' };
  return [
    {
      id: 'org-4-admin-not-downgraded-v1',
      title: "A PUT on /v1 that would lower the full administrator's package is refused (409)",
      rules: ['ORG-4'],
      steps: [
        ...phCustomer('Door Co', 'owner@door-v1.example', ['webex_calling', 'webex_meetings']),
        adminOf,
        {
          request: {
            as: ADMIN,
            method: 'PUT',
            path: '/v1/wholesale/subscribers/${adminId}',
            json: { package: 'webex_meetings' },
          },
          expect: { status: 409, body: { message: 're:ORG-4' } },
        },
        {
          request: { as: ADMIN, path: '/v1/wholesale/subscribers/${adminId}' },
          expect: { status: 200, body: { package: 'webex_calling' } },
        },
      ],
    },
    {
      id: 'org-4-admin-not-downgraded-csv',
      title:
        "A CSV row that would lower the full administrator's package fails, and the admin keeps it",
      rules: ['ORG-4', 'USR-2'],
      steps: [
        ...phCustomer('Door Co', 'owner@door-csv.example', ['webex_calling', 'webex_meetings']),
        adminOf,
        csv(
          'User ID/Email (Required),Webex Calling [Wholesale],Webex Meetings [Wholesale]\nowner@door-csv.example,FALSE,TRUE\n',
          {
            summary: { failed: 1 },
            rows: [{ line: 2, outcome: 'failed', errors: [{ description: 're:ORG-4' }] }],
          },
        ),
        adminOf,
      ],
    },
    {
      id: 'usr-5-calling-needs-number-csv',
      title: 'A CSV row giving a user Webex Calling without a phone number or extension fails',
      rules: ['USR-5', 'USR-2'],
      steps: [
        ...phCustomer('Door Co', 'owner@door-usr5.example', ['webex_calling', 'webex_meetings']),
        csv(
          'User ID/Email (Required),First Name,Last Name,Webex Calling [Wholesale]\nana@door-usr5.example,Ana,Lima,TRUE\n',
          {
            summary: { failed: 1 },
            rows: [{ line: 2, outcome: 'failed', errors: [{ description: 're:USR-5' }] }],
          },
        ),
        {
          request: { as: ADMIN, path: '/v1/wholesale/subscribers?email=ana@door-usr5.example' },
          expect: { status: 200, bodyExact: { items: [] } },
        },
      ],
    },
    {
      id: 'sim-2-error-10022-csv',
      title: 'A CSV row whose email another customer holds fails with 10022',
      rules: ['SIM-2', 'USR-2'],
      steps: [
        ...phCustomer('Door Co', 'owner@door-csv-dup.example', ['webex_meetings']),
        ...phCustomer('Door Two', 'owner@door-csv-two.example', ['webex_meetings']),
        csv(
          'User ID/Email (Required),First Name,Last Name,Webex Meetings [Wholesale]\nowner@door-csv-dup.example,Ana,Lima,TRUE\n',
          {
            summary: { failed: 1 },
            rows: [{ line: 2, outcome: 'failed', errors: [{ errorCode: 10022 }] }],
          },
        ),
      ],
    },
    {
      id: 'org-1-ccw-setup-required',
      title:
        'The CCW setup form needs a company name and an admin email (400 1001), as Partner Hub does',
      rules: ['ORG-1', 'SIM-2'],
      steps: [
        ...order('buyer@door-org1.example'),
        setup({ adminEmail: 'it@door-org1.example', headquarters: hq }, 400, {
          errors: [{ errorCode: 1001, description: 're:companyName' }],
        }),
        setup({ companyName: 'Shop', headquarters: hq }, 400, {
          errors: [{ errorCode: 1001, description: 're:adminEmail' }],
        }),
        setup({ companyName: 'Shop', adminEmail: 'it@door-org1.example', headquarters: hq }, 201),
      ],
    },
    {
      id: 'org-2-unsupported-ccw',
      title:
        'A CCW setup in an unsupported country (AQ) is refused with 400 naming headquarters.country',
      rules: ['ORG-2', 'SIM-2'],
      steps: [
        ...order('buyer@door-org2.example'),
        setup(
          {
            companyName: 'Shop',
            adminEmail: 'it@door-org2.example',
            headquarters: { ...hq, country: 'AQ' },
          },
          400,
          { errors: [{ description: 're:^headquarters\\.country' }] },
        ),
        setup({ companyName: 'Shop', adminEmail: 'it@door-org2.example', headquarters: hq }, 201),
      ],
    },
  ];
};

/** The whole generated library, in a stable order. */
export const libraryScenarios = (): LibraryScenario[] => [
  ...customerTable(),
  ...ccwWindows(),
  ...roles(),
  ...tokens(),
  ...errorCodes(),
  ...requestFaults(),
  ...snapshots(),
  ...clock(),
  ...subscriberTable(),
  ...delays(),
  ...isolation(),
  ...ccwLate(),
  ...ccwAccess(),
  ...countries(),
  ...worlds(),
  ...otherStepFaults(),
  ...broadworksTable(),
  ...directorySyncTable(),
  ...billingReportRemovals(),
  ...doors(),
];

/** A scenario as its YAML file (before Prettier). */
export const scenarioYaml = (s: LibraryScenario): string =>
  `# yaml-language-server: $schema=./scenario.schema.json\n# Generated by scripts/gen-scenario-library.ts from scripts/scenario-library.ts: edit the tables there.\n${stringify(
    { id: s.id, title: s.title, rules: s.rules, steps: s.steps },
    { lineWidth: 100 },
  )}`;
