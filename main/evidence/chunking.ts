// Fixed-size chunks from any byte source, so chunk n always starts at n · chunkSize.

/**
 * Each chunk is one object (vault/object-store.ts). Measured (test/bench/vault-ingest.bench.ts):
 * every object costs a fixed open, fsync and rename, so 1 MiB ingests slowest; 4 and 8 MiB gain
 * little over 2 MiB but hold more in memory (4 chunks under way, and the next one on read-back)
 * and bring peak RSS near the 256 MiB limit. Recorded per item, so it can change.
 */
export const DEFAULT_CHUNK_SIZE = 2 * 1024 * 1024;

export async function* fixedChunks(source: AsyncIterable<Buffer | Uint8Array | string>, size: number): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let held = 0;
  for await (const piece of source) {
    let buf = typeof piece === 'string' ? Buffer.from(piece) : Buffer.isBuffer(piece) ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    while (buf.length > 0) {
      // The common case (file stream with highWaterMark = size) passes buffers through uncopied.
      if (held === 0 && buf.length === size) {
        yield buf;
        break;
      }
      const take = Math.min(size - held, buf.length);
      parts.push(buf.subarray(0, take));
      held += take;
      buf = buf.subarray(take);
      if (held === size) {
        yield Buffer.concat(parts, size);
        parts = [];
        held = 0;
      }
    }
  }
  if (held > 0) yield Buffer.concat(parts, held);
}
