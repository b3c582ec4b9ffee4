// A small frontend that lists and provisions Webex Wholesale subscribers against provisim's MSW
// handlers running in a service worker: no server behind it.
import { setupWorker } from 'msw/browser';
import { createHandlers } from 'provisim/msw';
import { api, createDemoCustomer, type Customer, type Subscriber } from './api.ts';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const status = (text: string): void => void ($('status').textContent = text);

const showSubscribers = async (customerId: string): Promise<void> => {
  const { items } = await api<{ items: Subscriber[] }>(
    `/v1/wholesale/subscribers?customerId=${encodeURIComponent(customerId)}`,
  );
  $('subscribers').replaceChildren(
    ...items.map((s) => {
      const row = document.createElement('tr');
      for (const text of [s.email, s.package, s.status])
        row.append(Object.assign(document.createElement('td'), { textContent: text }));
      return row;
    }),
  );
};

const showCustomers = async (select?: string): Promise<void> => {
  const { items } = await api<{ items: Customer[] }>('/v1/wholesale/customers?status=provisioned');
  const picker = $<HTMLSelectElement>('customer');
  picker.replaceChildren(
    ...items.map((c) =>
      Object.assign(document.createElement('option'), { value: c.id, textContent: c.externalId }),
    ),
  );
  if (select) picker.value = select;
  if (picker.value) await showSubscribers(picker.value);
};

const start = async (): Promise<void> => {
  await setupWorker(...createHandlers()).start({ onUnhandledRequest: 'bypass', quiet: true });
  await showCustomers();
  status('Ready.');
  $('new-customer').addEventListener('click', () => {
    void createDemoCustomer().then(async (id) => {
      await showCustomers(id);
      status('Customer provisioned.');
    });
  });
  $('customer').addEventListener(
    'change',
    () => void showSubscribers($<HTMLSelectElement>('customer').value),
  );
  $('provision').addEventListener('submit', (event) => {
    event.preventDefault();
    const customerId = $<HTMLSelectElement>('customer').value;
    const value = (id: string): string => $<HTMLInputElement>(id).value;
    void api<Subscriber>('/v1/wholesale/subscribers', {
      method: 'POST',
      json: {
        customerId,
        email: value('email'),
        package: value('package'),
        provisioningParameters: { firstName: value('firstName'), lastName: value('lastName') },
      },
    })
      .then(async (s) => {
        status(`Subscriber ${s.email} is ${s.status}.`);
        await showSubscribers(customerId);
      })
      .catch((error: unknown) =>
        status(`Could not provision: ${error instanceof Error ? error.message : String(error)}`),
      );
  });
};

start().catch((error: unknown) => status(`Could not start: ${String(error)}`));
