// Reading incident files from disk (CLI `incident add|edit|import`): each within a size cap,
// decoded and parsed strictly (strict-json.ts). JSON Lines are streamed a line at a time, so a
// large import holds its parsed incidents, never the whole file's text besides.
import { open, type FileHandle } from 'node:fs/promises';
import { CustodiaError } from '../../shared/errors/error-codes';
import { MAX_IMPORT } from './bulk-import';
import { decodeUtf8, parseStrictJson } from './strict-json';

/** One incident file, and one line of a JSON Lines import. */
export const MAX_INCIDENT_FILE_BYTES = 4 * 1024 * 1024;
/** A JSON array is read whole; anything larger belongs in JSON Lines. */
export const MAX_IMPORT_ARRAY_BYTES = 64 * 1024 * 1024;
/** A JSON Lines import (MAX_IMPORT incidents of a few KiB each fit well). */
export const MAX_IMPORT_LINES_BYTES = 512 * 1024 * 1024;

const tooLarge = (path: string, cap: number): CustodiaError =>
  new CustodiaError('E_INPUT_TOO_LARGE', `${path} is larger than ${cap / (1024 * 1024)} MiB`);

async function openInput(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (e) {
    throw new CustodiaError('E_UNREADABLE_FILE', `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** At most `cap` bytes of the file, or E_INPUT_TOO_LARGE without reading the rest. */
async function readCapped(path: string, cap: number): Promise<Buffer> {
  const fh = await openInput(path);
  try {
    const buf = Buffer.allocUnsafe(cap + 1);
    let got = 0;
    for (let n = -1; n !== 0 && got <= cap;) {
      ({ bytesRead: n } = await fh.read(buf, got, cap + 1 - got, null));
      got += n;
    }
    if (got > cap) throw tooLarge(path, cap);
    return buf.subarray(0, got);
  } catch (e) {
    if (e instanceof CustodiaError) throw e;
    throw new CustodiaError('E_UNREADABLE_FILE', `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  } finally {
    await fh.close();
  }
}

/** One incident (or anything JSON) from a file of at most MAX_INCIDENT_FILE_BYTES. */
export async function readIncidentFile(path: string, cap = MAX_INCIDENT_FILE_BYTES): Promise<unknown> {
  return parseStrictJson(decodeUtf8(await readCapped(path, cap), path), path);
}

/** A JSON array of incidents, or JSON Lines (`.jsonl`: one incident per line, blank lines skipped). */
export async function readIncidentList(path: string): Promise<unknown[]> {
  if (!path.endsWith('.jsonl')) {
    const list = await readIncidentFile(path, MAX_IMPORT_ARRAY_BYTES);
    if (!Array.isArray(list)) throw new CustodiaError('E_INVALID_JSON', `${path} must hold a JSON array of incidents`);
    return list;
  }
  const out: unknown[] = [];
  let lineNo = 0;
  const take = (bytes: Buffer): void => {
    lineNo += 1;
    const what = `${path} line ${lineNo}`;
    const text = decodeUtf8(bytes, what, lineNo === 1);
    if (text.trim() === '') return;
    if (out.length === MAX_IMPORT) throw new CustodiaError('E_INVALID_INPUT', `${path} holds more than ${MAX_IMPORT} incidents: split it into several imports`);
    out.push(parseStrictJson(text, what));
  };
  await eachLine(path, take);
  return out;
}

/** Calls `take` with every line's bytes (without its LF), refusing a line or file over its cap. */
async function eachLine(path: string, take: (line: Buffer) => void): Promise<void> {
  const fh = await openInput(path);
  try {
    const block = Buffer.allocUnsafe(1024 * 1024);
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let total = 0;
    for (;;) {
      const { bytesRead } = await fh.read(block, 0, block.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > MAX_IMPORT_LINES_BYTES) throw tooLarge(path, MAX_IMPORT_LINES_BYTES);
      let from = 0;
      for (let lf = block.indexOf(0x0a, 0); lf !== -1 && lf < bytesRead; lf = block.indexOf(0x0a, from)) {
        if (pendingBytes + lf - from > MAX_INCIDENT_FILE_BYTES) throw new CustodiaError('E_INPUT_TOO_LARGE', `${path}: a line is larger than ${MAX_INCIDENT_FILE_BYTES / (1024 * 1024)} MiB`);
        take(Buffer.concat([...pending, block.subarray(from, lf)]));
        pending = [];
        pendingBytes = 0;
        from = lf + 1;
      }
      if (from < bytesRead) {
        pendingBytes += bytesRead - from;
        if (pendingBytes > MAX_INCIDENT_FILE_BYTES) throw new CustodiaError('E_INPUT_TOO_LARGE', `${path}: a line is larger than ${MAX_INCIDENT_FILE_BYTES / (1024 * 1024)} MiB`);
        pending.push(Buffer.from(block.subarray(from, bytesRead)));
      }
    }
    if (pendingBytes > 0) take(Buffer.concat(pending));
  } catch (e) {
    if (e instanceof CustodiaError) throw e;
    throw new CustodiaError('E_UNREADABLE_FILE', `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  } finally {
    await fh.close();
  }
}
