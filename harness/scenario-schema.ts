import { z } from 'zod';

/**
 * The scenario format (issue 7): YAML a QA engineer writes without TypeScript, one behaviour per
 * file, no host or port inside. `npm run gen` writes its JSON Schema to scenarios/scenario.schema.json
 * for editors; every load validates against this schema and names the file, line and problem.
 */
const value = z.unknown();
const method = z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);

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
  clock: z.strictObject({ advance: z.string().optional(), set: z.string().optional() }),
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

/** Each step kind by the key that names it; a step has exactly one of these keys. */
export const STEP_KINDS = {
  request: requestStep,
  clock: clockStep,
  fault: faultStep,
  waitFor: waitStep,
  mail: mailStep,
} as const;
export type StepKind = keyof typeof STEP_KINDS;

export const stepSchema = z.union([requestStep, clockStep, faultStep, waitStep, mailStep]);

export const scenarioSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case words joined by dashes'),
  title: z.string().min(5),
  rules: z.array(z.string().regex(/^[A-Z]+-\d+$/)).min(1),
  seed: z.number().int().min(0).default(1),
  steps: z.array(stepSchema).min(1),
});

export type Scenario = z.output<typeof scenarioSchema>;
export type Step = z.output<typeof stepSchema>;
export type RequestSpec = z.output<typeof requestSchema>;
export type ExpectSpec = z.output<typeof expectSchema>;

/** Steps that need the `/sim` API (clock, faults, mail, waits, retries that advance the clock). */
export const needsSim = (s: Scenario): boolean =>
  s.steps.some(
    (st) => !('request' in st) || st.retry !== undefined || st.request.path.startsWith('/sim'),
  );

/** The JSON Schema editors use (scenarios/scenario.schema.json). */
export const scenarioJsonSchema = (): unknown => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'provisim scenario',
  ...(z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as object),
});
