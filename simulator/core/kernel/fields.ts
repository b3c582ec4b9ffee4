import { z } from 'zod';

/** Field schemas shared by the surfaces. Messages start after the field path (validation.ts adds it). */
export const emailField = z
  .string()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an email address such as ana@example.com');

export const countryField = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code such as US');

export const languageField = z
  .string()
  .regex(/^[a-z]{2}([_-][A-Za-z]{2})?$/, 'must be a language code such as en or en_US');

export const addressLine = z.string().min(1, 'must not be empty').max(50);

/** The `/v1` address shape (50 characters a line). */
export const addressSchema = z.object({
  addressLine1: addressLine,
  addressLine2: z.string().max(50).optional(),
  city: z.string().min(1, 'must not be empty').max(50),
  stateOrProvince: z.string().max(50).optional(),
  zipOrPostalCode: z.string().max(20).optional(),
  country: countryField,
});

export const timezoneField = z
  .string()
  .regex(
    /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$|^UTC$/,
    'must be an IANA time zone such as America/Los_Angeles',
  );

/** Phone numbers in E.164 or with dashes and spaces (`+1-240-555-1212`). */
export const phoneField = z
  .string()
  .regex(/^\+?[0-9][0-9 -]{5,20}$/, 'must be a phone number such as +12405551212');
export const extensionField = z.string().regex(/^[0-9]{2,10}$/, 'must be 2 to 10 digits');

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
