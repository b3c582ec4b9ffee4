/**
 * A request body passed through unchanged while its first bytes are kept (for the request
 * journal): no clone, no second copy of the body, at most `limit` bytes held.
 */
export interface BodyTap {
  /** The stream to hand on in place of the original body. */
  readonly stream: ReadableStream<Uint8Array>;
  /**
   * The kept prefix as UTF-8 text, and whether it is the whole body. A body no one read is read
   * now, up to the limit (never further, never cancelled: the server keeps its connection).
   */
  prefix(): Promise<{ text: string; complete: boolean }>;
}

/** How much of an unread body is read (and dropped) after the answer before giving up on it. */
const DISCARD_LIMIT = 64 * 1024 * 1024;

const discard = async (
  reader: ReadableStreamDefaultReader<Uint8Array>,
  total: () => number,
): Promise<void> => {
  try {
    while (total() <= DISCARD_LIMIT) if ((await reader.read()).done) return;
    await reader.cancel();
  } catch {
    // The client went away: nothing more to read.
  }
};

export const tapBody = (source: ReadableStream<Uint8Array>, limit: number): BodyTap => {
  let kept: Uint8Array | undefined;
  let keptBytes = 0;
  let total = 0;
  let ended = false;
  let started = false;
  const reader = source.getReader();
  const keep = (chunk: Uint8Array): void => {
    total += chunk.byteLength;
    if (keptBytes < limit) {
      kept ??= new Uint8Array(limit);
      const n = Math.min(limit - keptBytes, chunk.byteLength);
      kept.set(chunk.subarray(0, n), keptBytes);
      keptBytes += n;
    }
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        started = true;
        const { done, value } = await reader.read();
        if (done) {
          ended = true;
          controller.close();
          return;
        }
        keep(value);
        controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    // Nothing is pulled before someone reads (so an unread body is known to be unread).
    { highWaterMark: 0 },
  );
  return {
    stream,
    prefix: async () => {
      if (!started && !stream.locked) {
        const own = stream.getReader();
        try {
          while (!ended && keptBytes < limit) {
            const { done } = await own.read();
            if (done) break;
          }
        } catch {
          // The client went away mid-body: keep what came.
        }
        // Read the rest in the background, keeping nothing: a body read halfway would otherwise
        // hold the server's connection (Node's server waits for the request to end).
        if (!ended) void discard(own, () => total);
        else own.releaseLock();
      }
      const bytes = kept?.subarray(0, keptBytes) ?? new Uint8Array(0);
      const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes, {
        stream: !ended || total > keptBytes,
      });
      return { text, complete: ended && total === keptBytes };
    },
  };
};

/**
 * Whether `new Request(…, {body: stream})` keeps a stream body (Node, Chromium). Where it does not
 * (Firefox and Safari pages running the MSW worker), the journal reads the body once into memory.
 */
export const requestStreamsWork: boolean = (() => {
  try {
    let duplexAsked = false;
    const probe = new Request('http://provisim.invalid/', {
      method: 'POST',
      body: new ReadableStream(),
      get duplex() {
        duplexAsked = true;
        return 'half';
      },
    } as RequestInit);
    return duplexAsked && !probe.headers.has('content-type');
  } catch {
    return false;
  }
})();

/** The body read once into memory, and its first `limit` bytes (for runtimes without streams). */
export const bufferBody = async (
  request: Request,
  limit: number,
): Promise<{ bytes: ArrayBuffer; text: string; complete: boolean }> => {
  const bytes = await request.arrayBuffer();
  const complete = bytes.byteLength <= limit;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(
    new Uint8Array(bytes, 0, Math.min(limit, bytes.byteLength)),
    { stream: !complete },
  );
  return { bytes, text, complete };
};
