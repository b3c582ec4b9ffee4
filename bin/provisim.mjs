#!/usr/bin/env node
// Runs the compiled CLI, bundled (`npm run build` writes dist/cli-bundle/; `npm install` builds it
// in a clone).
const entry = new URL('../dist/cli-bundle/main.js', import.meta.url);
const loaded = await import(entry.href).catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(entry.pathname)) {
    console.error('provisim: dist/ is not built: run `npm run build` (npm install does it too).');
    process.exit(2);
  }
  throw error;
});
const code = await loaded.main(process.argv.slice(2)).catch((error) => {
  console.error(`provisim: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
});
process.exit(code);
