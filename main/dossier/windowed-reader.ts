// The archive as yauzl reads it, through a 1 MiB window: yauzl reads the central directory 46
// bytes and then a name at a time, one system call each, and 10,000 entries cost seconds (T7).
import { close, read } from 'node:fs';
import { Readable } from 'node:stream';
import { RandomAccessReader } from 'yauzl';

const WINDOW = 1024 * 1024;
const CHUNK = 256 * 1024;

export class WindowedReader extends RandomAccessReader {
  /** yauzl's reference count (missing from its types): the descriptor closes when it reaches 0. */
  declare readonly ref: () => void;
  private readonly window = Buffer.allocUnsafe(WINDOW);
  private winStart = 0;
  private winLength = 0;

  constructor(private readonly fd: number, private readonly size: number) {
    super();
  }

  // Its own stream over the shared descriptor: an fs.ReadStream closes the descriptor when
  // destroyed, even with autoClose off, and yauzl destroys streams it is done with.
  override _readStreamForRange(start: number, end: number): Readable {
    const fd = this.fd;
    let pos = start;
    return new Readable({
      highWaterMark: CHUNK,
      read(this: Readable) {
        const want = Math.min(CHUNK, end - pos);
        if (want <= 0) {
          this.push(null);
          return;
        }
        const buf = Buffer.allocUnsafe(want);
        read(fd, buf, 0, want, pos, (err, n) => {
          if (err) return void this.destroy(err);
          if (n === 0) return void this.destroy(new Error('unexpected end of file'));
          pos += n;
          this.push(n === want ? buf : buf.subarray(0, n));
        });
      },
    });
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null) => void): void {
    const copy = (): void => {
      this.window.copy(buffer, offset, position - this.winStart, position - this.winStart + length);
      // Never synchronously: yauzl would recurse once per entry.
      process.nextTick(callback, null);
    };
    if (position < 0 || length < 0 || position + length > this.size) {
      process.nextTick(callback, new Error('unexpected end of file'));
      return;
    }
    if (position >= this.winStart && position + length <= this.winStart + this.winLength) return copy();
    if (length > WINDOW) {
      read(this.fd, buffer, offset, length, position, (err, n) => callback(err ?? (n === length ? null : new Error('unexpected end of file'))));
      return;
    }
    read(this.fd, this.window, 0, Math.min(WINDOW, this.size - position), position, (err, n) => {
      if (err) return callback(err);
      this.winStart = position;
      this.winLength = n;
      if (n < length) return callback(new Error('unexpected end of file'));
      copy();
    });
  }

  override close(callback: (err: Error | null) => void): void {
    close(this.fd, callback);
  }
}
