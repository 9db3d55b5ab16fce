// Reads a ZIP without ever writing an entry anywhere (T7): the whole central directory and
// every local header are checked first (names, kinds, count, sizes, ratios, duplicates, header
// agreement, overlaps), then entries are streamed into hashes in memory and their CRC-32 checked.
// yauzl's validateEntrySizes stops an entry that inflates past its declared size.
import { closeSync, fstat, open as openFd } from 'node:fs';
import { open as openFile, type FileHandle } from 'node:fs/promises';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import { fromRandomAccessReader, type Entry, type ZipFile } from 'yauzl';
import { CustodiaError } from '../../shared/errors/error-codes';
import {
  DEFAULT_ZIP_LIMITS, checkArchiveSize, checkEntryKind, checkEntryName, checkEntrySize, checkLocalHeader, checkNoOverlap, entryName,
  type EntrySpan, type ZipLimits,
} from './zip-entry-rules';
import { readLocalHeaders, type LocalHeader } from './local-headers';
import { WindowedReader } from './windowed-reader';

export interface ZipFileEntry {
  name: string;
  size: number;
  entry: Entry;
  /** Where the entry's data starts, from its checked local header. */
  dataStart: number;
}

interface DirectoryEntry {
  name: string;
  size: number;
  entry: Entry;
  kind: 'file' | 'directory';
}

const malformed = (message: string): CustodiaError => new CustodiaError('E_MALFORMED_DOSSIER', message);

