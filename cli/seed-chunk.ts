import { newFaker } from '../simulator/core/sim/faker.ts';
import { provisionCustomer, type NewCustomer } from '../simulator/core/organisations/customers.ts';
import { EVENT_HANDLERS, ON_COMMIT } from '../simulator/core/event-handlers.ts';
import type { PartnerUser, WorldMeta } from '../simulator/core/kernel/model.ts';
import { seedRandom } from '../simulator/core/kernel/random.ts';
import type { Entity } from '../simulator/core/kernel/store-port.ts';
import { provisionSubscriber, type NewSubscriber } from '../simulator/core/subscribers/commands.ts';
import { World } from '../simulator/core/kernel/world.ts';
import { fail, ok } from '../simulator/core/kernel/result.ts';
import { MemoryStore } from '../simulator/store/memory-store.ts';
import { spoolLine } from '../simulator/store/snapshot-file.ts';

/*
 * `provisim seed` builds its world in chunks of customers. Each chunk starts from the seeded world
 * (partners, templates, …) in a world of its own and provisions its customers and their subscribers
 * through the core commands, so every rule holds as it does for a client. A chunk's clock, random
 * stream and sequence numbers are set from its place in the world, so the chunks can run in any
 * order, one after the other or in parallel, and make the same world: chunk 0 is exactly what one
 * world provisioning every customer in turn would make, and later chunks draw from streams of
 * their own. Chunks never meet, so what must be unique across them is made unique by construction:
 * every customer has a domain of its own (its number is in it), and so do its subscribers' emails.
 */

export type Collections = Readonly<Record<string, readonly Entity[]>>;

export interface ChunkSpec {
  readonly seed: number;
  /** Subscribers per customer. */
  readonly users: number;
  /** The chunk's number (0 for the first). */
  readonly index: number;
  /** The chunk's first customer, counted from 0 over the whole world. */
  readonly first: number;
  /** Its customers. */
  readonly count: number;
  /**
   * A part of one customer's subscribers (a customer with more than a chunk holds): the chunk has
   * that one customer, whose subscribers `from` (counted from 0) up to `to` it provisions. Made by
   * the chunk numbered `creator` (its first part), the customer is made again here with that
   * chunk's streams, so it is the same customer; a later part's subscribers are drawn from streams
   * of its own, and only they are the chunk's output.
   */
  readonly part?: { readonly from: number; readonly to: number; readonly creator: number };
}

export interface ChunkLines {
  /** The lines in UTF-8, in a buffer of their own (a worker hands it over without a copy). */
  readonly bytes: Uint8Array;
  readonly count: number;
}

export interface ChunkOutput {
  readonly index: number;
  /** Per collection, in the order they first appear: its new entities, each a line `,{…}\n`. */
  readonly lines: Readonly<Record<string, ChunkLines>>;
  /** The world's per-write state record (clock, random state, sequence) at the chunk's end. */
  readonly state: Entity;
  readonly customers: number;
  readonly subscribers: number;
}

/** Virtual minutes between two customers: each is provisioned, then the clock moves on. */
export const MINUTES_PER_CUSTOMER = 5;
/** Sequence numbers a customer may take: each chunk starts at its first customer's share. */
export const SEQ_PER_CUSTOMER = 16;

const CITIES = [
  {
    city: 'Milpitas',
    stateOrProvince: 'CA',
    zipOrPostalCode: '95035',
    country: 'US',
    timezone: 'America/Los_Angeles',
  },
  {
    city: 'Austin',
    stateOrProvince: 'TX',
    zipOrPostalCode: '78701',
    country: 'US',
    timezone: 'America/Chicago',
  },
  {
    city: 'Boston',
    stateOrProvince: 'MA',
    zipOrPostalCode: '02108',
    country: 'US',
    timezone: 'America/New_York',
  },
  {
    city: 'Toronto',
    stateOrProvince: 'ON',
    zipOrPostalCode: 'M5H 2N2',
    country: 'CA',
    timezone: 'America/Toronto',
  },
] as const;

