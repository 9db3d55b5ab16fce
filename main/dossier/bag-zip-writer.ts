// Streams a bag into a ZIP with yazl in constant memory, hashing every payload byte on its way
// (sha256 and sha512 for the manifests), into a temporary file that is renamed into place only
// when complete (T9): a crash or a refused input never leaves a half dossier under the real name.
import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { commitTempFile, tempPathFor, type AtomicWriteOptions } from '../platform/atomic-write';
import type { ByteSource } from '../../shared/dossier/dossier-types';
import { installFastCrc32 } from './fast-crc32';
import { HashWorker } from './hash-worker';

installFastCrc32();

export interface FileDigest {
  path: string;
  bytes: number;
  sha256: string;
  sha512: string;
}

export class BagZipWriter {
  private readonly zip = new ZipFile();
  // SHA-512, the slower hash, runs beside the reading, SHA-256 and CRC-32 of this thread.
  private readonly sha512 = new HashWorker(['sha512']);
  private readonly out: WriteStream;
  private readonly done: Promise<void>;
  private failure: Error | null = null;

  private constructor(
    readonly tempPath: string,
    private readonly root: string,
    private readonly mtime: Date,
  ) {
    this.out = createWriteStream(tempPath, { flags: 'wx', mode: 0o600 });
    this.done = new Promise((resolve, reject) => {
      const failed = (e: Error): void => {
        this.failure ??= e;
        reject(e);
      };
      this.out.on('close', () => (this.failure ? reject(this.failure) : resolve()));
      this.out.on('error', failed);
      this.zip.on('error', failed);
      this.zip.outputStream.on('error', failed);
    });
    this.done.catch(() => undefined);
    this.zip.outputStream.pipe(this.out);
  }

  /** The temporary file sits beside the target so the final rename is atomic. */
  static create(outPath: string, root: string, mtime: Date, tempPath = tempPathFor(outPath)): BagZipWriter {
    return new BagZipWriter(tempPath, root, mtime);
  }

  /** Adds a file from memory; returns its digest. */
  addBuffer(path: string, bytes: Uint8Array, compress: boolean): FileDigest {
    this.zip.addBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), `${this.root}/${path}`, {
      compress,
      mtime: this.mtime,
      mode: 0o100644,
    });
    return {
      path,
      bytes: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      sha512: createHash('sha512').update(bytes).digest('hex'),
    };
  }

  /** Streams a file into the archive, resolving once every byte has passed the hashes. */
  addSource(path: string, source: ByteSource, compress: boolean): Promise<FileDigest> {
    if (source instanceof Uint8Array) return Promise.resolve(this.addBuffer(path, source, compress));
    const h256 = createHash('sha256');
    const sha512 = this.sha512;
    let bytes = 0;
    const readable = Readable.from(
      (async function* hashing() {
        for await (const chunk of source()) {
          h256.update(chunk);
          await sha512.update(chunk);
          bytes += chunk.byteLength;
          yield chunk;
        }
      })(),
      { objectMode: false },
    );
    const finished = new Promise<FileDigest>((resolve, reject) => {
      readable.on('end', () => {
        sha512.digest().then((d) => resolve({ path, bytes, sha256: h256.digest('hex'), sha512: d.sha512 }), reject);
      });
      readable.on('error', reject);
      this.done.catch(reject);
    });
    this.zip.addReadStreamLazy(`${this.root}/${path}`, { compress, mtime: this.mtime, mode: 0o100644 }, (cb) => cb(null, readable));
    return finished;
  }

  /** Ends the archive, makes it durable, and renames it to outPath. */
  async commit(outPath: string, options: AtomicWriteOptions = {}): Promise<void> {
    this.zip.end();
    await this.done;
    await this.sha512.close();
    await commitTempFile(this.tempPath, outPath, options);
  }

  /** Drops the partial file after a failure. */
  async abort(): Promise<void> {
    this.failure ??= new Error('aborted');
    await this.sha512.close();
    this.zip.outputStream.unpipe(this.out);
    this.out.destroy();
    await new Promise((r) => setImmediate(r));
    await rm(this.tempPath, { force: true });
  }
}
