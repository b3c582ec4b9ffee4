import type { Context } from 'hono';
import { STEP, TURN, type Steps } from '../core/kernel/steps.ts';
import type { Store } from '../core/kernel/store-port.ts';
import type { SurfaceEnv } from './env.ts';
import { nextTurn } from './next-turn.ts';
import { pageLinks, type Page } from './paging.ts';
import { pathOf, searchOf } from './origin.ts';

/**
 * A page of a list walked in its order (an ordered index), at any depth, without holding the
 * server (issue 13). A page skips `offset` matches, takes `max` and looks one further to know
 * whether a next page exists, so it costs what precedes it. Two things keep deep pages cheap:
 *
 * - Places. A page that read far keeps its walk where it stopped, under the list's query without
 *   `offset`, while the store is unchanged (`Store.revision`): the next page of the same list, as
 *   a client following `next` asks for it, goes on from there instead of walking again from the
 *   start. Paging through a million subscribers costs the million, not half a million a page.
 * - Turns. A walk that reads more than a step's worth of items (`STEP`) gives the event loop a turn
 *   between steps: other requests, of this world and others, are answered meanwhile. Should the
 *   store change in between, the walk starts again on the store as it now is (an iterator of a
 *   changed index cannot go on); after `RESTARTS` of those it ends at once.
 */

/** Matches a walk must have read before its place is kept for the next page. */
export const KEEP_FROM = 1_000;
/** Places kept a store (the latest used). */
const PLACES = 16;
/** Walks started again after the store changed under them, before one ends without a turn. */
const RESTARTS = 2;

const NONE: unique symbol = Symbol('none');

/** Where a walk stopped: its iterator, the matches it read, the one it read ahead (if it looked). */
interface Place<T> {
  readonly revision: object;
  readonly it: Iterator<T>;
  readonly read: number;
  readonly ahead: T | typeof NONE;
}

interface Walked<T> {
  readonly items: T[];
  readonly more: boolean;
  readonly place: Omit<Place<T>, 'revision'>;
}

const placesOf = new WeakMap<Store, Map<string, Place<unknown>>>();

/** How a list names its pages: the query parameter of a page's position, and its `Link`s. */
export interface PageNaming {
  /** `offset` (the default) or the `cursor` that encodes it. */
  readonly position?: string;
  /** Sets the page's `Link`s, told whether more follow and how many the page holds. */
  readonly links?: (more: boolean, count: number) => void;
}

/** The list a request pages through: its user, path and query, its position left out. */
const listKey = (c: Context<SurfaceEnv>, position: string): string => {
  const url = c.req.url;
  const query = new URLSearchParams(searchOf(url));
  query.delete(position);
  query.sort();
  return `${c.get('user').id} ${pathOf(url)}?${query.toString()}`;
};

/** The kept place of this list, taken (a walk goes on from it once), if it can serve `offset`. */
const takePlace = <T>(store: Store, key: string, offset: number): Place<T> | undefined => {
  const places = placesOf.get(store);
  const place = places?.get(key);
  if (!place) return undefined;
  places!.delete(key);
  return place.revision === store.revision && place.read <= offset
    ? (place as Place<T>)
    : undefined;
};

const keepPlace = <T>(store: Store, key: string, place: Place<T>): void => {
  let places = placesOf.get(store);
  if (!places) placesOf.set(store, (places = new Map()));
  places.delete(key);
  places.set(key, place as Place<unknown>);
  if (places.size > PLACES) places.delete(places.keys().next().value!);
};

/** The page's walk from a place (or the start), a TURN every `STEP` items read. */
function* walkSteps<T>(
  from: Omit<Place<T>, 'revision'>,
  matches: (item: T) => boolean,
  page: Page,
): Steps<Walked<T>> {
  const { it } = from;
  let { read, ahead } = from;
  const items: T[] = [];
  let more = false;
  let reads = 0;
  for (;;) {
    let item: T;
    if (ahead !== NONE) {
      item = ahead;
      ahead = NONE;
    } else {
      const r = it.next();
      if (r.done) break;
      if ((reads += 1) === STEP) {
        reads = 0;
        yield TURN;
      }
      if (!matches(r.value)) continue;
      item = r.value;
    }
    if (read < page.offset) read += 1;
    else if (items.length < page.max) {
      items.push(item);
      read += 1;
    } else {
      more = true;
      ahead = item;
      break;
    }
  }
  return { items, more, place: { it, read, ahead } };
}

/**
 * One page of a list walked in its order, with its `Link`s: `walk` gives the list's items from
 * the start (each call a new walk), `matches` says which are listed, and `naming` tells a list
 * paged by cursor (its position parameter and `Link`s). The page itself when it is near the start
 * or near where the last page of this list stopped; else a promise of it, walked in turns.
 */
export const walkedPageOf = <T>(
  c: Context<SurfaceEnv>,
  walk: () => Iterable<T>,
  matches: (item: T) => boolean,
  page: Page,
  naming: PageNaming = {},
): T[] | Promise<T[]> => {
  const { store } = c.env.world;
  const position = naming.position ?? 'offset';
  const links = naming.links ?? ((more: boolean) => pageLinks(c, page, more));
  const key = page.offset >= KEEP_FROM ? listKey(c, position) : undefined;
  const fresh = () =>
    walkSteps({ it: walk()[Symbol.iterator](), read: 0, ahead: NONE }, matches, page);
  const kept = key === undefined ? undefined : takePlace<T>(store, key, page.offset);
  let steps = kept ? walkSteps(kept, matches, page) : fresh();
  let revision = store.revision;
  const done = ({ items, more, place }: Walked<T>): T[] => {
    if (more && place.read >= KEEP_FROM)
      keepPlace(store, key ?? listKey(c, position), { ...place, revision });
    links(more, items.length);
    return items;
  };
  const first = steps.next();
  if (first.done) return done(first.value);
  return (async () => {
    for (let restarts = 0; ;) {
      await nextTurn();
      if (store.revision !== revision) {
        steps = fresh();
        revision = store.revision;
        restarts += 1;
      }
      for (let r = steps.next(); ; r = steps.next()) {
        if (r.done) return done(r.value);
        if (restarts < RESTARTS) break;
      }
    }
  })();
};

/** A page's answer, made at once for a page walked at once, or once a page walked in turns is. */
export const answerPage = <T, R>(
  page: readonly T[] | Promise<readonly T[]>,
  answer: (items: readonly T[]) => R,
): R | Promise<R> => (page instanceof Promise ? page.then(answer) : answer(page));
