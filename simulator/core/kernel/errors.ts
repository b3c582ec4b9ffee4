/**
 * Expected failures as values (SIM-2; architecture.md, principle 5). A domain error has the HTTP
 * status it maps to and Webex's error body parts; the http layer turns it into the Webex error shape
 * in one place. Each area lists its errors in its own catalogue (`<area>/errors.ts`, built with
 * `defineErrors`): a code, a status and a message template, so no function hard-codes either.
 */
export interface ErrorItem {
  readonly description: string;
  readonly errorCode?: number;
  /**
   * The field the description starts with (`address.country: …`), as the domain names it. A door
   * whose callers name the field otherwise (`headquarters.country` in Partner Hub) renames it
   * (`renameFields`). Never sent on the wire.
   */
  readonly field?: string;
}

export interface DomainError {
  readonly status: number;
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
  numberInUse: 1204,
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
    meaning: "The resource's status does not allow that move (its state table).",
  },
  {
    code: ErrorCode.templateMisconfigured,
    status: 409,
    meaning:
      'The template is not set up for self-activation (TPL-4): user verification or share link.',
  },
  {
    code: ErrorCode.numberInUse,
    status: 409,
    meaning: 'A phone number or extension is already assigned to another user.',
  },
  {
    code: ErrorCode.inUse,
    status: 409,
    meaning: 'An email or a BroadWorks user id is already in use (Webex).',
  },
];

/** The names a message template's `{placeholders}` need. */
type Placeholders<T extends string> = T extends `${string}{${infer K}}${infer Rest}`
  ? K | Placeholders<Rest>
  : never;
export type ParamsOf<T extends string> = { readonly [K in Placeholders<T>]: string | number };

export interface ErrorSpec<T extends string = string> {
  readonly status: number;
  readonly code?: number;
  /** The description, with `{name}` placeholders filled from the params. */
  readonly message: T;
}

/** Fills `{name}` placeholders. */
export const renderTemplate = (template: string, params: Readonly<Record<string, unknown>>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );

/** One catalogue entry: call it for a whole error, or `.at(field, params)` for one field's item. */
export interface CatalogEntry<T extends string> {
  (params: ParamsOf<T>): DomainError;
  /** The problem as an item of a field, `field: description`. */
  at(field: string, params: ParamsOf<T>): ErrorItem;
  /** The problem as an item without a field. */
  item(params: ParamsOf<T>): ErrorItem;
  readonly spec: ErrorSpec<T> & { readonly area: string; readonly key: string };
}

export type Catalog<S extends Record<string, ErrorSpec>> = {
  readonly [K in keyof S]: CatalogEntry<S[K]['message']>;
};

const withCode = (description: string, code: number | undefined): ErrorItem =>
  code === undefined ? { description } : { description, errorCode: code };

/** Builds an area's error catalogue from its specs (architecture.md, principle 5). */
export const defineErrors = <const S extends Record<string, ErrorSpec>>(
  area: string,
  specs: S,
): Catalog<S> => {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const item = (params: Record<string, unknown>): ErrorItem =>
      withCode(renderTemplate(spec.message, params), spec.code);
    const entry = (params: Record<string, unknown>): DomainError => {
      const i = item(params);
      return { status: spec.status, message: i.description, errors: [i] };
    };
    entry.item = item;
    entry.at = (field: string, params: Record<string, unknown>): ErrorItem => ({
      ...withCode(`${field}: ${renderTemplate(spec.message, params)}`, spec.code),
      field,
    });
    entry.spec = { ...spec, area, key };
    out[key] = entry;
  }
  return out as Catalog<S>;
};

/** Every entry of a catalogue, for documentation and tests. */
export const catalogEntries = (
  catalog: Readonly<Record<string, { readonly spec: CatalogEntry<string>['spec'] }>>,
) => Object.values(catalog).map((e) => e.spec);

/** A 400 naming one field. */
export const invalidField = (
  path: string,
  problem: string,
  errorCode: number = ErrorCode.invalidValue,
): DomainError => invalidFields([{ description: `${path}: ${problem}`, errorCode, field: path }]);

/** Several field problems at once (one item per field). */
export const invalidFields = (items: readonly ErrorItem[]): DomainError => ({
  status: 400,
  message:
    items.length === 1
      ? items[0]!.description
      : `The request has ${items.length} invalid fields: ${items.map((i) => i.description).join('; ')}`,
  errors: items,
});

/** Codes whose problems are conflicts with the world's state (409), not bad input (400). */
const CONFLICT_CODES: ReadonlySet<number> = new Set([
  ErrorCode.stateConflict,
  ErrorCode.clockBackwards,
  ErrorCode.illegalTransition,
  ErrorCode.templateMisconfigured,
  ErrorCode.numberInUse,
  ErrorCode.inUse,
]);

export const isConflict = (item: ErrorItem): boolean =>
  item.errorCode !== undefined && CONFLICT_CODES.has(item.errorCode);

/**
 * The answer to a list of problems found on one request: bad input first (400, with only those
 * problems), else the conflicts (409). Webex checks the request before it looks at the world.
 */
export const rejection = (items: readonly ErrorItem[]): DomainError => {
  const invalid = items.filter((i) => !isConflict(i));
  if (invalid.length > 0) return invalidFields(invalid);
  return {
    status: 409,
    message:
      items.length === 1
        ? items[0]!.description
        : `The request conflicts with the world in ${items.length} ways: ${items.map((i) => i.description).join('; ')}`,
    errors: items,
  };
};

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

/** How a door names the domain's fields: the longest matching prefix wins (`address` → `headquarters`). */
export type FieldMap = Readonly<Record<string, string>>;

const renamePath = (path: string, map: FieldMap): string => {
  let best: string | undefined;
  for (const from of Object.keys(map)) {
    const hit = path === from || path.startsWith(`${from}.`) || path.startsWith(`${from}[`);
    if (hit && (best === undefined || from.length > best.length)) best = from;
  }
  return best === undefined ? path : `${map[best]}${path.slice(best.length)}`;
};

/** Items as a door's callers know their fields; items that become the same are dropped. */
export const renameItems = (items: readonly ErrorItem[], map: FieldMap): ErrorItem[] => {
  const seen = new Set<string>();
  const out: ErrorItem[] = [];
  for (const i of items) {
    let item = i;
    if (i.field !== undefined && i.description.startsWith(`${i.field}:`)) {
      const field = renamePath(i.field, map);
      const rest = i.description.slice(i.field.length + 1).trimStart();
      item =
        field === ''
          ? { ...i, field, description: rest }
          : { ...i, field, description: `${field}: ${rest}` };
    }
    if (seen.has(item.description)) continue;
    seen.add(item.description);
    out.push(item);
  }
  return out;
};

/**
 * The error as a door's callers know their fields: each item's field renamed by the map (to `''`:
 * no field named), items that become the same dropped (two domain fields may come from one field of
 * the door).
 */
export const renameFields = (e: DomainError, map: FieldMap): DomainError => {
  if (!e.errors.some((i) => i.field !== undefined)) return e;
  const errors = renameItems(e.errors, map);
  const message =
    e.errors.length === 1 || errors.length === 1
      ? errors[0]!.description
      : e.status === 400
        ? `The request has ${errors.length} invalid fields: ${errors.map((i) => i.description).join('; ')}`
        : e.message;
  return { ...e, message, errors };
};
