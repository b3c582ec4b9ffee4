/** The few calls the example makes to Webex (answered by provisim's MSW handlers). */
export const BASE = 'https://webexapis.com';
const TOKEN = 'acme-admin';

export interface Customer {
  readonly id: string;
  readonly status: string;
  readonly externalId: string;
}

let made = 0;
export interface Subscriber {
  readonly id: string;
  readonly email: string;
  readonly package: string;
  readonly status: string;
}

export const api = async <T>(
  path: string,
  init: { method?: string; json?: unknown; token?: string | null } = {},
): Promise<T> => {
  const headers: Record<string, string> = {};
  if (init.token !== null) headers.authorization = `Bearer ${init.token ?? TOKEN}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${BASE}${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
  });
  const body = res.status === 204 ? undefined : await res.json();
  if (!res.ok) throw new Error(body?.message ?? `HTTP ${res.status}`);
  return body as T;
};

/** Creates a wholesale customer under Acme's template, then moves the simulator's clock past its provisioning delay. */
export const createDemoCustomer = async (): Promise<string> => {
  const world = await api<{
    partners: { templates: { offer: string; provisioningId: string }[] }[];
  }>('/sim/world', { token: null });
  const provisioningId = world.partners[0]!.templates.find(
    (t) => t.offer === 'wholesale',
  )!.provisioningId;
  const address = {
    addressLine1: '771 Alder Drive',
    city: 'Milpitas',
    stateOrProvince: 'CA',
    zipOrPostalCode: '95035',
    country: 'US',
  };
  const { url } = await api<{ url: string }>('/v1/wholesale/customers', {
    method: 'POST',
    json: {
      provisioningId,
      packages: ['webex_meetings'],
      externalId: `pizza-planet-${(made += 1)}`,
      address,
      customerInfo: { name: 'Pizza Planet', primaryEmail: 'owner@pizza.example' },
    },
  });
  await api('/sim/clock', { method: 'POST', json: { advance: 'PT5M' }, token: null });
  return url.split('/').pop()!;
};
