import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCodeTable } from './core/kernel/errors.ts';
import { ROLES } from './core/kernel/model.ts';
import { SEED_PARTNERS, seedToken } from './core/sim/seed-world.ts';
import { DEFAULT_DELAYS } from './core/sim/config.ts';

const readme = readFileSync('README.md', 'utf8').replace(/[ \n]+/g, ' ');

describe('README', () => {
  it('documents the two commands', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm install && npm test');
  });

  it('documents every error code the simulator answers with', () => {
    for (const { code, status } of errorCodeTable)
      expect(readme).toMatch(new RegExp(`\\| ${status} +\\| ${code} +\\|`));
  });

  it('documents every token', () => {
    for (const p of SEED_PARTNERS)
      for (const role of ROLES) expect(readme).toContain(`\`${seedToken(p.key, role)}\``);
  });

  it('documents every delay with its default', () => {
    for (const [name, value] of Object.entries(DEFAULT_DELAYS))
      expect(readme).toContain(`\`${name}\` (${value})`);
  });
});
