import { inProcessTarget } from './in-process.ts';

let tokens: Promise<string[]> | undefined;

/**
 * The fixed tokens of the seeded world (`acme-admin`, `globex-viewer`, …), as `GET /sim/world` of a
 * fresh in-process simulator lists them (they are the same for every seed). Read once per process.
 */
export const seededTokens = (): Promise<string[]> => {
  tokens ??= (async () => {
    const t = inProcessTarget();
    const res = await t.fetch(new Request(`${t.base}/sim/world`));
    const world = (await res.json()) as { partners: { tokens: Record<string, string> }[] };
    return world.partners.flatMap((p) => Object.values(p.tokens));
  })();
  return tokens;
};
