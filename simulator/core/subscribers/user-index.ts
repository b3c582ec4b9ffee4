import type { Location } from '../organisations/model.ts';
import type { WholesaleSubscriber } from './model.ts';
import type { WorldReader } from '../kernel/world-tx.ts';

const digits = (n: string): string => n.replace(/[^0-9+]/g, '');

/**
 * What must stay unique while one command adds or changes many users of a customer: emails (every
 * subscriber, BroadWorks ones too), extensions (per customer), phone numbers (everywhere). Built once
 * per command so a 20,000-row import stays linear; kept in step as rows apply.
 */
export class UserIndex {
  readonly #emails = new Map<string, string>();
  readonly #extensions = new Map<string, string>();
  readonly #phones = new Map<string, string>();
  readonly #locations = new Map<string, Location>();
  readonly #users = new Map<string, WholesaleSubscriber>();

  constructor(w: WorldReader, customerId: string) {
    for (const s of w.list('subscribers')) {
      this.#emails.set(s.email.toLowerCase(), s.id);
      if (s.primaryPhoneNumber) this.#phones.set(digits(s.primaryPhoneNumber), s.id);
      if (s.customerId === customerId) {
        this.#users.set(s.email.toLowerCase(), s);
        if (s.extension) this.#extensions.set(s.extension, s.id);
      }
    }
    for (const b of w.list('broadworksSubscribers'))
      if (b.email) this.#emails.set(b.email.toLowerCase(), b.id);
    for (const l of w.list('locations'))
      if (l.customerId === customerId) this.#locations.set(l.name.toLowerCase(), l);
  }

  /** This customer's user with that email. */
  user(email: string): WholesaleSubscriber | undefined {
    return this.#users.get(email.toLowerCase());
  }

  /** Whether someone other than `selfId` holds the email. */
  emailTaken(email: string, selfId?: string): boolean {
    const holder = this.#emails.get(email.toLowerCase());
    return holder !== undefined && holder !== selfId;
  }

  extensionTaken(extension: string, selfId?: string): boolean {
    const holder = this.#extensions.get(extension);
    return holder !== undefined && holder !== selfId;
  }

  phoneTaken(phone: string, selfId?: string): boolean {
    const holder = this.#phones.get(digits(phone));
    return holder !== undefined && holder !== selfId;
  }

  location(name: string): Location | undefined {
    return this.#locations.get(name.trim().toLowerCase());
  }

  locationById(id: string): Location | undefined {
    return [...this.#locations.values()].find((l) => l.id === id);
  }

  /** Records a user as it now is (`before`: as it was, to release its old number and extension). */
  save(s: WholesaleSubscriber, before?: WholesaleSubscriber): void {
    if (before) this.remove(before);
    this.#emails.set(s.email.toLowerCase(), s.id);
    this.#users.set(s.email.toLowerCase(), s);
    if (s.extension) this.#extensions.set(s.extension, s.id);
    if (s.primaryPhoneNumber) this.#phones.set(digits(s.primaryPhoneNumber), s.id);
  }

  remove(s: WholesaleSubscriber): void {
    this.#emails.delete(s.email.toLowerCase());
    this.#users.delete(s.email.toLowerCase());
    if (s.extension && this.#extensions.get(s.extension) === s.id)
      this.#extensions.delete(s.extension);
    if (s.primaryPhoneNumber && this.#phones.get(digits(s.primaryPhoneNumber)) === s.id)
      this.#phones.delete(digits(s.primaryPhoneNumber));
  }
}
