// Leaf hashes and the perfect subtrees above them are computed on a worker thread while the
// main thread checks the hash chain: the two halves of `log verify`'s hashing run on both cores.
// The worker is plain JavaScript evaluated from this string, so it runs the same under tsx,
// vitest and the esbuild bundle (none of which would otherwise resolve a second entry file).
import { Worker } from 'node:worker_threads';
import { TreeLevels } from '../custody/tree-levels';

// levels[k] grows by one 2^k-leaf subtree whenever level k-1 completes a pair: the same nodes
// TreeLevels computes from all the leaves at once, built as the leaves arrive.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { hash } = require('node:crypto');
const levels = [Buffer.alloc(32 * 1024)];
const counts = [0];
const pair = Buffer.alloc(65);
pair[0] = 1;
function append(level, hex) {
  if (levels.length === level) { levels.push(Buffer.alloc(32 * 1024)); counts.push(0); }
  let buf = levels[level];
  const n = counts[level];
  if ((n + 1) * 32 > buf.length) { const grown = Buffer.alloc(buf.length * 2); buf.copy(grown); levels[level] = buf = grown; }
  buf.write(hex, n * 32, 'hex');
  counts[level] = n + 1;
  if (n % 2 === 1) { buf.copy(pair, 1, (n - 1) * 32, (n + 1) * 32); append(level + 1, hash('sha256', pair, 'hex')); }
}
parentPort.on('message', (m) => {
  if (m.entries) {
    // RFC 9162 leaf hash H(0x00 || entry): U+0000 encodes as the single byte 0x00 in UTF-8.
    for (const entry of m.entries) append(0, hash('sha256', '\\u0000' + entry, 'hex'));
  } else if (m.text !== undefined) {
    for (const entry of m.text.split('\\n')) append(0, hash('sha256', '\\u0000' + entry, 'hex'));
  } else {
    const buffers = levels.map((b) => b.buffer);
    parentPort.postMessage({ buffers, counts }, buffers);
  }
});`;

interface LevelsMessage {
  buffers: ArrayBuffer[];
  counts: number[];
}

export class TreeWorker {
  readonly #worker = new Worker(WORKER_SOURCE, { eval: true });
  readonly #failed: Promise<never>;

  constructor() {
    this.#failed = new Promise((_, reject) => {
      this.#worker.once('error', reject);
      this.#worker.once('exit', (code) => reject(new Error(`the tree worker stopped (exit ${code})`)));
    });
    this.#failed.catch(() => undefined);
  }

  /** One or more entries joined by newlines (none containing one; '' is one empty entry), or a list. */
  add(entries: string | string[]): void {
    this.#worker.postMessage(typeof entries === 'string' ? { text: entries } : { entries });
  }

  async finish(): Promise<TreeLevels> {
    const done = new Promise<LevelsMessage>((resolve) => this.#worker.once('message', resolve));
    this.#worker.postMessage({ done: true });
    const m = await Promise.race([done, this.#failed]);
    return TreeLevels.fromLevels(m.buffers.map((b, i) => Buffer.from(b, 0, (m.counts[i] ?? 0) * 32)));
  }

  async stop(): Promise<void> {
    await this.#worker.terminate();
  }
}
