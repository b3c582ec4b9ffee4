import { describe, expect, it } from 'vitest';
import { bwBody, bwWorld, latestLink } from '../../../../test/fixtures/broadworks.ts';
import { createTestApp, type TestApp } from '../../../adapters/testing.ts';

const ADMIN = { token: 'acme-admin' };

/** Four users under the untrusted template: provisioned, pending email input, pending validation, error. */
const fourUsers = async (t: TestApp) => {
  const w = await bwWorld(t);
  const post = (extra: Record<string, unknown>) =>
    t.call('POST', '/v1/broadworks/subscribers', {
      ...ADMIN,
      json: bwBody(w.untrusted.provisioningId, w.spEnterpriseId, extra),
    });
  const done = (await post({ userId: 'done@bw.example', email: 'done@x.example' })).body;
  await t.call(
    'POST',
    `/activation/api/verify/${(await latestLink(t, 'done@x.example')).split('/').pop()}`,
  );
  await t.call('POST', '/sim/clock', { json: { advance: 'PT30S' } });
  const input = (await post({ userId: 'input@bw.example' })).body;
  const validation = (await post({ userId: 'validation@bw.example', email: 'v@x.example' })).body;
  await t.call('POST', '/sim/faults', {
    json: {
      on: 'broadworksSubscriber',
      errorCode: 6003,
      description: 'BroadWorks cluster unreachable',
      times: 1,
    },
  });
  const failed = (await post({ userId: 'failed@bw.example', email: 'f@x.example' })).body;
  await t.call(
    'POST',
    `/activation/api/verify/${(await latestLink(t, 'f@x.example')).split('/').pop()}`,
  );
  await t.call('POST', '/sim/clock', { json: { advance: 'PT30S' } });
  return {
    w,
    done,
    input,
    validation,
    failed,
    base: `/partner-hub/api/templates/${w.untrusted.id}/user-status`,
  };
};

