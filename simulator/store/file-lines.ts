import { closeSync, createReadStream, openSync, readSync } from 'node:fs';

/** Bytes read at a time. */
const READ_BYTES = 1 << 20;

/** The text of `buf` from `from` to `to` (a line), without the `\r` of a `\r\n`. */
const lineOf = (buf: Buffer, from: number, to: number): string =>
  buf.toString('utf8', from, to > from && buf[to - 1] === 0x0d ? to - 1 : to);

/**
 * Cuts lines (ending at `\n` or `\r\n`) from bytes as they are read, decoding each on its own: no
 * string holds more than a line (a data file or journal of a million subscribers is larger than
 * the longest string V8 makes), and a line spread over many reads is joined once.
 */
class LineCutter {
  /** The start of a line, read before its end. */
  #pending: Buffer[] = [];
  readonly #take: (line: string) => void;

  constructor(take: (line: string) => void) {
    this.#take = take;
  }

  push(chunk: Buffer): void {
    let from = 0;
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, from)) {
      if (this.#pending.length === 0) this.#take(lineOf(chunk, from, nl));
      else {
        const line = Buffer.concat([...this.#pending, chunk.subarray(from, nl)]);
        this.#pending = [];
        this.#take(lineOf(line, 0, line.length));
      }
      from = nl + 1;
    }
    if (from < chunk.length) this.#pending.push(chunk.subarray(from));
  }

  /** The last line, when the file does not end with a line break. */
  end(): void {
    if (this.#pending.length === 0) return;
    const line = Buffer.concat(this.#pending);
    this.#pending = [];
    this.#take(lineOf(line, 0, line.length));
  }
}

/** Calls `take` with each line of a file in turn, read a megabyte at a time. */
export const eachLine = async (file: string, take: (line: string) => void): Promise<void> => {
  const cutter = new LineCutter(take);
  for await (const chunk of createReadStream(file, {
    highWaterMark: READ_BYTES,
  }) as AsyncIterable<Buffer>)
    cutter.push(chunk);
  cutter.end();
};

/** `eachLine`, read synchronously (the journal, read before a store serves). */
export const eachLineSync = (file: string, take: (line: string) => void): void => {
  const cutter = new LineCutter(take);
  const fd = openSync(file, 'r');
  try {
    // Each read gets a buffer of its own: the cutter keeps slices of one read's bytes.
    for (;;) {
      const buf = Buffer.allocUnsafe(READ_BYTES);
      const n = readSync(fd, buf, 0, READ_BYTES, null);
      if (n === 0) break;
      cutter.push(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  cutter.end();
};
