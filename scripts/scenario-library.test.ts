import { readFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_STATES } from '../simulator/core/organisations/customer-states.ts';
import { libraryScenarios, scenarioYaml } from './scenario-library.ts';

describe('the generated scenario library (scripts/scenario-library.ts)', () => {
  it('is in step with its files in scenarios/ (run `npm run gen` if not)', async () => {
    for (const s of libraryScenarios()) {
      const file = `scenarios/${s.id}.yaml`;
      const options = (await resolveConfig(file)) ?? {};
      expect(readFileSync(file, 'utf8'), file).toBe(
        await format(scenarioYaml(s), { ...options, filepath: file }),
      );
    }
  });

  it('has a PUT, a DELETE and a clock scenario for every status of the customer table', () => {
    const ids = new Set(libraryScenarios().map((s) => s.id));
    for (const status of CUSTOMER_STATES.statuses)
      for (const what of ['put', 'delete', 'clock'])
        expect(ids, `${status} ${what}`).toContain(
          `state-customer-${status.replace(/_/g, '-')}-${what}`,
        );
  });
});
