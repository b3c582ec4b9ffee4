/** A static file the pages need that the http layer cannot hold itself (a font), by name. */
export interface StaticAsset {
  readonly body: Uint8Array;
  readonly type: string;
}

/**
 * Where the adapters hand in such files (`createApp({assets})`): the node adapter reads them from
 * the installed Momentum packages; without one (MSW, tests) the pages fall back to system fonts.
 */
export type AssetSource = (
  name: string,
) => Promise<StaticAsset | undefined> | StaticAsset | undefined;
