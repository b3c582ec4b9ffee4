import { z } from 'zod';

/**
 * The scenario format (issue 7): YAML a QA engineer writes without TypeScript, one behaviour per
 * file, no host or port inside. `npm run gen` writes its JSON Schema to scenarios/scenario.schema.json
 * for editors; every load validates against this schema and names the file, line and problem.
 */
const value = z.unknown();
const method = z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);
const duration = z
  .string()
  .regex(
    /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/,
    'must be an ISO 8601 duration such as PT1S, PT30S or P1D',
  );
const token = z
  .string()
  .min(1)
  .describe('A token of the seeded world, e.g. acme-admin (GET /sim/world lists them).');

export const requestSchema = z.strictObject({
  as: z
    .string()
    .min(1)
    .optional()
    .describe('A token of the seeded world, e.g. acme-admin (none: no Authorization header).'),
  method: method.default('GET'),
  path: z
    .string()
    .startsWith('/')
    .describe(
      'A path inside the world, e.g. /v1/wholesale/customers; ${name} is replaced by a captured value.',
    ),
  json: value.optional().describe('A JSON body.'),
  body: z.string().optional().describe('A raw body (give the content-type in headers).'),
  headers: z.record(z.string(), z.string()).optional(),
});

export const expectSchema = z.strictObject({
  status: z.union([z.number().int(), z.array(z.number().int())]).optional(),
  headers: z
    .record(z.string(), z.string())
    .optional()
    .describe('Header values: exact, or "re:<pattern>".'),
  body: value
    .optional()
    .describe(
      'A subset of the JSON body: objects match by key, arrays item by item; "re:<pattern>" matches strings; "*" anything present.',
    ),
  bodyExact: value.optional().describe('The JSON body, exactly.'),
  text: z.string().optional().describe('A text the (non-JSON) body contains, or "re:<pattern>".'),
});

const capture = z
  .record(z.string().regex(/^[A-Za-z_]\w*$/), z.string())
  .describe(
    'name: path into the answer, e.g. body.id, body.lines[0].id, headers.location, link (the mail link a mail step opened), or "body.url | last-segment".',
  );

const retry = z.strictObject({
  on: z.array(z.number().int()).min(1).describe('Statuses to retry, e.g. [429, 503].'),
  max: z.number().int().min(1).max(20).describe('Retries at most.'),
  wait: z
    .string()
    .optional()
    .describe(
      'ISO duration to wait when the answer has no Retry-After (default PT1S). Waiting advances the virtual clock.',
    ),
});

const requestStep = z.strictObject({
  name: z.string().optional(),
  request: requestSchema,
  expect: expectSchema.optional(),
  capture: capture.optional(),
  retry: retry.optional(),
});
const clockStep = z.strictObject({
  name: z.string().optional(),
  clock: z.strictObject({
    advance: duration.optional().describe('Move the virtual clock forward, e.g. P7D.'),
    set: z.string().optional().describe('Set the virtual clock (never backwards).'),
    mode: z
      .enum(['frozen', 'running'])
      .optional()
      .describe(
        'running: the clock moves by itself (speed × real time), e.g. while a client runs.',
      ),
    speed: z.number().positive().optional().describe('Virtual ms per real ms when running.'),
  }),
});
const faultStep = z.strictObject({
  name: z.string().optional(),
  fault: z.union([
    z.strictObject({ add: z.record(z.string(), value) }),
    z.strictObject({ clear: z.literal(true) }),
  ]),
  capture: capture.optional(),
});
const waitStep = z.strictObject({
  name: z.string().optional(),
  waitFor: z.strictObject({
    request: requestSchema,
    until: value.describe('A subset of the JSON body to wait for, e.g. {status: provisioned}.'),
    every: z.string().default('PT30S').describe('How far the virtual clock moves between looks.'),
    within: z.string().default('PT2H').describe('Give up (fail) after this much virtual time.'),
  }),
  capture: capture.optional(),
});
const mailStep = z.strictObject({
  name: z.string().optional(),
  mail: z.strictObject({
    to: z.string().min(3),
    count: z.number().int().min(0).optional().describe('How many mails that address has.'),
    subject: z.string().optional().describe('The latest mail subject: exact or "re:<pattern>".'),
    from: z.string().optional(),
    open: z
      .string()
      .optional()
      .describe(
        'Open (GET) the latest mail link with this label; expect and capture then apply to that answer.',
      ),
    method: method.optional().describe('Method to open the link with (default GET).'),
  }),
  expect: expectSchema.optional(),
  capture: capture.optional(),
});

