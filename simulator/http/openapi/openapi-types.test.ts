import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderTypes, TYPE_FILES } from '../../../scripts/gen-openapi-types.ts';

describe('generated /v1 types', () => {
  it.each(TYPE_FILES)('$target is in step with $source (run `npm run gen` if not)', async ({ source, target }) => {
    expect(readFileSync(target, 'utf8')).toBe(await renderTypes(source));
  });
});
