import type { z } from 'zod';
import { ErrorCode, invalidFields, type ErrorItem } from './errors.ts';
import { fail, ok, type Result } from './result.ts';

/** `address.country`, `users[3].email`; the whole body is `body`. */
export const fieldPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (acc, key) =>
      typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key),
    '',
  ) || 'body';

/** A message a schema gave on purpose (zod's own start with "Invalid"). */
const custom = (issue: z.core.$ZodIssue): string | undefined =>
  /^Invalid\b/.test(issue.message) ? undefined : issue.message;

const describe = (issue: z.core.$ZodIssue): ErrorItem[] =>
  describeIssue(issue).map((item) => {
    const field = item.description.slice(0, item.description.indexOf(':'));
    return field === 'body' ? item : { ...item, field };
  });

const describeIssue = (issue: z.core.$ZodIssue): ErrorItem[] => {
  const path = fieldPath(issue.path);
  if (
    (issue.code === 'invalid_type' || issue.code === 'invalid_value') &&
    issue.input === undefined
  ) {
    return [{ description: `${path}: is required`, errorCode: ErrorCode.required }];
  }
  const mine = custom(issue);
  if (mine !== undefined && issue.code !== 'too_big' && issue.code !== 'unrecognized_keys') {
    return [{ description: `${path}: ${mine}`, errorCode: ErrorCode.invalidValue }];
  }
  switch (issue.code) {
    case 'invalid_type':
      return [
        {
          description: `${path}: must be ${article(issue.expected)}`,
          errorCode: ErrorCode.invalidValue,
        },
      ];
    case 'too_big': {
      const unit =
        issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : '';
      return [
        {
          description: `${path}: must be at most ${String(issue.maximum)}${unit}`,
          errorCode: ErrorCode.tooLong,
        },
      ];
    }
    case 'unrecognized_keys':
      return issue.keys.map((k) => ({
        description: `${path === 'body' ? k : `${path}.${k}`}: unknown field`,
        errorCode: ErrorCode.unknownField,
      }));
    case 'invalid_value':
      return [
        {
          description: `${path}: must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
          errorCode: ErrorCode.invalidValue,
        },
      ];
    default:
      return [{ description: `${path}: ${issue.message}`, errorCode: ErrorCode.invalidValue }];
  }
};

const article = (t: string): string =>
  t === 'object' || t === 'array' || t === 'integer' ? `an ${t}` : `a ${t}`;

/** Validates input against a schema; every problem becomes one Webex error item naming its field. */
export const parseWith = <S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> => {
  const r = schema.safeParse(input, { reportInput: true });
  return r.success ? ok(r.data) : fail(invalidFields(r.error.issues.flatMap(describe)));
};