const clientStep = z.strictObject({
  name: z.string().optional(),
  client: z.strictObject({
    run: z
      .string()
      .min(1)
      .describe(
        'A shell command: your client. It gets PROVISIM_BASE_URL (the world), PROVISIM_TOKEN, PROVISIM_WORLD and PROVISIM_OUTPUT (a file it may write JSON to) in its environment.',
      ),
    as: token.optional().describe('The token given as PROVISIM_TOKEN (default acme-admin).'),
    env: z
      .record(z.string().regex(/^[A-Za-z_]\w*$/), z.string())
      .optional()
      .describe('More environment variables; ${name} inserts captured values.'),
    timeout: duration
      .optional()
      .describe('Real time the command may take before it is killed (default PT60S).'),
    expectExit: z
      .union([z.number().int().min(0).max(255), z.enum(['nonzero', 'any'])])
      .optional()
      .describe(
        'The exit code expected (default 0); nonzero for any failure; any to not judge it.',
      ),
    expectOutput: value
      .optional()
      .describe('A subset of the JSON the command wrote to $PROVISIM_OUTPUT.'),
    task: z
      .strictObject({
        name: z.string().regex(/^[a-z][a-z0-9-]*$/),
        input: value.optional(),
      })
      .optional()
      .describe(
        'A task of the client task protocol (README, "Test your own client"): given as PROVISIM_TASK, PROVISIM_TASK_INPUT (JSON) and PROVISIM_TASK_FILE.',
      ),
    because: z.string().optional().describe('Why the expectations matter, added to the verdict.'),
  }),
});

const snapshotName = z
  .string()
  .regex(/^[A-Za-z0-9][\w.-]{0,99}$/, 'must be letters, digits, dots, dashes or underscores')
  .describe('The snapshot name, unique in the scenario world.');
const snapshotStep = z.strictObject({
  name: z.string().optional(),
  snapshot: z
    .strictObject({ name: snapshotName })
    .describe(
      'Take a snapshot of the whole world (entities, clock, faults, config, mail, pending steps): POST /sim/snapshots.',
    ),
});
const restoreStep = z.strictObject({
  name: z.string().optional(),
  restore: z
    .strictObject({ name: snapshotName })
    .describe(
      'Put the world back exactly as the named snapshot held it (the request journal is kept).',
    ),
});

const statusMatch = z.union([
  z.number().int().min(100).max(599),
  z.string().regex(/^[1-5]xx$/, 'must be a status class such as 4xx'),
]);

export const requestMatchSchema = z.strictObject({
  method: method.optional(),
  path: z
    .string()
    .startsWith('/')
    .optional()
    .describe('A path inside the world; * matches any run of characters.'),
  query: z.string().optional().describe('The query string (?a=b…): exact, or "re:<pattern>".'),
  status: statusMatch.optional().describe('The answer: 429, or a class such as 4xx.'),
  token: z
    .string()
    .min(1)
    .optional()
    .describe('The token sent: a name such as acme-admin, * for any known token, none for none.'),
});

const gap = z
  .strictObject({
    wall: duration.optional().describe('Real time, e.g. PT1S.'),
    virtual: duration.optional().describe('Virtual time, e.g. PT30S.'),
  })
  .refine((g) => g.wall !== undefined || g.virtual !== undefined, 'name wall, virtual or both');

