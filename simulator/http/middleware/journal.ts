import type { MiddlewareHandler } from 'hono';
import type { SurfaceEnv } from '../env.ts';
import { summarizeBody } from '../request-journal.ts';

/** Bodies up to this many bytes are read whole (for their JSON keys); longer ones only this far. */
const READ_LIMIT = 64 * 1024;

/** Reads a copy of the body, keeping at most `READ_LIMIT` bytes of it, leaving the request's own body intact. */
const peekBody = async (request: Request): Promise<{ text: string; complete: boolean }> => {
  if (!request.body) return { text: '', complete: true };
  const reader = request.clone().body?.getReader();
  if (!reader) return { text: '', complete: true };
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done)
      return bytes <= READ_LIMIT
        ? { text: text + decoder.decode(), complete: true }
        : { text, complete: false };
    // Read the copy to its end (cancelling one branch of a cloned body can stall the other), but
    // keep only the first READ_LIMIT bytes of text.
    if (bytes <= READ_LIMIT) text += decoder.decode(value, { stream: true });
    bytes += value.byteLength;
  }
};

/**
 * The request journal (`GET /sim/requests`): every request of a world outside `/sim` is recorded
 * with its answer's status, the virtual and wall-clock times and a summary of its body, so a test
 * can assert what a client sent (and, say, that it waited as `Retry-After` asked).
 */
export const journal = (): MiddlewareHandler<SurfaceEnv> => async (c, next) => {
  const path = c.req.path;
  if (path === '/sim' || path.startsWith('/sim/') || c.req.method === 'OPTIONS') return next();
  const { world, registry } = c.env;
  const time = new Date(world.now()).toISOString();
  const started = world.wall();
  const contentType = c.req.header('content-type');
  const peek = await peekBody(c.req.raw);
  try {
    await next();
  } finally {
    const query = new URL(c.req.url).search;
    registry.journalOf(world).add({
      method: c.req.method,
      path,
      query,
      status: c.res.status,
      time,
      wallTime: new Date(started).toISOString(),
      durationMs: Math.max(0, world.wall() - started),
      ...(contentType !== undefined ? { contentType } : {}),
      ...summarizeBody(peek.text, peek.complete, contentType),
    });
  }
};
