// Writes one item's chunks as sealed objects inside the caller's transaction: each chunk is
// sealed under its own random key and written (temp, fsync, rename) while the next is hashed,
// with at most IN_FLIGHT chunks held; its row goes in once its object is in place, and finish()
// flushes the folders before the caller commits. discard() removes what a failed import wrote.
import type { Database } from './database';
import type { VaultObjects } from './object-store';
import { newObjectKey, sealObject } from './sealed-object';

// Enough writes under way to hide a write's latency (open, write, fsync, rename, on the thread
// pool) behind hashing and sealing the next chunks; tried at 3, 4, 6 and 8 on the 2-core machine
// (test/bench/vault-ingest.bench.ts): no clear gain above 4, only more memory.
const IN_FLIGHT = 4;

export class ObjectWriter {
  readonly #tx: Database;
  readonly #objects: VaultObjects;
  readonly #evidenceId: number;
  readonly #pending: Promise<{ seq: number; name: string; key: Buffer }>[] = [];
  readonly #written: string[] = [];
  #seq = 0;

  constructor(tx: Database, objects: VaultObjects, evidenceId: number) {
    this.#tx = tx;
    this.#objects = objects;
    this.#evidenceId = evidenceId;
  }

  /** Seals the chunk at once (the caller may reuse it on return) and waits while IN_FLIGHT writes are under way. */
  async add(chunk: Uint8Array): Promise<void> {
    const seq = this.#seq++;
    const key = newObjectKey();
    const { store, vaultId } = this.#objects;
    const write = store.put(sealObject(chunk, key, { vaultId, evidenceId: this.#evidenceId, seq }))
      .then((name) => {
        this.#written.push(name);
        return { seq, name, key };
      });
    // Rejections are taken by #settleOldest or discard(); none is left unhandled meanwhile.
    write.catch(() => undefined);
    this.#pending.push(write);
    if (this.#pending.length >= IN_FLIGHT) await this.#settleOldest();
  }

  async #settleOldest(): Promise<void> {
    const next = this.#pending.shift();
    if (!next) return;
    const { seq, name, key } = await next;
    await this.#tx.run('INSERT INTO evidence_objects (evidence_id, seq, name, key) VALUES (?, ?, ?, ?)', [this.#evidenceId, seq, name, key]);
  }

  /** Every object on disk and its row written; the item's chunk count. */
  async finish(): Promise<number> {
    while (this.#pending.length > 0) await this.#settleOldest();
    await this.#objects.store.flush();
    return this.#seq;
  }

  /** After a failure: waits for writes under way and removes every object written (none is named by a committed row). */
  async discard(): Promise<void> {
    await Promise.allSettled(this.#pending.splice(0));
    for (const name of this.#written.splice(0)) await this.#objects.store.remove(name).catch(() => undefined);
  }
}
