import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AssetSource, StaticAsset } from '../http/pages/asset-source.ts';

/** The files the pages ask the adapter for, by name, and the installed package file each is. */
const FILES: Readonly<Record<string, { spec: string; type: string }>> = {
  'fonts/Inter.var.woff2': {
    spec: '@momentum-design/fonts/dist/inter/Inter.var.woff2',
    type: 'font/woff2',
  },
};

/**
 * The pages' files from the installed Momentum packages (dependencies of provisim), resolved once at
 * start from this module's own location, so they are found from a clone and from an installed
 * package alike. A file that cannot be found is left out (the pages fall back to system fonts).
 */
export const nodeAssets = (): AssetSource => {
  const require = createRequire(import.meta.url);
  const paths = new Map<string, { path: string; type: string }>();
  for (const [name, f] of Object.entries(FILES)) {
    try {
      paths.set(name, { path: require.resolve(f.spec), type: f.type });
    } catch {
      // Not installed: served as 404, the style sheet falls back.
    }
  }
  const cache = new Map<string, Promise<StaticAsset | undefined>>();
  return (name) => {
    const found = paths.get(name);
    if (!found) return undefined;
    let loaded = cache.get(name);
    if (!loaded) {
      loaded = readFile(found.path).then(
        (body) => ({ body: new Uint8Array(body), type: found.type }),
        () => undefined,
      );
      cache.set(name, loaded);
    }
    return loaded;
  };
};
