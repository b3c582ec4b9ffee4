// Writes scenarios/scenario.schema.json (editors validate scenario files with it).
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../harness/scenario-schema.ts';

writeFileSync(
  'scenarios/scenario.schema.json',
  `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`,
);
console.log('wrote scenarios/scenario.schema.json');