const worldOf = (store: MemoryStore, seed: number): World =>
  new World(store, {
    seed,
    clock: { mode: 'frozen' },
    wallClock: () => 0,
    handlers: EVENT_HANDLERS,
    onCommit: ON_COMMIT,
  });

/** The seeded world every chunk starts from (partners, users, templates, …), as collections. */
export const baseWorld = (seed: number): Collections => {
  const store = new MemoryStore();
  worldOf(store, seed);
  return store.dump();
};

/** Chunk `k`'s random state: the world's own for the first chunk, a stream of its own after. */
const chunkRandom = (meta: WorldMeta, seed: number, index: number) =>
  index === 0 ? meta.rng : seedRandom((Math.imul(seed + 1, 0x9e3779b1) + index) >>> 0);

/** Progress: customers finished and subscribers provisioned since the last call. */
export type ChunkProgress = (customers: number, subscribers: number) => void;

/** Sets the world's random state (a transaction of its own, as the clock's commands are). */
const setRandom = (world: World, rng: WorldMeta['rng']): void => {
  const set = world.transact((tx) => {
    tx.setMeta({ ...tx.meta, rng });
    return ok(undefined);
  });
  if (!set.ok) throw new Error(set.error.message);
};

/**
 * Provisions one chunk's customers over `base` (which is not changed) and returns what it added.
 * `onProgress` is called after each customer (or part of one). Throws when a command refuses,
 * naming the customer.
 */
export const seedChunk = (
  base: Collections,
  spec: ChunkSpec,
  onProgress: ChunkProgress = () => undefined,
): ChunkOutput => {
  const store = new MemoryStore(base);
  const world = worldOf(store, spec.seed);
  const startSeq = world.meta.seq + spec.first * SEQ_PER_CUSTOMER;
  // The clock where the chunk's first customer is provisioned, moved by the clock's own command.
  if (spec.first > 0) {
    const at = world.now() + spec.first * MINUTES_PER_CUSTOMER * 60_000;
    const moved = world.changeClock({ set: new Date(at).toISOString() });
    if (!moved.ok) throw new Error(moved.error.message);
  }
  // A later part of a customer makes it again with the streams of the chunk that first made it.
  const streams = spec.part?.creator ?? spec.index;
  const placed = world.transact((tx) => {
    tx.setMeta({ ...tx.meta, rng: chunkRandom(tx.meta, spec.seed, streams), seq: startSeq });
    return ok(undefined);
  });
  if (!placed.ok) throw new Error(placed.error.message);
  const faker = newFaker();
  faker.seed(streams === 0 ? spec.seed : [spec.seed, streams]);
  faker.setDefaultRefDate('2026-01-01T00:00:00Z');
  const r = world.read();
  const admins = r.list('users').filter((u) => u.role === 'admin') as PartnerUser[];
  const templates = admins.map((a) =>
    r.list('templates').find((t) => t.partnerId === a.partnerId && t.offer === 'wholesale')!,
  );
  let subscribers = 0;
  // What the output leaves out: the seeded world, and for a later part, its customer made again.
  let made: Collections = base;
  const from = spec.part?.from ?? 0;
  const to = spec.part?.to ?? spec.users;
  for (let i = spec.first; i < spec.first + spec.count; i++) {
    const admin = admins[i % admins.length]!;
    const place = faker.helpers.arrayElement(CITIES);
    const address = {
      addressLine1: faker.location.streetAddress(),
      city: place.city,
      stateOrProvince: place.stateOrProvince,
      zipOrPostalCode: place.zipOrPostalCode,
      country: place.country,
    };
    const company = faker.company.name().replace(/%/g, '');
    // The customer's number makes its domain, and so its subscribers' emails, its own.
    const domain = `${faker.internet.domainWord()}-${i + 1}.example`;
    const input: NewCustomer = {
      provisioningId: templates[i % admins.length]!.provisioningId,
      packages: ['webex_calling', 'webex_meetings'],
      externalId: `seed-${spec.seed}-${i + 1}`,
      address,
      customerInfo: { name: company.slice(0, 256), primaryEmail: `admin@${domain}` },
      callingLocation: {
        name: 'Headquarters',
        address,
        timezone: place.timezone,
        language: 'en_us',
      },
      source: 'api',
    };
    const c = world.transact((tx) => provisionCustomer(tx, admin, input));
    if (!c.ok) throw new Error(`customer ${i + 1}: ${c.error.message}`);
    const moved = world.changeClock({ advance: `PT${MINUTES_PER_CUSTOMER}M` });
    if (!moved.ok) throw new Error(moved.error.message);
    if (from > 0) {
      made = store.dump();
      faker.seed([spec.seed, spec.index]);
      setRandom(world, chunkRandom(world.meta, spec.seed, spec.index));
    }
    // The customer's subscribers in one transaction: every rule holds as it does one by one, and
    // the world's bookkeeping (clock, random state, commit handlers) runs once per customer.
    const inputs = Array.from({ length: to - from }, (_, k): NewSubscriber => {
      const firstName = faker.person.firstName();
      const lastName = faker.person.lastName();
      // The subscriber's number makes its email its own within the customer's domain.
      const email = `${localPart(firstName, lastName)}.${from + k + 1}@${domain}`;
      return { customerId: c.value.id, email, packages: ['webex_meetings'], firstName, lastName };
    });
    const users = world.transact((tx) => {
      for (const [u, one] of inputs.entries()) {
        const s = provisionSubscriber(tx, admin, one);
        if (!s.ok) return fail({ ...s.error, message: `user ${from + u + 1}: ${s.error.message}` });
      }
      return ok(inputs.length);
    });
    if (!users.ok) throw new Error(`customer ${i + 1}, ${users.error.message}`);
    subscribers += users.value;
    onProgress(to === spec.users ? 1 : 0, users.value);
  }
  const used = world.meta.seq - startSeq;
  if (used > spec.count * SEQ_PER_CUSTOMER)
    throw new Error(
      `chunk ${spec.index} took ${used} sequence numbers, more than ${SEQ_PER_CUSTOMER} a customer`,
    );
  // A part other than a customer's last one finishes no customer.
  const customers = to === spec.users ? spec.count : 0;
  return { ...added(made, store), index: spec.index, customers, subscribers };
};

