// Reads a ZIP without ever writing an entry anywhere (T7): the whole central directory is
// checked first (names, kinds, count, sizes, ratios, duplicates), then entries are streamed
// into hashes in memory. yauzl's validateEntrySizes catches headers that lie about sizes.
import { open as openFile, type FileHandle } from 'node:fs/promises';
import { open as openZip, type Entry, type ZipFile } from 'yauzl';
import { CustodiaError } from '../../shared/errors/error-codes';
import { DEFAULT_ZIP_LIMITS, checkEntryKind, checkEntryName, checkEntrySize, entryName, type ZipLimits } from './zip-entry-rules';

export interface ZipFileEntry {
  name: string;
  size: number;
  entry: Entry;
}

const malformed = (message: string): CustodiaError => new CustodiaError('E_MALFORMED_DOSSIER', message);

function openArchive(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    openZip(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (err, zip) => {
      if (err) {
        const code = (err as NodeJS.ErrnoException).code;
        reject(code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR'
          ? new CustodiaError('E_UNREADABLE_FILE', `cannot read ${path}: ${err.message}`)
          : malformed(`not a readable ZIP archive: ${err.message}`));
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
      const files = await readDirectory(zip, limits);
      return new SafeZipReader(zip, await openFile(path, 'r'), files);
    } catch (e) {
      zip.close();
      throw e;
    }
  }

  /** Streams one entry's bytes to onChunk (valid only during the call); never touches the file system. */
  read(file: ZipFileEntry, onChunk: (chunk: Buffer) => void | Promise<void>): Promise<void> {
    return file.entry.compressionMethod === 0 ? this.readStored(file, onChunk) : this.readDeflated(file, onChunk);
  }

  private async readStored(file: ZipFileEntry, onChunk: (chunk: Buffer) => void | Promise<void>): Promise<void> {
    let start: number;
    try {
      // yauzl checks the local header's signature and that the data lies inside the file.
      ({ fileDataStart: start } = await this.zip.readLocalFileHeaderPromise(file.entry, { minimal: true }));
    } catch (e) {
      throw malformed(`cannot read ${file.name}: ${(e as Error).message}`);
    }
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

function readDirectory(zip: ZipFile, limits: ZipLimits): Promise<ZipFileEntry[]> {
  return new Promise((resolve, reject) => {
    const files: ZipFileEntry[] = [];
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
        if (kind === 'file') files.push({ name, size: entry.uncompressedSize, entry });
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
