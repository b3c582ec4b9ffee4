import type { WorldReader } from '../kernel/world-tx.ts';
import type { Location } from '../organisations/model.ts';
import type { WholesaleSubscriber } from './model.ts';

/** Phone numbers compare by their digits (and a leading +): `+1-240-555-1212` is `+12405551212`. */
export const phoneKey = (n: string): string => n.replace(/[^0-9+]/g, '');

/**
 * The email uniqueness rule (USR-1, FT-*; 409 with 10022 on every door): an email any subscriber
 * holds, wholesale or BroadWorks, whatever its status, is taken.
 */
export const emailHeld = (w: WorldReader, email: string, exceptId?: string): boolean => {
  const e = email.toLowerCase();
  const holds = (s: { readonly id: string; readonly email?: string | undefined }) =>
    s.id !== exceptId && s.email?.toLowerCase() === e;
  return w.list('subscribers').some(holds) || w.list('broadworksSubscribers').some(holds);
};

/**
 * What must stay unique while one command adds or changes users of a customer: emails (every
 * subscriber, BroadWorks ones too), extensions (per customer), phone numbers (everywhere). Built
 * once per command so a 20,000-row import stays linear; kept in step as changes apply.
 */
export class UserIndex {
  readonly #emails = new Map<string, string>();
  readonly #extensions = new Map<string, string>();
  readonly #phones = new Map<string, string>();
  readonly #locations = new Map<string, Location>();
  readonly #locationsById = new Map<string, Location>();
  readonly #users = new Map<string, WholesaleSubscriber>();

  constructor(w: WorldReader, customerId: string) {
    for (const s of w.list('subscribers')) {
      this.#emails.set(s.email.toLowerCase(), s.id);
      if (s.primaryPhoneNumber) this.#phones.set(phoneKey(s.primaryPhoneNumber), s.id);
      if (s.customerId === customerId) {
        this.#users.set(s.email.toLowerCase(), s);
        if (s.extension) this.#extensions.set(s.extension, s.id);
      }
    }
    for (const b of w.list('broadworksSubscribers'))
      if (b.email) this.#emails.set(b.email.toLowerCase(), b.id);
    for (const l of w.list('locations'))
      if (l.customerId === customerId) {
        this.#locations.set(l.name.toLowerCase(), l);
        this.#locationsById.set(l.id, l);
      }
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
    const holder = this.#phones.get(phoneKey(phone));
    return holder !== undefined && holder !== selfId;
  }

  location(name: string): Location | undefined {
    return this.#locations.get(name.trim().toLowerCase());
  }

  locationById(id: string): Location | undefined {
    return this.#locationsById.get(id);
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
    this.#emails.delete(s.email.toLowerCase());
    this.#users.delete(s.email.toLowerCase());
    if (s.extension && this.#extensions.get(s.extension) === s.id)
      this.#extensions.delete(s.extension);
    const phone = s.primaryPhoneNumber ? phoneKey(s.primaryPhoneNumber) : undefined;
    if (phone && this.#phones.get(phone) === s.id) this.#phones.delete(phone);
  }
}
