// Hashing on a second thread. Every dossier byte is hashed twice (BagIt sha256 and sha512
// manifests); the worker takes the hashes the calling thread has no time for (sha512 while
// verify reads and computes sha256; both while export computes the ZIP's CRC-32), so they run
// beside the rest instead of after it. Chunks are copied and transferred; at most MAX_IN_FLIGHT
// bytes wait in the worker's queue, so memory stays bounded whatever the file size.
import { Worker } from 'node:worker_threads';

export type HashName = 'sha256' | 'sha512';

const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const fresh = () => workerData.map((a) => createHash(a));
let hashes = fresh();
parentPort.on('message', (m) => {
  if (m === 'digest') {
    parentPort.postMessage({ digest: hashes.map((h) => h.digest('hex')) });
    hashes = fresh();
  } else {
    const bytes = new Uint8Array(m);
    for (const h of hashes) h.update(bytes);
    parentPort.postMessage({ done: m.byteLength });
  }
});`;

const MAX_IN_FLIGHT = 16 * 1024 * 1024;

export class HashWorker<A extends HashName> {
  private readonly worker: Worker;
  private inFlight = 0;
  private wake: (() => void) | null = null;
  private digestWaiter: { resolve: (hex: string[]) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;

  constructor(private readonly algorithms: readonly A[]) {
    this.worker = new Worker(SOURCE, { eval: true, workerData: algorithms });
    this.worker.on('message', (m: { done?: number; digest?: string[] }) => {
      if (m.done !== undefined) {
        this.inFlight -= m.done;
        this.wake?.();
      } else if (m.digest !== undefined) this.digestWaiter?.resolve(m.digest);
    });
    this.worker.on('error', (e: Error) => {
      this.failure = e;
      this.wake?.();
      this.digestWaiter?.reject(e);
    });
  }

  async update(chunk: Uint8Array): Promise<void> {
    while (this.inFlight > MAX_IN_FLIGHT && !this.failure) await new Promise<void>((r) => (this.wake = r));
    if (this.failure) throw this.failure;
    // A fresh copy: Buffer#slice would share (and the transfer would detach) the caller's memory.
    const copy = new Uint8Array(chunk.byteLength);
    copy.set(chunk);
    this.inFlight += copy.byteLength;
    this.worker.postMessage(copy.buffer, [copy.buffer]);
  }

  /** Digests (lowercase hex) of everything since the last digest. */
  async digest(): Promise<Record<A, string>> {
    if (this.failure) throw this.failure;
    const hex = await new Promise<string[]>((resolve, reject) => {
      this.digestWaiter = { resolve, reject };
      this.worker.postMessage('digest');
    });
    return Object.fromEntries(this.algorithms.map((a, i) => [a, hex[i]])) as Record<A, string>;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
