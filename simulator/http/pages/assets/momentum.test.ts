import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { render } from '../../../../scripts/gen-page-assets.ts';

describe('the Momentum assets module', () => {
  it('is in step with the installed @momentum-design packages (run `npm run gen` if not)', () => {
    expect(readFileSync('simulator/http/pages/assets/momentum.ts', 'utf8')).toBe(render());
  });
});
