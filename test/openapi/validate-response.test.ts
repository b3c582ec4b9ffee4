import { describe, expect, it } from 'vitest';
import { validateV1Response } from './validate-response.ts';

const customer = { id: 'abc', externalId: 'e', status: 'provisioned', packages: ['webex_calling'], address: { addressLine1: 'x', city: 'y', country: 'US' }, errors: [] };

describe('the /v1 response validator', () => {
  it('accepts a customer that matches the published schema', () => {
    expect(validateV1Response('GET', '/v1/wholesale/customers/abc', 200, customer)).toEqual({ ok: true });
    expect(validateV1Response('GET', '/v1/wholesale/customers', 200, { items: [customer] })).toEqual({ ok: true });
  });

  it('rejects a wrong enum value, naming where', () => {
    const v = validateV1Response('GET', '/v1/wholesale/customers/abc', 200, { ...customer, status: 'bogus' });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors.join()).toContain('/status must be equal to one of the allowed values');
  });

  it('rejects a wrong item in a list', () => {
    const v = validateV1Response('GET', '/v1/wholesale/customers', 200, { items: [{ ...customer, packages: 'webex_calling' }] });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors.join()).toContain('/items/0/packages must be array');
  });

  it('resolves literal segments before templated ones (validate is not a customer id)', () => {
    const precheck = { message: 'success', info: { infoCode: 100, description: 'ok' } };
    expect(validateV1Response('POST', '/v1/wholesale/customers/validate', 200, precheck)).toEqual({ ok: true });
    const v = validateV1Response('POST', '/v1/wholesale/customers/validate', 200, { message: 1 });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.operation).toBe('POST /v1/wholesale/customers/validate → 200');
  });

  it('validates BroadWorks answers too', () => {
    expect(validateV1Response('GET', '/v1/broadworks/subscribers', 200, { items: [] })).toEqual({ ok: true });
    expect(validateV1Response('GET', '/v1/broadworks/subscribers', 200, { items: 'none' }).ok).toBe(false);
  });

  it('accepts an empty body where none is published, and refuses unknown operations and statuses', () => {
    expect(validateV1Response('DELETE', '/v1/wholesale/subscribers/abc', 204, undefined)).toEqual({ ok: true });
    expect(validateV1Response('DELETE', '/v1/wholesale/subscribers/abc', 204, { x: 1 }).ok).toBe(false);
    expect(validateV1Response('GET', '/v1/nothing', 200, {}).ok).toBe(false);
    expect(validateV1Response('GET', '/v1/wholesale/customers', 299, {}).ok).toBe(false);
  });
});
