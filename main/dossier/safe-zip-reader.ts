// Reads a ZIP without ever writing an entry anywhere (T7): the whole central directory is
// checked first (names, kinds, count, sizes, ratios, duplicates), then entries are streamed
// into hashes in memory. yauzl's validateEntrySizes catches headers that lie about sizes.
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

export class SafeZipReader {
  private constructor(
    private readonly zip: ZipFile,
    readonly files: ZipFileEntry[],
  ) {}

  static async open(path: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<SafeZipReader> {
    const zip = await openArchive(path);
    try {
      if (zip.entryCount > limits.maxEntries) throw new CustodiaError('E_HOSTILE_ARCHIVE', `the archive has ${zip.entryCount} entries, more than ${limits.maxEntries}`);
      const files = await readDirectory(zip, limits);
      return new SafeZipReader(zip, files);
    } catch (e) {
      zip.close();
      throw e;
    }
  }

  /** Streams one entry's bytes to onChunk; never touches the file system. */
  read(file: ZipFileEntry, onChunk: (chunk: Buffer) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.zip.openReadStream(file.entry, (err, stream) => {
        if (err) return reject(malformed(`cannot read ${file.name}: ${err.message}`));
        stream.on('data', onChunk);
        stream.on('end', resolve);
        stream.on('error', (e: Error) =>
          reject(/too many bytes|not enough bytes/i.test(e.message)
            ? new CustodiaError('E_HOSTILE_ARCHIVE', `${file.name}: the data does not match its declared size`, { entry: file.name })
            : malformed(`cannot read ${file.name}: ${e.message}`)),
        );
      });
    });
  }

  close(): void {
    this.zip.close();
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
