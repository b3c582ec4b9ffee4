import { describe, expect, it } from 'vitest';
import { watchRegexes } from '../../../test/support/regex-spy.ts';
import {
  countryField,
  EMAIL_PATTERN,
  emailField,
  extensionField,
  languageField,
  phoneField,
  timezoneField,
  userIdField,
} from './fields.ts';
import { parseWith } from './validation.ts';

const PATTERNED = [
  ['email', emailField, 254, 'a@' + '.'.repeat(400_000) + '@'],
  ['country', countryField, 64, 'U'.repeat(100_000)],
  ['language', languageField, 64, 'e'.repeat(100_000)],
  ['timezone', timezoneField, 128, 'A/'.repeat(50_000)],
  ['phone', phoneField, 64, '1'.repeat(100_000)],
  ['extension', extensionField, 64, '1'.repeat(100_000)],
] as const;

describe('field schemas: linear-time validation', () => {
  it.each(PATTERNED)(
    '%s: an over-long input is refused (1002) before any pattern runs',
    async (_name, field, max, huge) => {
      for (const input of [huge, huge.slice(0, max + 1)]) {
        const { value, seen } = await watchRegexes(() => parseWith(field, input));
        expect(value.ok).toBe(false);
        if (!value.ok) expect(value.error.errors[0]?.errorCode).toBe(1002);
        // Not one pattern was handed the input: nothing longer than the field's limit ran.
        expect(seen.longest).toBeLessThanOrEqual(max);
      }
    },
  );

  it.each(PATTERNED)(
    '%s: an input within the limit reaches its pattern',
    async (_n, field, max) => {
      const { seen } = await watchRegexes(() => parseWith(field, 'x'.repeat(max)));
      expect(seen.runs).toBeGreaterThan(0);
    },
  );

  it('the email pattern accepts addresses and refuses what is not one', () => {
    for (const ok of ['ana@example.com', 'a.b+c@mail.example.co.uk', 'x@y.z'])
      expect(EMAIL_PATTERN.test(ok)).toBe(true);
    for (const bad of ['ana', 'ana@', '@example.com', 'a@b', 'a@b.', 'a@.b', 'a@b..c', 'a b@c.d'])
      expect(EMAIL_PATTERN.test(bad)).toBe(false);
  });

  it('the email pattern is unambiguous: no label can hold the dot that ends it', () => {
    // The construction the linear-time claim rests on: the domain's labels exclude the separator,
    // so at every character there is exactly one way to go on.
    expect(EMAIL_PATTERN.source).toBe('^[^\\s@]+@[^\\s@.]+(?:\\.[^\\s@.]+)+$');
  });
});

describe('BroadWorks user ids', () => {
  it.each(['', '   ', '\t', '\u0000', '\u0000\u0000\u0000', ' \u0000 '])(
    'refuses the blank or control-only %j',
    (v) => {
      const r = parseWith(userIdField(), v);
      expect(r.ok).toBe(false);
    },
  );

  it('refuses a control character inside an id', () => {
    const r = parseWith(userIdField(), 'ana\u0000@example.com');
    expect(!r.ok && r.error.errors[0]?.description).toBe(
      'body: must not contain control characters',
    );
  });

  it('keeps an id without its surrounding spaces', () => {
    const r = parseWith(userIdField(), '  ana@example.com ');
    expect(r.ok && r.value).toBe('ana@example.com');
  });
});