const requestsStep = z.strictObject({
  name: z.string().optional(),
  requests: z.strictObject({
    match: requestMatchSchema
      .default({})
      .describe(
        'Which requests of the journal to judge: those the last client step made (all, before one).',
      ),
    count: z
      .union([
        z.number().int().min(0),
        z.strictObject({
          min: z.number().int().min(0).optional(),
          max: z.number().int().min(0).optional(),
        }),
      ])
      .optional()
      .describe('How many requests match: exactly n, or {min, max}.'),
    order: z
      .array(requestMatchSchema)
      .min(1)
      .optional()
      .describe('Requests that must come in this order among the matching ones (others between).'),
    minGap: gap
      .optional()
      .describe(
        'The least time between two matching requests, named: {wall: PT1S}, {virtual: PT30S}.',
      ),
    honoursRetryAfter: z
      .boolean()
      .optional()
      .describe(
        'After an answer with Retry-After, the next matching request of that method and path comes no sooner (real time).',
      ),
    body: value
      .optional()
      .describe(
        'Every matching body: a subset of its JSON, or a text it contains ("re:<pattern>" for a pattern).',
      ),
    unique: z
      .string()
      .regex(/^[A-Za-z_][\w.]*$/)
      .optional()
      .describe(
        'A field of the JSON body (e.g. externalId) no two matching requests share, except a resend after 429, 503 or another 4xx (nothing was created).',
      ),
    because: z
      .string()
      .optional()
      .describe('Why the check matters, added to its verdict (e.g. "Webex asks clients to wait").'),
  }),
});

/** Each step kind by the key that names it; a step has exactly one of these keys. */
export const STEP_KINDS = {
  request: requestStep,
  clock: clockStep,
  fault: faultStep,
  waitFor: waitStep,
  mail: mailStep,
  client: clientStep,
  requests: requestsStep,
  snapshot: snapshotStep,
  restore: restoreStep,
} as const;
export type StepKind = keyof typeof STEP_KINDS;

export const stepSchema = z.union([
  requestStep,
  clockStep,
  faultStep,
  waitStep,
  mailStep,
  clientStep,
  requestsStep,
  snapshotStep,
  restoreStep,
]);

export const scenarioSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case words joined by dashes'),
  title: z.string().min(5),
  rules: z.array(z.string().regex(/^[A-Z]+-\d+$/)).min(1),
  seed: z.number().int().min(0).default(1),
  requires: z
    .strictObject({
      faults: z
        .array(z.record(z.string(), value))
        .min(1)
        .describe(
          'Faults the target must accept (probed with POST /sim/faults, then removed); if it refuses one, the scenario is not applicable.',
        ),
    })
    .optional(),
  steps: z.array(stepSchema).min(1),
});

export type Scenario = z.output<typeof scenarioSchema>;
export type Step = z.output<typeof stepSchema>;
export type RequestSpec = z.output<typeof requestSchema>;
export type ExpectSpec = z.output<typeof expectSchema>;
export type RequestMatch = z.output<typeof requestMatchSchema>;
export type ClientSpec = z.output<typeof clientStep>['client'];
export type RequestsSpec = z.output<typeof requestsStep>['requests'];

/** Steps that need the `/sim` API (clock, faults, mail, waits, journal, retries on the clock). */
export const needsSim = (s: Scenario): boolean =>
  s.requires !== undefined ||
  s.steps.some((st) =>
    'client' in st
      ? false
      : !('request' in st) || st.retry !== undefined || st.request.path.startsWith('/sim'),
  );

/** Scenarios that run a client command need a target it can reach (a listening server). */
export const runsClient = (s: Scenario): boolean => s.steps.some((st) => 'client' in st);

/** The JSON Schema editors use (scenarios/scenario.schema.json). */
export const scenarioJsonSchema = (): unknown => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'provisim scenario',
  ...(z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as object),
});
