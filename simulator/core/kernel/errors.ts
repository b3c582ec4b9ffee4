/**
 * Expected failures as values (SIM-2). Each has the HTTP status it maps to, Webex's error body
 * parts, and, where the simulator defines one, its own error code. The http layer turns them into the
 * Webex error shape in one place. The table below is the one the README documents.
 */
export interface ErrorItem {
  readonly description: string;
  readonly errorCode?: number;
}

export interface DomainError {
  readonly status:
    400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 501 | 502 | 503 | number;
  readonly message: string;
  readonly errors: readonly ErrorItem[];
  readonly headers?: Readonly<Record<string, string>>;
}

/** Error codes. 1001, 1002 and 10022 are Webex's own; the others are the simulator's. */
export const ErrorCode = {
  required: 1001,
  tooLong: 1002,
  invalidValue: 1100,
  malformedJson: 1101,
  unknownField: 1102,
  stateConflict: 1200,
  clockBackwards: 1201,
  illegalTransition: 1202,
  templateMisconfigured: 1203,
  inUse: 10022,
} as const;

/** The simulator's error codes, for the README (kept in step by a test). */
export const errorCodeTable: readonly { code: number; status: number; meaning: string }[] = [
  { code: ErrorCode.required, status: 400, meaning: 'A required field is missing (Webex).' },
  {
    code: ErrorCode.tooLong,
    status: 400,
    meaning: 'A field is too long, or has too many items (Webex).',
  },
  {
    code: ErrorCode.invalidValue,
    status: 400,
    meaning: 'A field has the wrong type, format or value.',
  },
  { code: ErrorCode.malformedJson, status: 400, meaning: 'The body is not well-formed JSON.' },
  {
    code: ErrorCode.unknownField,
    status: 400,
    meaning: 'The body has a field the operation does not know.',
  },
  {
    code: ErrorCode.stateConflict,
    status: 409,
    meaning: 'The object is in a state that forbids the operation.',
  },
  {
    code: ErrorCode.clockBackwards,
    status: 409,
    meaning: 'The virtual clock cannot be set backwards.',
  },
  {
    code: ErrorCode.illegalTransition,
    status: 409,
    meaning: "The subscriber's status does not allow that move (the BroadWorks transition table).",
  },
  {
    code: ErrorCode.templateMisconfigured,
    status: 409,
    meaning:
      'The template is not set up for self-activation (TPL-4): user verification or share link.',
  },
  {
    code: ErrorCode.inUse,
    status: 409,
    meaning: 'A BroadWorks user id or email is already in use (Webex).',
  },
];

export const invalidField = (
  path: string,
  problem: string,
  errorCode: number = ErrorCode.invalidValue,
): DomainError => ({
  status: 400,
  message: `${path}: ${problem}`,
  errors: [{ description: `${path}: ${problem}`, errorCode }],
});

/** Several field problems at once (one item per field). */
export const invalidFields = (items: readonly ErrorItem[]): DomainError => ({
  status: 400,
  message:
    items.length === 1
      ? items[0]!.description
      : `The request has ${items.length} invalid fields: ${items.map((i) => i.description).join('; ')}`,
  errors: items,
});

export const notFound = (what: string): DomainError => ({
  status: 404,
  message: `${what} not found.`,
  errors: [{ description: `${what} not found.` }],
});

export const conflict = (
  description: string,
  errorCode: number = ErrorCode.stateConflict,
): DomainError => ({
  status: 409,
  message: description,
  errors: [{ description, errorCode }],
});

export const unauthorized = (description: string): DomainError => ({
  status: 401,
  message: 'The request requires a valid access token set in the Authorization request header.',
  errors: [{ description }],
});

export const forbidden = (description: string): DomainError => ({
  status: 403,
  message: description,
  errors: [{ description }],
});

export const unsupportedMediaType = (expected: string, got: string | undefined): DomainError => {
  const description = `Content-Type must be ${expected}${got ? `, not ${got}` : ' (none was sent)'}.`;
  return { status: 415, message: description, errors: [{ description }] };
};

export const payloadTooLarge = (description: string): DomainError => ({
  status: 413,
  message: description,
  errors: [{ description }],
});
