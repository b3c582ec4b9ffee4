import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
const port = 4601;
const child = spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir=/tmp/prof', 'bin/provisim.mjs', 'serve', '--port', String(port), '--quiet'], { stdio: 'inherit' });
const base = `http://127.0.0.1:${port}`;
for (;;) { try { const r = await fetch(`${base}/sim/health`); if (r.ok) break; } catch {} await new Promise((r) => setTimeout(r, 50)); }
const H = { authorization: 'Bearer acme-admin', 'content-type': 'application/json' };
const w = await (await fetch(`${base}/sim/world`)).json();
const pid = w.partners[0].templates[0].provisioningId;
const cust = await fetch(`${base}/v1/wholesale/customers`, { method: 'POST', headers: H, body: JSON.stringify({ provisioningId: pid, packages: ['webex_meetings'], externalId: 'p1', address: { addressLine1: '1 Main St', city: 'Austin', stateOrProvince: 'TX', country: 'US' }, customerInfo: { name: 'P', primaryEmail: 'it@p.example' } }) });
const cid = (await cust.json()).url.split('/').pop();
await fetch(`${base}/sim/clock`, { method: 'POST', headers: H, body: JSON.stringify({ advance: 'PT10M' }) });
const sub = await (await fetch(`${base}/v1/wholesale/subscribers`, { method: 'POST', headers: H, body: JSON.stringify({ customerId: cid, email: 'a@p.example', packages: ['webex_meetings'], provisioningParameters: {} }) })).json();
const path = process.argv[2] === 'post' ? '/v1/wholesale/subscribers' : `/v1/wholesale/subscribers/${sub.id}`;
let n = 0;
const r = await autocannon(process.argv[2] === 'post' ? { url: base + path, connections: 10, duration: 8, method: 'POST', headers: H, requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify({ customerId: cid, email: `u${n++}@p.example`, packages: ['webex_meetings'], provisioningParameters: {} }) }) }] } : { url: base + path, connections: 10, duration: 8, headers: H });
console.log(path, 'req/s', r.requests.average, 'non2xx', r.non2xx);
child.kill('SIGTERM');
