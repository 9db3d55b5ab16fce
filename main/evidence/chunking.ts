// Fixed-size chunks from any byte source, so chunk n always starts at n · chunkSize.

/** Measured (test/bench/vault-ingest.bench.ts): 1 MiB keeps statements few and memory flat. */
export const DEFAULT_CHUNK_SIZE = 1024 * 1024;

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
