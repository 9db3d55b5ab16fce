// Bounds on what a hostile file can make us spend (THREATS T7), and sharp's global settings.
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import sharp, { type SharpOptions } from 'sharp';
import { CustodiaError } from '../../shared/errors/error-codes';

/** Largest file inspect/strip loads into memory; photos and scans are far below it. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
/** 120 megapixels covers 108 MP phone sensors; decoded RGBA at this size is ~480 MB. */
export const MAX_PIXELS = 120_000_000;
/** Sum of all metadata blocks; Photoshop XMP histories reach a few MB, never this. */
export const MAX_METADATA_BYTES = 16 * 1024 * 1024;
/** Deepest XML element nesting accepted in XMP before any parser sees it. */
export const MAX_XMP_DEPTH = 64;
/** Largest decompressed PNG text or ICC chunk (libpng's own default cap is 8 MB). */
export const MAX_INFLATED_CHUNK = 8 * 1024 * 1024;

// libvips spills images above its "disc threshold" (100 MB decoded) to an unlinked temp file:
// decoded evidence on disk (T1). Our pixel limit bounds memory, so keep everything in memory.
// libvips reads this once, at its first large decode, so it must be set before any sharp work.
process.env.VIPS_DISC_THRESHOLD ??= '2g';

let configured = false;

/** At most two libvips threads, and no cache: decoded evidence must not linger in memory. */
export function configureSharp(): void {
  if (configured) return;
  sharp.cache(false);
  sharp.concurrency(Math.min(2, availableParallelism()));
  configured = true;
}

/** Options every sharp call on untrusted input uses. */
export function sharpInputOptions(extra: SharpOptions = {}): SharpOptions {
  configureSharp();
  return { limitInputPixels: MAX_PIXELS, failOn: 'error', sequentialRead: true, ...extra };
}

export function checkPixelCount(width: number, height: number, pages = 1): void {
  if (width * height * Math.max(1, pages) > MAX_PIXELS) {
    throw new CustodiaError(
      'E_DECOMPRESSION_BOMB',
      `image declares ${width}x${height}${pages > 1 ? ` x ${pages} frames` : ''} pixels, above the limit of ${MAX_PIXELS}`,
      { width, height, pages },
    );
  }
}

export function checkMetadataBytes(total: number): void {
  if (total > MAX_METADATA_BYTES) {
    throw new CustodiaError('E_METADATA_TOO_LARGE', `metadata blocks total ${total} bytes, above the limit of ${MAX_METADATA_BYTES}`);
  }
}

/** Loads a file or takes a buffer, refusing what is too large before reading it. */
export async function loadInput(input: string | Buffer): Promise<Buffer> {
  if (Buffer.isBuffer(input)) {
    if (input.length > MAX_FILE_BYTES) throw tooLarge(input.length);
    return input;
  }
  const fail = (e: unknown): CustodiaError =>
    e instanceof CustodiaError ? e : new CustodiaError('E_UNREADABLE_FILE', `cannot read ${input}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  const fh = await open(input, 'r').catch((e: unknown) => {
    throw fail(e);
  });
  try {
    const s = await fh.stat();
    if (!s.isFile()) throw new CustodiaError('E_UNREADABLE_FILE', `not a regular file: ${input}`);
    if (s.size > MAX_FILE_BYTES) throw tooLarge(s.size);
    // One allocation of the known size, filled in place: readFile would read in chunks and copy.
    const buf = Buffer.allocUnsafe(s.size);
    let at = 0;
    while (at < buf.length) {
      const { bytesRead } = await fh.read(buf, at, buf.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === buf.length ? buf : buf.subarray(0, at);
  } catch (e) {
    throw fail(e);
  } finally {
    await fh.close();
  }
}

function tooLarge(size: number): CustodiaError {
  return new CustodiaError('E_TOO_LARGE', `file is ${size} bytes, above the limit of ${MAX_FILE_BYTES} for media processing`);
}
