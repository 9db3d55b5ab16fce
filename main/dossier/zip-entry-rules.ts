// What a ZIP entry may be before a single byte of it is read (T7): a plain relative path of
// plain names, a regular file or folder, stored or deflated, within size and ratio limits.
import type { Entry } from 'yauzl';
import { CustodiaError } from '../../shared/errors/error-codes';

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the declared uncompressed sizes. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio for entries over ratioFloorBytes. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 64 * 1024 ** 3,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
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
