// What a ZIP entry may be before a single byte of it is read (T7): a plain relative path of
// plain names, a regular file or folder, stored or deflated, within size and ratio limits, with a
// local header that agrees with the central directory and data no other entry shares.
import type { Entry } from 'yauzl';
import type { LocalHeader } from './local-headers';
import { CustodiaError } from '../../shared/errors/error-codes';

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the declared uncompressed sizes. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio for entries over ratioFloorBytes. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Largest ratio of all declared sizes together to the archive's own size (beyond ratioFloorBytes). */
  maxArchiveRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 64 * 1024 ** 3,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  // A dossier is mostly stored exhibits and a stored PDF (about 1:1); only text is deflated.
  // This bounds what any archive can cost to read: a 10 MB file never inflates past 161 MiB.
  maxArchiveRatio: 16,
};

const hostile = (message: string, name?: string): CustodiaError =>
  new CustodiaError('E_HOSTILE_ARCHIVE', message, name === undefined ? undefined : { entry: name });

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const decoder = new TextDecoder('utf-8', { fatal: true });

export function entryName(entry: Entry): string {
  const raw = entry.fileNameRaw;
  try {
    return decoder.decode(raw);
  } catch {
    throw hostile('an entry name is not valid UTF-8');
  }
}

/** Throws E_HOSTILE_ARCHIVE for any name that could land outside a folder it were unpacked into. */
export function checkEntryName(name: string): void {
  if (name.length === 0) throw hostile('an entry has an empty name');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) throw hostile('an entry name holds control characters', name);
  if (name.includes('\\')) throw hostile('an entry name holds a backslash', name);
  if (name.startsWith('/')) throw hostile('an entry has an absolute path', name);
  if (/^[a-zA-Z]:/.test(name)) throw hostile('an entry name starts with a drive letter', name);
  const parts = name.replace(/\/$/, '').split('/');
  if (parts.some((p) => p === '..')) throw hostile('an entry climbs out of the archive with ".."', name);
  if (parts.some((p) => p === '' || p === '.')) throw hostile('an entry name has an empty or "." segment', name);
}

/** Symbolic links, devices and pipes are refused; only files and folders are content. */
export function checkEntryKind(entry: Entry, name: string): 'file' | 'directory' {
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (mode !== 0 && mode !== S_IFREG && mode !== S_IFDIR) {
    throw hostile(mode === 0o120000 ? 'an entry is a symbolic link' : 'an entry is not a regular file', name);
  }
  if (entry.isEncrypted()) throw new CustodiaError('E_MALFORMED_DOSSIER', 'an entry is encrypted', { entry: name });
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw new CustodiaError('E_MALFORMED_DOSSIER', 'an entry uses an unsupported compression method', { entry: name });
  }
  return name.endsWith('/') || mode === S_IFDIR ? 'directory' : 'file';
}

export function checkEntrySize(entry: Entry, name: string, limits: ZipLimits): void {
  const { uncompressedSize: u, compressedSize: c } = entry;
  if (u > limits.maxTotalBytes) throw hostile('an entry is larger than a dossier may be', name);
  if (u > limits.ratioFloorBytes && u / Math.max(c, 1) > limits.maxRatio) {
    throw hostile(`an entry expands ${Math.round(u / Math.max(c, 1))} times: a decompression bomb`, name);
  }
}

/** Throws E_HOSTILE_ARCHIVE when everything together would expand far beyond the archive's size. */
export function checkArchiveSize(totalBytes: number, archiveBytes: number, limits: ZipLimits): void {
  if (totalBytes > archiveBytes * limits.maxArchiveRatio + limits.ratioFloorBytes) {
    throw hostile(`the entries expand to ${totalBytes} bytes, ${Math.round(totalBytes / Math.max(archiveBytes, 1))} times the archive: a decompression bomb`);
  }
}

const ZIP64_EXTRA = 0x0001;
const ZIP32_MAX = 0xffffffff;
// Encrypted, sizes in a data descriptor, UTF-8 names: bits that change how an entry is read.
const FLAGS_THAT_MATTER = 0x0809;
const DATA_DESCRIPTOR = 0x0008;

/** The 64-bit sizes of a local header's ZIP64 extra field, if it has one. */
function localZip64(extra: Buffer): { uncompressed: number; compressed: number } | null {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA && size >= 16 && at + 4 + 16 <= extra.length) {
      return { uncompressed: Number(extra.readBigUInt64LE(at + 4)), compressed: Number(extra.readBigUInt64LE(at + 12)) };
    }
    at += 4 + size;
  }
  return null;
}

const mismatch = (what: string, name: string): CustodiaError =>
  new CustodiaError('E_ZIP_HEADER_MISMATCH', `the local header of an entry disagrees with the central directory on its ${what}`, { entry: name });

/**
 * Readers that walk local headers (most unzip tools) and readers that trust the central directory
 * (yauzl) must see the same archive: the name, method, flags, CRC and sizes must agree. With a
 * data descriptor the local CRC and sizes may be zero, as the format allows.
 */
export function checkLocalHeader(entry: Entry, local: LocalHeader, name: string): void {
  if (!local.fileName.equals(entry.fileNameRaw)) throw mismatch('name', name);
  if (local.compressionMethod !== entry.compressionMethod) throw mismatch('compression method', name);
  if ((local.generalPurposeBitFlag & FLAGS_THAT_MATTER) !== (entry.generalPurposeBitFlag & FLAGS_THAT_MATTER)) throw mismatch('flags', name);
  const deferred = (local.generalPurposeBitFlag & DATA_DESCRIPTOR) !== 0;
  const zip64 = local.compressedSize === ZIP32_MAX || local.uncompressedSize === ZIP32_MAX ? localZip64(local.extraField) : null;
  const agrees = (localValue: number, central: number): boolean => localValue === central || (deferred && localValue === 0);
  const compressed = zip64 ? zip64.compressed : local.compressedSize;
  const uncompressed = zip64 ? zip64.uncompressed : local.uncompressedSize;
  if (!agrees(local.crc32, entry.crc32)) throw mismatch('CRC-32', name);
  if (!agrees(compressed, entry.compressedSize) || !agrees(uncompressed, entry.uncompressedSize)) throw mismatch('sizes', name);
}

export interface EntrySpan {
  name: string;
  /** Offset of the local header. */
  start: number;
  /** Offset just past the entry's data. */
  end: number;
}

/** Throws E_ZIP_OVERLAP when two entries share bytes: an overlap bomb inflates one stream many times. */
export function checkNoOverlap(spans: readonly EntrySpan[]): void {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.start < sorted[i - 1]!.end) {
      throw new CustodiaError('E_ZIP_OVERLAP', 'two entries of the archive share the same bytes', { entry: sorted[i]!.name, with: sorted[i - 1]!.name });
    }
  }
}
