import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenarioText, type Known } from './load.ts';
import { seededTokens } from './seeded-world.ts';

const known = async (): Promise<Known> => ({
  rules: ['SIM-2', 'SIM-4', 'CCW-5'],
  tokens: await seededTokens(),
});

const problems = async (text: string): Promise<string[]> =>
  loadScenarioText('s.yaml', text, await known()).problems.map(formatProblem);

const HEAD = 'id: s\ntitle: A scenario\nrules: [SIM-2]\nsteps:\n';

describe('loading a scenario file: problems at the line of the field they are about', () => {
  it('reports a wrong field type at that field, not "not a known step" at the step', async () => {
    expect(
      await problems(
        `${HEAD}  - request:\n      as: acme-admin\n      path: 5\n    expect:\n      status: '200'\n`,
      ),
    ).toEqual([
      's.yaml:7: steps[0].request.path: must be a string (got 5)',
      's.yaml:9: steps[0].expect.status: must be a number or a list (got "200")',
    ]);
  });

  it('reports an unknown nested key at its own line, naming the known ones', async () => {
    expect(
      await problems(
        `${HEAD}  - waitFor:\n      request:\n        as: acme-admin\n        path: /x\n        colour: red\n      until: {}\n`,
      ),
    ).toEqual([
      's.yaml:9: steps[0].waitFor.request.colour: is not a known field (known: as, method, path, json, body, headers)',
    ]);
  });

  it('names an unknown step, a step of two kinds, a bad enum value and keys that exclude each other', async () => {
    expect(
      await problems(
        `${HEAD}  - teleport: { to: mars }\n  - request: { as: acme-admin, path: /x }\n    clock: { advance: P1D }\n  - request: { path: /x, method: FETCH }\n  - fault: { add: { path: /x }, clear: true }\n`,
      ),
    ).toEqual([
      expect.stringMatching(/^s\.yaml:5: steps\[0\]: is not a known step: use one of request, /),
      's.yaml:6: steps[1]: names request and clock: one kind per step',
      's.yaml:8: steps[2].request.method: must be one of GET, HEAD, POST, PUT, PATCH, DELETE (got "FETCH")',
      's.yaml:9: steps[3].fault.clear: cannot be combined with add',
    ]);
  });

  it('checks rule IDs against the catalogue and tokens against the seeded world', async () => {
    const text =
      'id: s\ntitle: A scenario\nrules:\n  - SIM-2\n  - ORG-99\nsteps:\n  - request: { as: acme-admn, path: /x }\n  - request: { as: globex-viewer, path: /x }\n  - request: { as: "${captured}", path: /x }\n';
    expect(await problems(text)).toEqual([
      's.yaml:5: rules[1]: ORG-99 is not a rule of the catalogue (rules/catalog.json lists SIM-2 … CCW-5)',
      expect.stringMatching(
        /^s\.yaml:7: steps\[0\]\.request\.as: acme-admn is not a token of the seeded world \(known: acme-admin, acme-readonly, acme-orderer, acme-viewer, globex-admin, /,
      ),
    ]);
    expect(loadScenarioText('s.yaml', text, await known()).scenario).toBeUndefined();
  });

  it('loads a valid file', async () => {
    const r = loadScenarioText('s.yaml', `${HEAD}  - clock: { advance: P1D }\n`, await known());
    expect(r.problems).toEqual([]);
    expect(r.scenario?.steps).toEqual([{ clock: { advance: 'P1D' } }]);
  });
});
