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

  it("the README's table lists every operation of both files, and the simulator's two, 39 in all", () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## All `/v1` operations'));
    const rows = section
      .slice(0, section.indexOf('\n## ', 1))
      .split('\n')
      .filter((l) => /^\| \d+ /.test(l));
    expect(rows).toHaveLength(39);
    const files = ['openapi/webex-wholesale.json', 'openapi/webex-broadworks.json'].map(
      (f) =>
        JSON.parse(readFileSync(f, 'utf8')) as {
          paths: Record<string, Record<string, { operationId: string }>>;
        },
    );
    const operations = files.flatMap((doc) =>
      Object.entries(doc.paths).flatMap(([path, item]) =>
        Object.entries(item).map(([method, op]) => ({ method, path, id: op.operationId })),
      ),
    );
    expect(operations).toHaveLength(37);
    for (const op of operations)
      expect(
        rows.some(
          (r) =>
            r.includes(` ${op.id} `) && r.includes(`\`${op.method.toUpperCase()} /v1${op.path}\``),
        ),
        op.id,
      ).toBe(true);
    expect(readme).not.toMatch(/not implement/i);
  });
});
