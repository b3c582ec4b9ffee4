import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { render } from '../../../../scripts/gen-published-operations.ts';
import { publishedOperation } from './api.ts';

describe('published operations', () => {
  it("are in step with the project copy of Cisco's OpenAPI files (run `npm run gen` if not)", () => {
    expect(readFileSync('simulator/http/surfaces/v1/published-operations.ts', 'utf8')).toBe(
      render(),
    );
  });

  it('match concrete paths by their templates', () => {
    expect(publishedOperation('DELETE', '/v1/wholesale/customers/abc')?.path).toBe(
      '/v1/wholesale/customers/{customerId}',
    );
    expect(
      publishedOperation('POST', '/v1/subscribers/abc/emails/consentMove')?.operationId,
    ).toMatch(/Consent/);
    expect(publishedOperation('PATCH', '/v1/wholesale/customers/abc')).toBeUndefined();
  });
});
