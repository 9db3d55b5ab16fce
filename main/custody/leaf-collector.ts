// RFC 9162 leaf hashes H(0x00 || entry), gathered into one growing buffer of 32-byte hashes.
import { hash } from 'node:crypto';

export class LeafCollector {
  #buf = Buffer.alloc(32 * 1024);
  count = 0;

  add(entry: string): void {
    if ((this.count + 1) * 32 > this.#buf.length) {
      const grown = Buffer.alloc(this.#buf.length * 2);
      this.#buf.copy(grown);
      this.#buf = grown;
    }
    // U+0000 encodes as the single byte 0x00 in UTF-8; hex output avoids a Buffer per leaf.
    this.#buf.write(hash('sha256', `\u0000${entry}`, 'hex'), this.count * 32, 'hex');
    this.count += 1;
  }

  result(): Buffer {
    return this.#buf.subarray(0, this.count * 32);
  }
}