/** `first.last`, lower case, letters, digits, `_` and `-` only (faker's names hold `'` and spaces). */
const localPart = (firstName: string, lastName: string): string =>
  `${firstName}.${lastName}`.replace(/[^\w.-]/g, '').toLowerCase();

/** A text's UTF-8 bytes in an ArrayBuffer of their own (never Node's shared pool), to transfer. */
const utf8 = (text: string): Uint8Array => {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
};

/** What a chunk's store holds beyond `base`: new entities as lines, and its state record. */
const added = (base: Collections, store: MemoryStore): Pick<ChunkOutput, 'lines' | 'state'> => {
  const lines: Record<string, ChunkLines> = {};
  let state: Entity | undefined;
  for (const [name, items] of Object.entries(store.dump())) {
    const before = new Map((base[name] ?? []).map((e) => [e.id, e]));
    const parts: string[] = [];
    let kept = 0;
    for (const e of items) {
      const was = before.get(e.id);
      if (was) kept += 1;
      if (was === e) continue;
      if (name === 'meta' && e.id === 'state') {
        state = e;
        continue;
      }
      // A chunk that changed the seeded world could not be put together with the others.
      if (was) throw new Error(`the seed changed the seeded world's ${name} ${e.id}`);
      parts.push(spoolLine(e));
    }
    if (kept < before.size) throw new Error(`the seed removed some of ${name}`);
    if (parts.length > 0) lines[name] = { bytes: utf8(parts.join('')), count: parts.length };
  }
  if (!state) throw new Error('the seed left no world state');
  return { lines, state };
};
