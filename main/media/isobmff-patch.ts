// The same cleaning as isobmff-clean.ts for a file on disk, by random access: the boxes to rewrite
// are read and cleaned in memory, the file is copied by the operating system (as `cp` does, the
// media data never passing through this process), and the cleaned boxes are written over the
// copy at their own offsets. No box changes size, so the result is byte for byte what the
// streaming cleaner makes.
import { constants } from 'node:fs';
import { copyFile, open, type FileHandle } from 'node:fs/promises';
import { CustodiaError } from '../../shared/errors/error-codes';
import { badLength, MAX_HELD_BOX, parseHeader, printable, TOP_KEEP, TOP_REWRITE } from './isobmff-boxes';
import { cleanChildren, Log, noteBlanked, WHAT } from './isobmff-clean';

interface Patch {
  at: number;
  bytes?: Buffer;
  /** Zero bytes to write from `at`. */
  zeros?: number;
}

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const b = Buffer.alloc(length);
  const { bytesRead } = await fh.read(b, 0, length, position);
  if (bytesRead < length) throw new CustodiaError('E_MEDIA_TRUNCATED', `${WHAT} ends at byte ${position + bytesRead}, inside a box`, { offset: position + bytesRead });
  return b;
}

async function plan(fh: FileHandle, size: number): Promise<{ patches: Patch[]; removed: string[] }> {
  const log = new Log();
  const patches: Patch[] = [];
  let at = 0;
  while (at < size) {
    const head = await readAt(fh, at, 8);
    const large = head.readUInt32BE(0) === 1 ? await readAt(fh, at + 8, 8) : undefined;
    const h = parseHeader(head, large, at, WHAT);
    if (at === 0 && h.type !== 'ftyp') throw new CustodiaError('E_MALFORMED_MEDIA', `${WHAT} does not start with an ftyp box`);
    const boxSize = h.size ?? size - at;
    if (at + boxSize > size) throw badLength(WHAT, `box '${printable(h.type)}' declares ${boxSize} bytes, past the end of the file (${size} bytes)`, at);
    const p0 = at + h.headerSize;
    if (TOP_REWRITE.has(h.type)) {
      if (h.size === undefined) throw badLength(WHAT, `box '${h.type}' runs to the end of the file`, at);
      if (boxSize - h.headerSize > MAX_HELD_BOX) {
        throw new CustodiaError('E_METADATA_TOO_LARGE', `${WHAT}: box '${h.type}' declares ${boxSize - h.headerSize} bytes, above the limit of ${MAX_HELD_BOX}`);
      }
      const body = await readAt(fh, p0, boxSize - h.headerSize);
      cleanChildren(body, 0, body.length, h.type, 1, log, p0);
      patches.push({ at: p0, bytes: body });
    } else if (!TOP_KEEP.has(h.type)) {
      noteBlanked(log, h.type, h.type, undefined);
      patches.push({ at: at + 4, bytes: Buffer.from('free', 'latin1') }, { at: p0, zeros: at + boxSize - p0 });
    }
    at += boxSize;
  }
  return { patches, removed: [...log.removed].sort() };
}

/**
 * Cleans INPUT into OUT (which must not exist); returns what was removed. OUT is left to the
 * caller to check and, on error, remove. Like `cp`, it does not fsync: the vault's exhibits go
 * through the in-memory path, and a file written here is the CLI user's to keep.
 */
export async function patchIsoBmffFile(input: string, out: string): Promise<{ removed: string[]; size: number }> {
  const src = await open(input, 'r');
  let planned: { patches: Patch[]; removed: string[] };
  let size: number;
  try {
    size = (await src.stat()).size;
    if (size === 0) throw new CustodiaError('E_MEDIA_TRUNCATED', `${WHAT} is empty`);
    planned = await plan(src, size);
  } finally {
    await src.close();
  }
  await copyFile(input, out, constants.COPYFILE_EXCL).catch((e: NodeJS.ErrnoException) => {
    throw e.code === 'EEXIST' ? new CustodiaError('E_EXISTS', `${out} already exists; choose another output file`) : e;
  });
  const dst = await open(out, 'r+');
  try {
    const zeros = Buffer.alloc(1 << 20);
    for (const p of planned.patches) {
      if (p.bytes) await dst.write(p.bytes, 0, p.bytes.length, p.at);
      for (let done = 0; done < (p.zeros ?? 0); done += zeros.length) {
        await dst.write(zeros, 0, Math.min(zeros.length, p.zeros! - done), p.at + done);
      }
    }
  } finally {
    await dst.close();
  }
  return { removed: planned.removed, size };
}
