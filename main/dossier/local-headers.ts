// Reads every entry's local header from the archive file in large windows: a header per read
// made an archive of 10,000 tiny entries cost seconds before a byte was hashed (T7).
import type { FileHandle } from 'node:fs/promises';
import type { Entry } from 'yauzl';
import { CustodiaError } from '../../shared/errors/error-codes';

export interface LocalHeader {
  generalPurposeBitFlag: number;
  compressionMethod: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  fileName: Buffer;
  extraField: Buffer;
  /** Offset of the entry's data in the file. */
  fileDataStart: number;
}

const WINDOW = 1024 * 1024;
const FIXED = 30;
const SIGNATURE = 0x04034b50;

const malformed = (message: string, name: string): CustodiaError => new CustodiaError('E_MALFORMED_DOSSIER', message, { entry: name });

/** The local header of each entry, in the order given; E_MALFORMED_DOSSIER for one that is missing or cut short. */
export async function readLocalHeaders(fh: FileHandle, fileSize: number, entries: ReadonlyArray<{ name: string; entry: Entry }>): Promise<LocalHeader[]> {
  const window = Buffer.allocUnsafe(WINDOW + FIXED + 2 * 0xffff);
  let winStart = 0;
  let winLength = 0;
  const bytesAt = async (offset: number, length: number): Promise<Buffer | null> => {
    if (offset < winStart || offset + length > winStart + winLength) {
      winStart = offset;
      ({ bytesRead: winLength } = await fh.read(window, 0, Math.min(window.length, fileSize - offset), offset));
    }
    return offset + length <= winStart + winLength ? window.subarray(offset - winStart, offset - winStart + length) : null;
  };
  const order = entries.map((_, i) => i).sort((a, b) => entries[a]!.entry.relativeOffsetOfLocalHeader - entries[b]!.entry.relativeOffsetOfLocalHeader);
  const headers: LocalHeader[] = new Array<LocalHeader>(entries.length);
  for (const i of order) {
    const { name, entry } = entries[i]!;
    const at = entry.relativeOffsetOfLocalHeader;
    const fixed = at + FIXED <= fileSize ? await bytesAt(at, FIXED) : null;
    if (!fixed || fixed.readUInt32LE(0) !== SIGNATURE) throw malformed(`the local header of ${name} is missing`, name);
    const nameLength = fixed.readUInt16LE(26);
    const extraLength = fixed.readUInt16LE(28);
    const h = {
      generalPurposeBitFlag: fixed.readUInt16LE(6),
      compressionMethod: fixed.readUInt16LE(8),
      crc32: fixed.readUInt32LE(14),
      compressedSize: fixed.readUInt32LE(18),
      uncompressedSize: fixed.readUInt32LE(22),
    };
    const fileDataStart = at + FIXED + nameLength + extraLength;
    const variable = fileDataStart <= fileSize ? await bytesAt(at + FIXED, nameLength + extraLength) : null;
    if (!variable || fileDataStart + entry.compressedSize > fileSize) throw malformed(`the data of ${name} lies beyond the end of the archive`, name);
    headers[i] = { ...h, fileName: Buffer.from(variable.subarray(0, nameLength)), extraField: Buffer.from(variable.subarray(nameLength)), fileDataStart };
  }
  return headers;
}
