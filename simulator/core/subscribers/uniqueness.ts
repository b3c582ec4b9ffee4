import type { WorldReader } from '../kernel/world-tx.ts';
import type { Location } from '../organisations/model.ts';
import type { WholesaleSubscriber } from './model.ts';
import { pairKey, phoneKey } from '../kernel/indexes.ts';

export { phoneKey };

/**
 * The email uniqueness rule (USR-1, FT-*; 409 with 10022 on every door): an email any subscriber
 * holds, wholesale or BroadWorks, whatever its status, is taken. Found through the store's indexes.
 */
export const emailHeld = (w: WorldReader, email: string, exceptId?: string): boolean => {
  const e = email.toLowerCase();
  const holds = (s: { readonly id: string }) => s.id !== exceptId;
  return (
    w.lookup('subscribers', 'email', e).some(holds) ||
    w.lookup('broadworksSubscribers', 'email', e).some(holds)
  );
};

/** Under a key, who holds it here (`null`: released here), before falling back to the store. */
type Overlay = Map<string, string | null>;

/**
 * What must stay unique while one command adds or changes users of a customer: emails (every
 * subscriber, BroadWorks ones too), extensions (per customer), phone numbers (everywhere). Asks the
 * store's indexes, so each check costs the same whatever the world holds; what the command saved
 * or removed so far is kept on top, so a 20,000-row import stays linear.
 */
export class UserIndex {
  readonly #w: WorldReader;
  readonly #customerId: string;
  readonly #emails: Overlay = new Map();
  readonly #extensions: Overlay = new Map();
  readonly #phones: Overlay = new Map();
  /** This customer's users by email, as saved here (`null`: removed here). */
  readonly #users = new Map<string, WholesaleSubscriber | null>();
  #locations: Map<string, Location> | undefined;
  #locationsById: Map<string, Location> | undefined;

  constructor(w: WorldReader, customerId: string) {
    this.#w = w;
    this.#customerId = customerId;
  }

  /** This customer's user with that email. */
  user(email: string): WholesaleSubscriber | undefined {
    const e = email.toLowerCase();
    const here = this.#users.get(e);
    if (here !== undefined) return here ?? undefined;
    const found = this.#w
      .lookup('subscribers', 'email', e)
      .filter((s) => s.customerId === this.#customerId);
    return found[found.length - 1];
  }

  /** Whether someone other than `selfId` holds the email. */
  emailTaken(email: string, selfId?: string): boolean {
    const e = email.toLowerCase();
    return this.#taken(this.#emails, e, selfId, () => {
      const b = this.#w.lookup('broadworksSubscribers', 'email', e);
      const s = this.#w.lookup('subscribers', 'email', e);
      return (b[b.length - 1] ?? s[s.length - 1])?.id;
    });
  }

  extensionTaken(extension: string, selfId?: string): boolean {
    return this.#taken(this.#extensions, extension, selfId, () => {
      const s = this.#w.lookup(
        'subscribers',
        'customerExtension',
        pairKey(this.#customerId, extension),
      );
      return s[s.length - 1]?.id;
    });
  }

  phoneTaken(phone: string, selfId?: string): boolean {
    const key = phoneKey(phone);
    return this.#taken(this.#phones, key, selfId, () => {
      const s = this.#w.lookup('subscribers', 'phone', key);
      return s[s.length - 1]?.id;
    });
  }

  location(name: string): Location | undefined {
    this.#loadLocations();
    return this.#locations!.get(name.trim().toLowerCase());
  }

  locationById(id: string): Location | undefined {
    this.#loadLocations();
    return this.#locationsById!.get(id);
  }

  /** Records a user as it now is (`before`: as it was, to release its old number and extension). */
  save(s: WholesaleSubscriber, before?: WholesaleSubscriber): void {
    if (before) this.remove(before);
    this.#emails.set(s.email.toLowerCase(), s.id);
    this.#users.set(s.email.toLowerCase(), s);
    if (s.extension) this.#extensions.set(s.extension, s.id);
    if (s.primaryPhoneNumber) this.#phones.set(phoneKey(s.primaryPhoneNumber), s.id);
  }

  remove(s: WholesaleSubscriber): void {
    this.#emails.set(s.email.toLowerCase(), null);
    this.#users.set(s.email.toLowerCase(), null);
    if (s.extension && this.#extensionHolder(s.extension) === s.id)
      this.#extensions.set(s.extension, null);
    const phone = s.primaryPhoneNumber ? phoneKey(s.primaryPhoneNumber) : undefined;
    if (phone && this.#phoneHolder(phone) === s.id) this.#phones.set(phone, null);
  }

  #extensionHolder(extension: string): string | undefined {
    return this.#holder(this.#extensions, extension, () => {
      const s = this.#w.lookup(
        'subscribers',
        'customerExtension',
        pairKey(this.#customerId, extension),
      );
      return s[s.length - 1]?.id;
    });
  }

  #phoneHolder(key: string): string | undefined {
    return this.#holder(this.#phones, key, () => {
      const s = this.#w.lookup('subscribers', 'phone', key);
      return s[s.length - 1]?.id;
    });
  }

  #holder(overlay: Overlay, key: string, stored: () => string | undefined): string | undefined {
    const here = overlay.get(key);
    if (here !== undefined) return here ?? undefined;
    return stored();
  }

  #taken(
    overlay: Overlay,
    key: string,
    selfId: string | undefined,
    stored: () => string | undefined,
  ): boolean {
    const holder = this.#holder(overlay, key, stored);
    return holder !== undefined && holder !== selfId;
  }

  #loadLocations(): void {
    if (this.#locations) return;
    this.#locations = new Map();
    this.#locationsById = new Map();
    for (const l of this.#w.lookup('locations', 'customerId', this.#customerId)) {
      this.#locations.set(l.name.toLowerCase(), l);
      this.#locationsById.set(l.id, l);
    }
  }
}
