import { z } from 'zod';

/**
 * Field schemas shared by the surfaces. Messages start after the field path (validation.ts adds it).
 *
 * Validation runs in linear time: every string is bounded before any pattern sees it. Zod runs a
 * schema's checks in order and, unless one aborts, all of them; `text(max)` aborts past `max`
 * characters, so a pattern added after it only ever sees a bounded input. Each pattern here is also
 * linear by construction (no two quantifiers can match the same run of characters).
 */
export const text = (max: number) => z.string().max(max, { abort: true });

/** A bounded string that must match a pattern; the pattern never sees more than `max` characters. */
export const patternField = (max: number, pattern: RegExp, message: string) =>
  text(max).regex(pattern, message);

/** Local part, `@`, then dot-separated labels: no label may hold a dot, so nothing backtracks. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
export const emailField = patternField(
  254,
  EMAIL_PATTERN,
  'must be an email address such as ana@example.com',
);

export const countryField = patternField(
  64,
  /^[A-Z]{2}$/,
  'must be an ISO 3166 alpha-2 code such as US',
);

export const languageField = patternField(
  64,
  /^[a-z]{2}([_-][A-Za-z]{2})?$/,
  'must be a language code such as en or en_US',
);

/** An id the caller names (a template, customer, location, order…): bounded, never patterned. */
export const idField = text(256);

const hasControlCharacter = (v: string): boolean => {
  for (let i = 0; i < v.length; i += 1) {
    const c = v.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
};

/**
 * A BroadWorks user id (161 characters, as BroadWorks allows): surrounding spaces are dropped, and
 * one that is blank or holds control characters (NUL, tab, line breaks) is refused.
 */
export const userIdField = (blank = 'must not be blank') =>
  text(161)
    .trim()
    .min(1, blank)
    .refine((v) => !hasControlCharacter(v), 'must not contain control characters');

export const addressLine = text(50).min(1, 'must not be empty');

/** The `/v1` address shape (Cisco's files: "a 50 character limit on each address line"). */
export const addressSchema = z.object({
  addressLine1: addressLine,
  addressLine2: text(50).optional(),
  city: text(50).min(1, 'must not be empty'),
  stateOrProvince: text(50).optional(),
  zipOrPostalCode: text(20).optional(),
  country: countryField,
});

export const timezoneField = patternField(
  128,
  /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$|^UTC$/,
  'must be an IANA time zone such as America/Los_Angeles',
);

/** Phone numbers in E.164 or with dashes and spaces (`+1-240-555-1212`). */
export const phoneField = patternField(
  64,
  /^\+?[0-9][0-9 -]{5,20}$/,
  'must be a phone number such as +12405551212',
);
export const extensionField = patternField(64, /^[0-9]{2,10}$/, 'must be 2 to 10 digits');

/** The country's usual time zone, for locations made without one. */
export const defaultTimezone = (country: string): string =>
  ({
    US: 'America/New_York',
    CA: 'America/Toronto',
    MX: 'America/Mexico_City',
    BR: 'America/Sao_Paulo',
    GB: 'Europe/London',
    IE: 'Europe/Dublin',
    FR: 'Europe/Paris',
    DE: 'Europe/Berlin',
    ES: 'Europe/Madrid',
    IT: 'Europe/Rome',
    PT: 'Europe/Lisbon',
    PL: 'Europe/Warsaw',
    NL: 'Europe/Amsterdam',
    BE: 'Europe/Brussels',
    LU: 'Europe/Luxembourg',
    CH: 'Europe/Zurich',
    AT: 'Europe/Vienna',
    SE: 'Europe/Stockholm',
    NO: 'Europe/Oslo',
    DK: 'Europe/Copenhagen',
    FI: 'Europe/Helsinki',
    AU: 'Australia/Sydney',
    NZ: 'Pacific/Auckland',
    JP: 'Asia/Tokyo',
    SG: 'Asia/Singapore',
  })[country] ?? 'UTC';