describe('Show user status (FT-3..7)', () => {
  it('lists BroadWorks ID, package, status and error text (FT-3)', async () => {
    const t = createTestApp();
    const { base } = await fourUsers(t);
    const items = (await t.call('GET', base, ADMIN)).body.items;
    expect(
      items.map((i: { broadworksId: string; status: string }) => [i.broadworksId, i.status]),
    ).toEqual([
      ['done@bw.example', 'provisioned'],
      ['input@bw.example', 'pending_email_input'],
      ['validation@bw.example', 'pending_email_validation'],
      ['failed@bw.example', 'error'],
    ]);
    expect(items[0].errorText).toBeNull();
    expect(items[1].errorText).toMatch(/enter an email address in the user activation portal/);
    expect(items[3]).toMatchObject({
      package: 'standard',
      errorText: '6003: BroadWorks cluster unreachable',
    });
  });

  it('excludes provisioned users on request, and exports exactly what is shown (FT-6, FT-7)', async () => {
    const t = createTestApp();
    const { base } = await fourUsers(t);
    const shown = (await t.call('GET', `${base}?excludeProvisioned=true`, ADMIN)).body.items;
    expect(shown.map((i: { status: string }) => i.status)).toEqual([
      'pending_email_input',
      'pending_email_validation',
      'error',
    ]);
    const csv = await t.call(
      'GET',
      `/partner-hub/api/templates/${(await bwWorld(t)).untrusted.id}/user-status.csv?excludeProvisioned=true`,
      ADMIN,
    );
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('BroadWorks ID,Package,Status,Error text');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(
      shown.map((i: { broadworksId: string }) => i.broadworksId),
    );
    expect(lines[3]).toBe('failed@bw.example,standard,error,6003: BroadWorks cluster unreachable');
  });

  it('retries activation with a valid email: error or pending → pending_email_validation (FT-4)', async () => {
    const t = createTestApp();
    const { base, failed, input, done } = await fourUsers(t);
    const r = await t.call('POST', `${base}/${failed.id}/retry-activation`, {
      ...ADMIN,
      json: { email: 'again@x.example' },
    });
    expect(r.body).toEqual({
      subscriberId: failed.id,
      status: 'pending_email_validation',
      email: 'again@x.example',
    });
    expect(await latestLink(t, 'again@x.example')).toMatch(/^\/activation\/verify\//);
    expect(
      (
        await t.call('POST', `${base}/${input.id}/retry-activation`, {
          ...ADMIN,
          json: { email: 'in@x.example' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await t.call('POST', `${base}/${done.id}/retry-activation`, {
          ...ADMIN,
          json: { email: 'd2@x.example' },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await t.call('POST', `${base}/${input.id}/retry-activation`, {
          ...ADMIN,
          json: { email: 'nope' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await t.call('POST', `${base}/${input.id}/retry-activation`, {
          ...ADMIN,
          json: { email: 'v@x.example' },
        })
      ).body.errors[0].errorCode,
    ).toBe(10022);
  });

  it('changes the package, keeping a pending status (FT-4); copies the error text as text/plain', async () => {
    const t = createTestApp();
    const { base, input, failed, done } = await fourUsers(t);
    expect(
      (
        await t.call('POST', `${base}/${input.id}/change-package`, {
          ...ADMIN,
          json: { package: 'premium' },
        })
      ).body,
    ).toEqual({ subscriberId: input.id, status: 'pending_email_input', package: 'premium' });
    expect(
      (
        await t.call('POST', `${base}/${input.id}/change-package`, {
          ...ADMIN,
          json: { package: 'gold' },
        })
      ).status,
    ).toBe(400);
    const text = await t.call('GET', `${base}/${failed.id}/error-text`, ADMIN);
    expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(text.text).toBe('6003: BroadWorks cluster unreachable');
    expect((await t.call('GET', `${base}/${done.id}/error-text`, ADMIN)).status).toBe(404);
  });

  it('deletes a user; other partners, roles and wholesale templates are refused (SIM-3)', async () => {
    const t = createTestApp();
    const { base, input, w } = await fourUsers(t);
    expect((await t.call('DELETE', `${base}/${input.id}`, { token: 'acme-readonly' })).status).toBe(
      403,
    );
    expect((await t.call('GET', base, { token: 'globex-admin' })).status).toBe(404);
    const wholesale = (await t.call('GET', '/sim/world')).body.partners[0].templates[0].id;
    expect(
      (await t.call('GET', `/partner-hub/api/templates/${wholesale}/user-status`, ADMIN)).status,
    ).toBe(404);
    expect((await t.call('DELETE', `${base}/${input.id}`, ADMIN)).status).toBe(204);
    expect((await t.call('GET', base, ADMIN)).body.items).toHaveLength(3);
    expect(w.untrusted.id).toBeTruthy();
  });
});

describe('user-status.csv: cells a spreadsheet cannot run (OWASP)', () => {
  it('escapes a formula-leading BroadWorks id; an error text starts with its code', async () => {
    const t = createTestApp();
    const w = await bwWorld(t);
    await t.call('POST', '/sim/faults', {
      json: {
        on: 'broadworksSubscriber',
        errorCode: 6003,
        description: '=HYPERLINK("http://evil.example","Fix it")',
        times: 1,
      },
    });
    const r = await t.call('POST', '/v1/broadworks/subscribers', {
      ...ADMIN,
      json: bwBody(w.untrusted.provisioningId, w.spEnterpriseId, {
        userId: '+15551234@bw.example',
        email: 'plus@x.example',
      }),
    });
    expect(r.status).toBeLessThan(300);
    await t.call(
      'POST',
      `/activation/api/verify/${(await latestLink(t, 'plus@x.example')).split('/').pop()}`,
    );
    await t.call('POST', '/sim/clock', { json: { advance: 'PT30S' } });
    const csv = await t.call(
      'GET',
      `/partner-hub/api/templates/${w.untrusted.id}/user-status.csv`,
      ADMIN,
    );
    const row = csv.text.split('\r\n').find((l: string) => l.includes('15551234'));
    expect(row).toBe(
      `'+15551234@bw.example,${r.body.package ?? 'standard'},error,"6003: =HYPERLINK(""http://evil.example"",""Fix it"")"`,
    );
  });
});
