import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { newFaker } from '../simulator/core/sim/faker.ts';
import { provisionCustomer, type NewCustomer } from '../simulator/core/organisations/customers.ts';
import { EVENT_HANDLERS, ON_COMMIT } from '../simulator/core/event-handlers.ts';
import type { PartnerUser } from '../simulator/core/kernel/model.ts';
import { provisionSubscriber, type NewSubscriber } from '../simulator/core/subscribers/commands.ts';
import { World } from '../simulator/core/kernel/world.ts';
import { fail, ok } from '../simulator/core/kernel/result.ts';
import { isDataFile, writeSnapshot } from '../simulator/store/durable-store.ts';
import { MemoryStore } from '../simulator/store/memory-store.ts';

export interface SeedOptions {
  readonly customers: number;
  /** Subscribers per customer. */
  readonly users: number;
  readonly seed: number;
  readonly data: string;
  /** Replace an existing data file. */
  readonly force: boolean;
}

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

/**
 * `provisim seed`: a large world for the seed: customers of each partner under its wholesale
 * template, provisioned on the virtual clock, each with subscribers, all through the core commands
 * (so every rule holds), written into the data file. Prints progress every 5%.
 */
export const seedData = async (
  o: SeedOptions,
  out: (line: string) => void,
): Promise<{ customers: number; subscribers: number }> => {
  const file = resolve(o.data);
  if (existsSync(file) || existsSync(`${file}.journal`)) {
    if (!o.force) throw new Error(`${file} exists; pass --force to replace it.`);
    if (existsSync(file) && !isDataFile(file))
      throw new Error(
        `${file} is not a provisim data file; --force replaces only those, so it was left untouched.`,
      );
    rmSync(file, { force: true });
    rmSync(`${file}.journal`, { force: true });
  }
  // The bulk path: the world is built in memory, then written as one snapshot (no journal).
  const store = new MemoryStore();
  const made = seedInto(store, o, out);
  writeSnapshot(file, store.dump());
  out(
    `seeded ${o.customers} customers and ${made.subscribers} subscribers (seed ${o.seed}) into ${file}`,
  );
  out(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  return made;
};

/** Fills an empty store with the seeded world and `o.customers` customers of `o.users` subscribers. */
export const seedInto = (
  store: MemoryStore,
  o: Omit<SeedOptions, 'data' | 'force'>,
  out: (line: string) => void,
): { customers: number; subscribers: number } => {
  const world = new World(store, {
    seed: o.seed,
    clock: { mode: 'frozen' },
    wallClock: () => 0,
    handlers: EVENT_HANDLERS,
    onCommit: ON_COMMIT,
  });
  const faker = newFaker();
  faker.seed(o.seed);
  faker.setDefaultRefDate('2026-01-01T00:00:00Z');
  const r = world.read();
  const admins = r.list('users').filter((u) => u.role === 'admin') as PartnerUser[];
  const templates = admins.map((a) =>
    r.list('templates').find((t) => t.partnerId === a.partnerId && t.offer === 'wholesale')!,
  );
  let subscribers = 0;
  let shown = -1;
  for (let i = 0; i < o.customers; i++) {
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
    const domain = `${faker.internet.domainWord()}-${i + 1}.example`;
    const input: NewCustomer = {
      provisioningId: templates[i % admins.length]!.provisioningId,
      packages: ['webex_calling', 'webex_meetings'],
      externalId: `seed-${o.seed}-${i + 1}`,
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
    const moved = world.changeClock({ advance: 'PT5M' });
    if (!moved.ok) throw new Error(moved.error.message);
    // The customer's subscribers in one transaction: every rule holds as it does one by one, and
    // the world's bookkeeping (clock, random state, commit handlers) runs once per customer.
    const inputs = Array.from({ length: o.users }, (_, u): NewSubscriber => {
      const firstName = faker.person.firstName();
      const lastName = faker.person.lastName();
      const email = `${faker.internet
        .username({ firstName, lastName })
        .replace(/[^\w.-]/g, '')
        .toLowerCase()}.${u + 1}@${domain}`;
      return { customerId: c.value.id, email, packages: ['webex_meetings'], firstName, lastName };
    });
    const users = world.transact((tx) => {
      for (const [u, input] of inputs.entries()) {
        const s = provisionSubscriber(tx, admin, input);
        if (!s.ok) return fail({ ...s.error, message: `user ${u + 1}: ${s.error.message}` });
      }
      return ok(inputs.length);
    });
    if (!users.ok) throw new Error(`customer ${i + 1}, ${users.error.message}`);
    subscribers += users.value;
    const pct = Math.floor(((i + 1) * 100) / o.customers / 5) * 5;
    if (pct !== shown) {
      shown = pct;
      out(
        `${String(pct).padStart(3)}%  ${i + 1}/${o.customers} customers, ${subscribers} subscribers`,
      );
    }
  }
  return { customers: o.customers, subscribers };
};

export const SEED_HELP = `Usage of seed:
  provisim seed --customers N --users M [--seed S] [--data FILE] [--force]
  --customers N      customers, spread over the partners' wholesale templates (default 100)
  --users M          subscribers per customer (default 10)
  --seed S           the seed (default 1); the same seed makes the same world
  --data FILE        the data file to write (default .provisim/world.json)
  --force            replace an existing data file
`;

const whole = (name: string, text: string | undefined, fallback: number): number => {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`--${name} must be a whole number (got ${text}).`);
  return n;
};

export const parseSeedArgs = (
  values: Readonly<Record<string, string | boolean | undefined>>,
): SeedOptions => ({
  customers: whole('customers', values.customers as string | undefined, 100),
  users: whole('users', values.users as string | undefined, 10),
  seed: whole('seed', values.seed as string | undefined, 1),
  data: (values.data as string | undefined) ?? '.provisim/world.json',
  force: values.force === true,
});
