// A bare Hono app on @hono/node-server, served the way `provisim serve` is: the yardstick of
// `npm run bench`. GET /x answers a small JSON; POST /x reads a JSON body and answers it.
// Usage: node bench/bare-server.mjs PORT
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/x', (c) => c.json({ status: 'ok' }));
app.post('/x', async (c) => c.json(await c.req.json()));
serve({ fetch: app.fetch, port: Number(process.argv[2]), hostname: '127.0.0.1' });
