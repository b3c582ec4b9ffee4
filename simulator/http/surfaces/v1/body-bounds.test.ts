import { describe, expect, it } from 'vitest';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../../../adapters/testing.ts';
import {
  ADDRESS,
  ADMIN,
  customerBody,
  provisioningId,
} from '../../../../test/fixtures/wholesale.ts';
import { watchRegexes } from '../../../../test/support/regex-spy.ts';

/**
 * `/v1` bodies go through readCiscoJson: the body limits (size, depth, string and array bounds,
 * UTF-8) come first, then Cisco's schema with its lengths (the descriptions' where they state one),
 * and only then the patterns of the rules the descriptions state.
 */
const CUSTOMERS = '/v1/wholesale/customers';

const nested = (levels: number): unknown => {
  let v: unknown = 'bottom';
  for (let i = 0; i < levels; i += 1) v = { a: v };
  return v;
};

const postBytes = (t: TestApp, path: string, body: BodyInit) =>
  t.app.request(`${TEST_ORIGIN}${path}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', authorization: 'Bearer acme-admin' },
  });

describe('/v1 bodies are bounded before Cisco’s schema and any pattern see them', () => {
  it('refuses 4,000 levels of nesting, even under a field Cisco’s schema ignores (400, 1002)', async () => {
    const t = createTestApp();
    const pid = await provisioningId(t);
    const before = JSON.stringify(t.store.dump());
    const r = await t.call('POST', CUSTOMERS, {
      ...ADMIN,
      json: customerBody(pid, { unknownField: nested(4_000) }),
    });
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ errorCode: 1002 });
    expect(r.body.errors[0].description).toMatch(/nest/);
    expect(JSON.stringify(t.store.dump())).toBe(before);
  });

  it('refuses a string over 16 KiB before the schema runs, naming the field', async () => {
    const t = createTestApp();
    const pid = await provisioningId(t);
    const before = JSON.stringify(t.store.dump());
    const r = await t.call('POST', CUSTOMERS, {
      ...ADMIN,
      json: customerBody(pid, { externalId: 'x'.repeat(16 * 1024 + 1) }),
    });
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toEqual({
      description: 'externalId: must be at most 16384 characters',
      errorCode: 1002,
    });
    expect(JSON.stringify(t.store.dump())).toBe(before);
  });

  it('takes the descriptions’ limits: an address line over 50 characters is refused, and the email pattern never sees more than 254', async () => {
    const t = createTestApp();
    const pid = await provisioningId(t);
    const before = JSON.stringify(t.store.dump());
    const line = await t.call('POST', CUSTOMERS, {
      ...ADMIN,
      json: customerBody(pid, { address: { ...ADDRESS, addressLine1: 'x'.repeat(51) } }),
    });
    expect(line.status).toBe(400);
    expect(line.body.errors[0].description).toMatch(/^address\.addressLine1: /);
    const probe = `a@${'.'.repeat(10_000)}@`;
    const { value: email, seen } = await watchRegexes(
      () =>
        t.call('POST', CUSTOMERS, {
          ...ADMIN,
          json: customerBody(pid, { customerInfo: { name: 'Pizza', primaryEmail: probe } }),
        }),
      254,
    );
    expect(email.status).toBe(400);
    expect(email.body.errors[0].description).toMatch(/^customerInfo\.primaryEmail: /);
    expect(seen.over).toEqual([]);
    expect(JSON.stringify(t.store.dump())).toBe(before);
  });

  it('answers invalid UTF-8 with 400 (1101), storing nothing', async () => {
    const t = createTestApp();
    const pid = await provisioningId(t);
    const before = JSON.stringify(t.store.dump());
    const json = JSON.stringify(customerBody(pid, { externalId: 'CAFE' }));
    const [head, tail] = json.split('CAFE') as [string, string];
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(`${head}Caf`),
      0xe9, // Latin-1 é: not UTF-8
      ...new TextEncoder().encode(tail),
    ]);
    const res = await postBytes(t, CUSTOMERS, bytes);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: unknown[] };
    expect(body.errors[0]).toEqual({ description: 'body: is not valid UTF-8', errorCode: 1101 });
    expect(JSON.stringify(t.store.dump())).toBe(before);
  });
});
