// Reads an async stream of chunks as exact byte counts, for container cleaners that pass most of
// a file straight through (a video's media data) and hold only the small parts they rewrite.
// A stream that ends early is a truncated file, reported as one.
import { CustodiaError } from '../../shared/errors/error-codes';

export type Sink = (bytes: Buffer) => void | Promise<void>;

export class ByteStream {
  #it: AsyncIterator<Uint8Array>;
  #chunk: Buffer = Buffer.alloc(0);
  #at = 0;
  #done = false;
  /** Bytes consumed so far: the offset of the next byte in the file. */
  position = 0;

  constructor(source: AsyncIterable<Uint8Array>, private readonly what: string) {
    this.#it = source[Symbol.asyncIterator]();
  }

  async #fill(): Promise<boolean> {
    while (this.#at >= this.#chunk.length) {
      if (this.#done) return false;
      const next = await this.#it.next();
      if (next.done) {
        this.#done = true;
        return false;
      }
      const c = next.value;
      this.#chunk = Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength);
      this.#at = 0;
    }
    return true;
  }

  async atEnd(): Promise<boolean> {
    return !(await this.#fill());
  }

  truncated(needed: number): CustodiaError {
    return new CustodiaError('E_MEDIA_TRUNCATED', `${this.what} ends at byte ${this.position}, inside a part that needs ${needed} more bytes`, {
      offset: this.position,
    });
  }

  /** Exactly n bytes, copied into one buffer the caller owns (only for small, bounded parts). */
  async read(n: number): Promise<Buffer> {
    const out = Buffer.allocUnsafe(n);
    let got = 0;
    while (got < n) {
      if (!(await this.#fill())) throw this.truncated(n - got);
      const take = Math.min(n - got, this.#chunk.length - this.#at);
      this.#chunk.copy(out, got, this.#at, this.#at + take);
      this.#at += take;
      got += take;
      this.position += take;
    }
    return out;
  }

  /** Hands n bytes (or everything to the end when n is undefined) to the sink without copying. */
  async pass(n: number | undefined, sink: Sink): Promise<number> {
    let left = n ?? Number.POSITIVE_INFINITY;
    let moved = 0;
    while (left > 0) {
      if (!(await this.#fill())) {
        if (n === undefined) return moved;
        throw this.truncated(left);
      }
      const take = Math.min(left, this.#chunk.length - this.#at);
      await sink(this.#chunk.subarray(this.#at, this.#at + take));
      this.#at += take;
      left -= take;
      moved += take;
      this.position += take;
    }
    return moved;
  }

  /** Consumes n bytes (or to the end) and writes as many zero bytes in their place. */
  async zero(n: number | undefined, sink: Sink): Promise<number> {
    const zeros = Buffer.alloc(Math.min(n ?? 1 << 20, 1 << 20));
    return this.pass(n, async (chunk) => {
      for (let at = 0; at < chunk.length; at += zeros.length) await sink(zeros.subarray(0, Math.min(zeros.length, chunk.length - at)));
    });
  }
}

/** A buffer as a stream of one chunk. */
export async function* bufferSource(buf: Uint8Array): AsyncIterable<Uint8Array> {
  yield buf;
}
