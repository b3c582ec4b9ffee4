import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from './error-catalogue.ts';
import { errorCodeTable, isConflict } from './kernel/errors.ts';

const readme = readFileSync('README.md', 'utf8').replace(/[ \n]+/g, ' ');

describe('the error catalogues (architecture.md, principle 5)', () => {
  it('use only codes the README documents, each with the status the README gives it', () => {
    const documented = new Map(errorCodeTable.map((e) => [e.code, e.status]));
    for (const e of ERROR_CATALOGUE) {
      if (e.code === undefined) continue;
      expect(documented.get(e.code), `${e.area}.${e.key}`).toBe(e.status);
      expect(readme).toMatch(new RegExp(`\\| ${e.status} \\| ${e.code} \\|`));
    }
  });

  it('answer 409 exactly for the conflict codes, and name every placeholder they fill', () => {
    for (const e of ERROR_CATALOGUE) {
      if (e.code !== undefined)
        expect(isConflict({ description: '', errorCode: e.code }), `${e.area}.${e.key}`).toBe(
          e.status === 409,
        );
      expect(e.message, `${e.area}.${e.key}`).not.toMatch(/\{\}/);
    }
    expect(new Set(ERROR_CATALOGUE.map((e) => `${e.area}.${e.key}`)).size).toBe(
      ERROR_CATALOGUE.length,
    );
  });
});
