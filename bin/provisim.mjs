#!/usr/bin/env node
// Runs the TypeScript CLI through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
const code = await main(process.argv.slice(2)).catch((error) => {
  console.error(`provisim: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
});
process.exit(code);
