import type { PartnerUser } from '../core/kernel/model.ts';
import type { World } from '../core/kernel/world.ts';
import type { WorldRegistry } from './world-registry.ts';
import type { AssetSource } from './pages/asset-source.ts';
import type { Frame } from './frame.ts';

/** What every surface handler is given: its world, the absolute base URL of that world, and more. */
export interface SurfaceBindings {
  readonly world: World;
  /** Origin plus world prefix, e.g. `http://127.0.0.1:4010/w/3f2a9c1e`; every URL written starts with it. */
  readonly base: string;
  readonly worldId: string;
  /** The request's URL starts with its world's `/w/{id}`, which routing leaves out. */
  readonly inWorld?: boolean | undefined;
  readonly registry: WorldRegistry;
  readonly trackingId: string;
  readonly simApi: boolean;
  readonly log: (line: string) => void;
  /** Files the pages need from the adapter (the Momentum font); none in a browser. */
  readonly assets?: AssetSource | undefined;
  /** The headers every answer to this request carries, when its answers take them as made (frame.ts). */
  readonly frame?: Frame | undefined;
}

export interface SurfaceEnv {
  Bindings: SurfaceBindings;
  Variables: { user: PartnerUser };
}
