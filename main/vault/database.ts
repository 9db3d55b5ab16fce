// The vault's one handle on the database: a driver's connection (drivers/) with calls queued
// so transactions never interleave, and every commit checked to land in the file that was opened.
import { AsyncLocalStorage } from 'node:async_hooks';
import { CustodiaError } from '../../shared/errors/error-codes';
import { driver } from './drivers/choose-driver';
import { sqliteCode, type Connection, type RunResult, type SqlValue } from './drivers/connection';
import { assertSameFile, fileIdentity, type FileIdentity } from './file-identity';

export type { SqlValue } from './drivers/connection';
export { sqliteCode } from './drivers/connection';

export interface Database {
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number; lastID: number }>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Streams rows (for verifying a million custody entries without holding them all). */
  each<T>(sql: string, params: readonly SqlValue[], onRow: (row: T) => void): Promise<number>;
  exec(sql: string): Promise<void>;
  /** BEGIN IMMEDIATE … COMMIT, ROLLBACK on throw; calls are queued so two never interleave. Nested calls run inside the outer one. */
  transaction<R>(fn: (tx: Database) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

/** Opens (or creates) a database file with the chosen driver; the caller keys it before the first read. */
export async function openRawDatabase(path: string, create: boolean): Promise<Database> {
  const connection = await (await driver()).open(path, create);
  const id = await fileIdentity(path).catch(async (e: unknown) => {
    await connection.close().catch(() => undefined);
    throw e;
  });
  if (!id) {
    await connection.close().catch(() => undefined);
    throw new CustodiaError('E_NO_VAULT', `cannot open ${path}`);
  }
  return new QueuedDatabase(connection, path, id);
}

/**
 * Serialises access to one connection: a transaction owns it until it ends. Calls made from
 * inside a transaction's async context (found through AsyncLocalStorage) join that transaction,
 * so a helper that takes the root handle cannot deadlock against its caller.
 */
class QueuedDatabase implements Database {
  readonly #raw: Connection;
  readonly #inTx = new AsyncLocalStorage<true>();
  #tail: Promise<unknown> = Promise.resolve();
  #closed = false;
  readonly #path: string;
  readonly #opened: FileIdentity;

  constructor(raw: Connection, path: string, opened: FileIdentity) {
    this.#raw = raw;
    this.#path = path;
    this.#opened = opened;
  }

  #exclusive<R>(raw: () => Promise<R>): Promise<R> {
    const op = () => raw().catch((e: unknown) => Promise.reject(this.#damaged(e)));
    if (this.#inTx.getStore()) return op();
    if (this.#closed) return Promise.reject(new CustodiaError('E_VAULT_LOCKED', 'the vault is closed'));
    const result = this.#tail.then(op);
    this.#tail = result.catch(() => undefined);
    return result;
  }

  /** A page that does not decrypt or check, met by any statement: the vault is damaged, whatever was being read. */
  #damaged(e: unknown): unknown {
    const code = sqliteCode(e);
    if (code !== 'SQLITE_CORRUPT' && code !== 'SQLITE_NOTADB') return e;
    return new CustodiaError('E_DB_CORRUPT', `the vault ${this.#path} is damaged: a database page does not decrypt or check (${code})`);
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    return this.#exclusive(() => this.#raw.run(sql, params));
  }
  get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return this.#exclusive(() => this.#raw.get<T>(sql, params));
  }
  all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.#exclusive(() => this.#raw.all<T>(sql, params));
  }
  each<T>(sql: string, params: readonly SqlValue[], onRow: (row: T) => void): Promise<number> {
    return this.#exclusive(() => this.#raw.each<T>(sql, params, onRow));
  }
  exec(sql: string): Promise<void> {
    return this.#exclusive(() => this.#raw.exec(sql));
  }

  transaction<R>(fn: (tx: Database) => Promise<R>): Promise<R> {
    if (this.#inTx.getStore()) return fn(this);
    return this.#exclusive(() =>
      this.#inTx.run(true, async () => {
        await this.#raw.exec('BEGIN IMMEDIATE');
        let result: R;
        try {
          result = await fn(this);
        } catch (e) {
          await this.#raw.exec('ROLLBACK').catch(() => undefined);
          throw e;
        }
        try {
          await assertSameFile(this.#path, this.#opened);
          await this.#raw.exec('COMMIT');
        } catch (e) {
          // A failed COMMIT (e.g. disk full) may leave the transaction open: end it explicitly.
          await this.#raw.exec('ROLLBACK').catch(() => undefined);
          throw e;
        }
        return result;
      }),
    );
  }

  close(): Promise<void> {
    return this.#exclusive(async () => {
      this.#closed = true;
      await this.#raw.close();
      // The last commit landed in the file that was opened; if that file is gone, say so.
      await assertSameFile(this.#path, this.#opened);
    });
  }
}
