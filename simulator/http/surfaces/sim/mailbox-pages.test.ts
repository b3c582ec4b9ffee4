import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../adapters/testing.ts';
import { bwWorld } from '../../../../test/fixtures/broadworks.ts';

const HTML = { accept: 'text/html' };
const ADMIN = { token: 'acme-admin' };

/** BroadWorks users under the untrusted-email template: each is sent a verification mail. */
const mailed = async (t: TestApp, n: number) => {
  const w = await bwWorld(t);
  for (let i = 0; i < n; i += 1) {
    const r = await t.call('POST', '/v1/broadworks/subscribers', {
      ...ADMIN,
      json: {
        provisioningId: w.untrusted.provisioningId,
        userId: `u${i}@bw.acme-wholesale.example`,
        spEnterpriseId: w.spEnterpriseId,
        firstName: `Name${String(i).padStart(2, '0')}`,
        lastName: 'Lima',
        package: 'standard',
        email: `user${i}@mail.example`,
      },
    });
    expect(r.status).toBe(200);
  }
};

/** The recipients of the mails on a mailbox page, in its order, and its count line. */
const shown = async (t: TestApp, query = '') => {
  const page = await t.call('GET', `/sim/mailbox${query}`, { headers: HTML });
  expect(page.status).toBe(200);
  return {
    to: [...page.text.matchAll(/to <code>(user\d+)@mail\.example<\/code>/g)].map((m) => m[1]),
    count: /data-testid="list-count"[^>]*>([^<]*)</.exec(page.text)?.[1],
    text: page.text,
  };
};
const users = (...ns: number[]) => ns.map((n) => `user${n}`);

describe('the mailbox page: a page of the outbox, newest first', () => {
  it('pages, sorts, searches and filters by recipient', async () => {
    const t = createTestApp();
    expect((await shown(t)).text).toContain('No mail yet.');
    await mailed(t, 12);
    const first = await shown(t);
    expect(first.count).toBe('12 mails');
    expect(first.to).toEqual(users(11, 10, 9, 8, 7, 6, 5, 4, 3, 2));
    expect((await shown(t, '?page=2')).to).toEqual(users(1, 0));
    expect((await shown(t, '?sort=sentAt&dir=asc&size=25')).to).toEqual(
      users(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11),
    );
    // Sorted by recipient, digits read as numbers: user2 before user10.
    expect((await shown(t, '?sort=to&dir=asc')).to).toEqual(users(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
    const searched = await shown(t, '?q=Name07');
    expect(searched.count).toBe('1 of 12 mails matches');
    expect(searched.to).toEqual(users(7));
    // The mail is written as a person reads it: the text of the mail, its link a button.
    expect(searched.text).toContain('Hello Name07, confirm user7@mail.example');
    expect(searched.text).toContain('Verify my email address');
    const toOne = await shown(t, '?to=USER3@mail.example');
    expect(toOne.count).toBe('1 mail');
    expect(toOne.to).toEqual(users(3));
  });
});
