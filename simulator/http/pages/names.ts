import { decodeWebexId } from '../../core/kernel/ids.ts';
import type { WorldReader } from '../../core/kernel/world-tx.ts';

/** A CCW order's number as people read it (10 digits from its id), never the base64 id. */
export const orderNumber = (id: string): string => {
  const uuid = decodeWebexId(id)?.uuid ?? id;
  const hex = uuid.replace(/[^0-9a-f]/gi, '').slice(0, 8);
  return hex.length === 8 ? String(Number.parseInt(hex, 16)).padStart(10, '0') : id.slice(0, 10);
};

/** Webex ids are base64url of `ciscospark://us/…`: they all start with this. */
const WEBEX_ID = /Y2lzY29zcGFyazovL3Vz[A-Za-z0-9_-]+=*/g;

/** The name a person knows an object by, for an id met in text (a mail body, a message). */
export const nameOf = (w: WorldReader, id: string): string => {
  const order = w.get('orders', id);
  if (order) return `#${orderNumber(order.id)}`;
  const customer = w.get('customers', id);
  if (customer) return customer.name;
  const template = w.get('templates', id);
  if (template) return template.name;
  const sub = w.get('subscribers', id) ?? w.get('broadworksSubscribers', id);
  if (sub) return sub.email ?? id;
  const location = w.get('locations', id);
  if (location) return location.name;
  return decodeWebexId(id)?.type === 'ORDER' ? `#${orderNumber(id)}` : id;
};

/** Text with every Webex id replaced by the name of what it names. */
export const withNames = (w: WorldReader, text: string): string =>
  text.replace(WEBEX_ID, (id) => nameOf(w, id));