async function openArchive(path: string): Promise<ZipFile> {
  let fd: number;
  let size: number;
  try {
    // A plain descriptor: a FileHandle would be closed under yauzl when collected.
    fd = await promisify(openFd)(path, 'r');
  } catch (e) {
    throw new CustodiaError('E_UNREADABLE_FILE', `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    const st = await promisify(fstat)(fd);
    if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    size = st.size;
  } catch (e) {
    closeSync(fd);
    throw new CustodiaError('E_UNREADABLE_FILE', `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return new Promise((resolve, reject) => {
    const reader = new WindowedReader(fd, size);
    // The archive's own reference, dropped by zip.close(): the descriptor closes with it.
    reader.ref();
    fromRandomAccessReader(reader, size, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (err, zip) => {
      if (err) {
        reader.close(() => undefined);
        reject(malformed(`not a readable ZIP archive: ${err.message}`));
      } else resolve(zip);
    });
  });
}

// Stored entries (every exhibit) are read in large blocks, two in flight, straight from the
// file: yauzl's own stream reads 16 KiB at a time, which made reading, not hashing, the cost.
const BLOCK = 1024 * 1024;

export class SafeZipReader {
  private readonly blocks = [Buffer.allocUnsafe(BLOCK), Buffer.allocUnsafe(BLOCK)];

  private constructor(
    private readonly zip: ZipFile,
    private readonly fh: FileHandle,
    readonly files: ZipFileEntry[],
  ) {}

  static async open(path: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<SafeZipReader> {
    const zip = await openArchive(path);
    try {
      if (zip.entryCount > limits.maxEntries) throw new CustodiaError('E_HOSTILE_ARCHIVE', `the archive has ${zip.entryCount} entries, more than ${limits.maxEntries}`);
      const entries = await readDirectory(zip, limits);
      const fh = await openFile(path, 'r');
      try {
        const starts = checkLocalHeaders(entries, await readLocalHeaders(fh, zip.fileSize, entries));
        checkArchiveSize(entries.reduce((n, e) => n + e.size, 0), zip.fileSize, limits);
        const files = entries.flatMap(({ name, size, entry, kind }, i) => (kind === 'file' ? [{ name, size, entry, dataStart: starts[i]! }] : []));
        return new SafeZipReader(zip, fh, files);
      } catch (e) {
        await fh.close();
        throw e;
      }
    } catch (e) {
      zip.close();
      throw e;
    }
  }

  /**
   * Streams one entry's bytes to onChunk (valid only during the call); never touches the file
   * system. Throws E_ZIP_CRC_MISMATCH at the end when the bytes are not those the CRC-32 names.
   */
  async read(file: ZipFileEntry, onChunk: (chunk: Buffer) => void | Promise<void>): Promise<void> {
    let crc = 0;
    const checked = (chunk: Buffer): void | Promise<void> => {
      crc = crc32(chunk, crc);
      return onChunk(chunk);
    };
    await (file.entry.compressionMethod === 0 ? this.readStored(file, checked) : this.readDeflated(file, checked));
    if (crc !== file.entry.crc32) {
      throw new CustodiaError('E_ZIP_CRC_MISMATCH', `${file.name}: its bytes do not match the CRC-32 of the archive`, { entry: file.name });
    }
  }

  private async readStored(file: ZipFileEntry, onChunk: (chunk: Buffer) => void | Promise<void>): Promise<void> {
    const start = file.dataStart;
    const end = start + file.entry.compressedSize;
    const readBlock = async (pos: number, i: number): Promise<Buffer> => {
      const want = Math.min(BLOCK, end - pos);
      const { bytesRead } = await this.fh.read(this.blocks[i]!, 0, want, pos);
      if (bytesRead !== want) throw malformed(`${file.name} is cut short`);
      return this.blocks[i]!.subarray(0, want);
    };
    let pos = start;
    let i = 0;
    let next = pos < end ? readBlock(pos, i) : null;
    while (next) {
      const block = await next;
      pos += block.length;
      i ^= 1;
      // The next read runs on the thread pool while this block is hashed.
      next = pos < end ? readBlock(pos, i) : null;
      await onChunk(block);
    }
  }

  private async readDeflated(file: ZipFileEntry, onChunk: (chunk: Buffer) => void | Promise<void>): Promise<void> {
    let stream: AsyncIterable<Buffer>;
    try {
      stream = await this.zip.openReadStreamPromise(file.entry);
    } catch (e) {
      throw malformed(`cannot read ${file.name}: ${(e as Error).message}`);
    }
    try {
      for await (const chunk of stream) await onChunk(chunk);
    } catch (e) {
      const message = (e as Error).message;
      throw /too many bytes|not enough bytes/i.test(message)
        ? new CustodiaError('E_HOSTILE_ARCHIVE', `${file.name}: the data does not match its declared size`, { entry: file.name })
        : malformed(`cannot read ${file.name}: ${message}`);
    }
  }

  async close(): Promise<void> {
    this.zip.close();
    await this.fh.close();
  }
}

function readDirectory(zip: ZipFile, limits: ZipLimits): Promise<DirectoryEntry[]> {
  return new Promise((resolve, reject) => {
    const files: DirectoryEntry[] = [];
    const seen = new Set<string>();
    let total = 0;
    let count = 0;
    zip.on('entry', (entry: Entry) => {
      try {
        if (++count > limits.maxEntries) throw new CustodiaError('E_HOSTILE_ARCHIVE', `the archive has more than ${limits.maxEntries} entries`);
        const name = entryName(entry);
        checkEntryName(name);
        const kind = checkEntryKind(entry, name);
        // Two names that differ only in case overwrite each other on Windows and macOS.
        const key = name.normalize('NFC').toLowerCase();
        if (seen.has(key)) throw new CustodiaError('E_HOSTILE_ARCHIVE', 'two entries have the same name', { entry: name });
        seen.add(key);
        checkEntrySize(entry, name, limits);
        total += entry.uncompressedSize;
        if (total > limits.maxTotalBytes) throw new CustodiaError('E_HOSTILE_ARCHIVE', 'the archive expands beyond the size limit');
        files.push({ name, size: entry.uncompressedSize, entry, kind });
        zip.readEntry();
      } catch (e) {
        reject(e);
      }
    });
    zip.on('end', () => resolve(files));
    zip.on('error', (e: Error) => reject(malformed(`the archive is damaged: ${e.message}`)));
    zip.readEntry();
  });
}

/** Every local header against its central record, and no two entries' bytes overlapping; answers where each entry's data starts. */
function checkLocalHeaders(entries: readonly DirectoryEntry[], locals: readonly LocalHeader[]): number[] {
  const spans: EntrySpan[] = entries.map(({ name, entry }, i) => ({ name, start: entry.relativeOffsetOfLocalHeader, end: locals[i]!.fileDataStart + entry.compressedSize }));
  // Overlaps first: an overlap bomb's entries also disagree with the one header they share.
  checkNoOverlap(spans);
  entries.forEach(({ name, entry }, i) => checkLocalHeader(entry, locals[i]!, name));
  return locals.map((l) => l.fileDataStart);
}
