// Exhibits of video, audio and PDF evidence (MP4 family, MP3, WAV, Ogg, FLAC, AMR, WebM and
// Matroska, PDF): each format's own cleaner, then the output read again by a separate
// inspection; any leak stops the exhibit before it is returned (T5). Images
// go through strip.ts. A type not listed here is refused: it never becomes an exhibit.
import { createHash } from 'node:crypto';
import { access, open, rm } from 'node:fs/promises';
import { CustodiaError } from '../../shared/errors/error-codes';
import { cleanAmr } from './amr-clean';
import { bufferSource } from './byte-stream';
import { cleanFlac, flacLeaks } from './flac-clean';
import { cleanIsoBmff } from './isobmff-clean';
import { bufferReadAt, isoBmffLeaks, type ReadAt } from './isobmff-inspect';
import { patchIsoBmffFile } from './isobmff-patch';
import { cleanMatroska, matroskaLeaks } from './matroska-clean';
import { cleanMp3 } from './mp3-clean';
import { cleanOgg, oggLeaks } from './ogg-clean';
import { cleanPdf, pdfLeaks } from './pdf-clean';
import { sniffMediaType } from './sniff';
import { cleanWav } from './wav-clean';

export interface AvCleanResult {
  data: Buffer;
  mediaType: string;
  removed: string[];
  exhibitSha256: string;
}

const ISO_BMFF = new Set(['video/mp4', 'video/quicktime', 'video/3gpp', 'audio/mp4']);

interface BufferCleaner {
  clean: (buf: Buffer) => { data: Buffer; removed: string[] } | Promise<{ data: Buffer; removed: string[] }>;
  /** The separate reading of the output: what it still carries. */
  leaks: (data: Buffer) => string[] | Promise<string[]>;
}

const MATROSKA: BufferCleaner = { clean: cleanMatroska, leaks: matroskaLeaks };
/** Formats cleaned whole in memory, each with its re-inspection (for MP3, WAV and AMR: cleaning again must remove nothing). */
const BUFFER_CLEANERS: Readonly<Record<string, BufferCleaner>> = {
  'audio/mpeg': { clean: cleanMp3, leaks: (d) => cleanMp3(d).removed },
  'audio/wav': { clean: cleanWav, leaks: (d) => cleanWav(d).removed },
  'audio/ogg': { clean: cleanOgg, leaks: oggLeaks },
  'audio/flac': { clean: cleanFlac, leaks: flacLeaks },
  'audio/amr': { clean: cleanAmr, leaks: (d) => cleanAmr(d).removed },
  'video/webm': MATROSKA,
  'video/x-matroska': MATROSKA,
  'application/pdf': { clean: cleanPdf, leaks: pdfLeaks },
};

/** Media types cleaned here; the exhibit keeps the original's type. */
export const AV_CLEANABLE: ReadonlySet<string> = new Set([...ISO_BMFF, ...Object.keys(BUFFER_CLEANERS)]);

function refuseLeaks(mediaType: string, leaks: string[]): void {
  if (leaks.length > 0) {
    throw new CustodiaError('E_INTERNAL', `the ${mediaType} exhibit would still carry metadata (${leaks.join(', ')}); nothing was written`);
  }
}

export async function cleanAvToBuffer(buf: Buffer): Promise<AvCleanResult> {
  try {
    return await cleanBySniffedType(buf);
  } catch (e) {
    // A library tripping over bytes it did not expect is a malformed file, never a crash (T7).
    if (e instanceof CustodiaError) throw e;
    throw new CustodiaError('E_MALFORMED_MEDIA', `the file is malformed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function cleanBySniffedType(buf: Buffer): Promise<AvCleanResult> {
  const { mediaType } = sniffMediaType(buf.subarray(0, 64));
  let data: Buffer;
  let removed: string[];
  if (ISO_BMFF.has(mediaType)) {
    data = Buffer.allocUnsafe(buf.length);
    let at = 0;
    ({ removed } = await cleanIsoBmff(bufferSource(buf), (b) => {
      at += b.copy(data, at);
    }, { size: buf.length }));
    refuseLeaks(mediaType, await isoBmffLeaks(bufferReadAt(data), data.length));
  } else if (Object.hasOwn(BUFFER_CLEANERS, mediaType)) {
    const cleaner = BUFFER_CLEANERS[mediaType]!;
    ({ data, removed } = await cleaner.clean(buf));
    refuseLeaks(mediaType, await cleaner.leaks(data));
  } else {
    throw new CustodiaError('E_UNSUPPORTED_MEDIA', `${mediaType} files cannot be cleaned; the original stays sealed and is not an exhibit`, { mediaType });
  }
  return { data, mediaType, removed, exhibitSha256: createHash('sha256').update(data).digest('hex') };
}

/**
 * File to file for an MP4 of any size: the boxes to rewrite are cleaned in memory and written over
 * an operating-system copy of the file (the media data never passes through this process), then
 * the output is re-inspected by random access. OUT must not exist; on any error it is removed.
 */
export async function cleanIsoBmffFile(input: string, out: string): Promise<{ removed: string[]; bytes: number }> {
  const head = Buffer.alloc(64);
  const src = await open(input, 'r');
  await src.read(head, 0, 64, 0).finally(() => src.close());
  if (!ISO_BMFF.has(sniffMediaType(head).mediaType)) throw new CustodiaError('E_UNSUPPORTED_MEDIA', `${input} is not an MP4, MOV, 3GP or M4A file`);
  try {
    if (await access(out).then(() => true, () => false)) throw new CustodiaError('E_EXISTS', `${out} already exists; choose another output file`);
    const { removed, size } = await patchIsoBmffFile(input, out);
    const dst = await open(out, 'r');
    try {
      const readAt: ReadAt = async (position, length) => {
        const b = Buffer.alloc(length);
        const { bytesRead } = await dst.read(b, 0, length, position);
        return b.subarray(0, bytesRead);
      };
      refuseLeaks('MP4', await isoBmffLeaks(readAt, size));
    } finally {
      await dst.close();
    }
    return { removed, bytes: size };
  } catch (e) {
    // An existing OUT is never touched; anything else written is removed.
    if (!(e instanceof CustodiaError && e.code === 'E_EXISTS')) await rm(out, { force: true }).catch(() => undefined);
    throw e;
  }
}
