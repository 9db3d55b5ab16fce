// The one module that talks to the SQLCipher driver, so the driver could be swapped later.
import { AsyncLocalStorage } from 'node:async_hooks';
import sqlcipher from '@journeyapps/sqlcipher';
import { CustodiaError } from '../../shared/errors/error-codes';
import { assertSameFile, fileIdentity, type FileIdentity } from './file-identity';

export type SqlValue = string | number | bigint | Buffer | null;

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

type Raw = InstanceType<typeof sqlcipher.Database>;
type RunResult = { changes: number; lastID: number };

/** SQLite result codes the callers must tell apart; the driver reports them as `err.code`. */
export function sqliteCode(e: unknown): string | undefined {
  return e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

function bindable(params: readonly SqlValue[]): unknown[] {
  // The driver binds numbers as doubles; bigints beyond 2^53 would silently lose precision.
  return params.map((p) => {
    if (typeof p !== 'bigint') return p;
    if (p > BigInt(Number.MAX_SAFE_INTEGER) || p < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new CustodiaError('E_INVALID_INPUT', `integer out of range: ${p}`);
    }
    return Number(p);
  });
}

function rawRun(raw: Raw, sql: string, params: readonly SqlValue[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    raw.run(sql, bindable(params), function (this: RunResult, err: Error | null) {
      if (err) reject(err);
      else resolve({ changes: this.changes, lastID: this.lastID });
    });
  });
}

function rawGet<T>(raw: Raw, sql: string, params: readonly SqlValue[]): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    raw.get(sql, bindable(params), (err: Error | null, row: T | undefined) => (err ? reject(err) : resolve(row)));
  });
}

function rawAll<T>(raw: Raw, sql: string, params: readonly SqlValue[]): Promise<T[]> {
  return new Promise((resolve, reject) => {
    raw.all(sql, bindable(params), (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows)));
  });
}

function rawEach<T>(raw: Raw, sql: string, params: readonly SqlValue[], onRow: (row: T) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    let failure: unknown;
    raw.each(
      sql,
      bindable(params),
      (err: Error | null, row: T) => {
        if (err || failure !== undefined) return;
        try {
          onRow(row);
        } catch (e) {
          failure = e;
        }
      },
      (err: Error | null, count: number) => {
        if (err) reject(err);
        else if (failure !== undefined) reject(failure);
        else resolve(count);
      },
    );
  });
}

function rawExec(raw: Raw, sql: string): Promise<void> {
  return new Promise((resolve, reject) => raw.exec(sql, (err: Error | null) => (err ? reject(err) : resolve())));
}

/** Opens (or creates) a database file; the caller keys it before the first read. */
export function openRawDatabase(path: string, create: boolean): Promise<Database> {
  const mode = sqlcipher.OPEN_READWRITE | (create ? sqlcipher.OPEN_CREATE : 0);
  return new Promise((resolve, reject) => {
    const raw: Raw = new sqlcipher.Database(path, mode, (err: Error | null) => {
      if (err) reject(err);
      else {
        // A vault is held by one process at a time: waiting for it would only hang the second one.
        raw.configure('busyTimeout', 0);
        fileIdentity(path).then(
          (id) => (id ? resolve(new QueuedDatabase(raw, path, id)) : raw.close(() => reject(new CustodiaError('E_NO_VAULT', `cannot open ${path}`)))),
          (e: unknown) => raw.close(() => reject(e)),
        );
      }
    });
  });
}

/**
 * Serialises access to one connection: a transaction owns it until it ends. Calls made from
 * inside a transaction's async context (found through AsyncLocalStorage) join that transaction,
 * so a helper that takes the root handle cannot deadlock against its caller.
 */
class QueuedDatabase implements Database {
  readonly #raw: Raw;
  readonly #inTx = new AsyncLocalStorage<true>();
  #tail: Promise<unknown> = Promise.resolve();
  #closed = false;
  readonly #path: string;
  readonly #opened: FileIdentity;

  constructor(raw: Raw, path: string, opened: FileIdentity) {
    this.#raw = raw;
    this.#path = path;
    this.#opened = opened;
  }

  #exclusive<R>(op: () => Promise<R>): Promise<R> {
    if (this.#inTx.getStore()) return op();
    if (this.#closed) return Promise.reject(new CustodiaError('E_VAULT_LOCKED', 'the vault is closed'));
    const result = this.#tail.then(op);
    this.#tail = result.catch(() => undefined);
    return result;
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    return this.#exclusive(() => rawRun(this.#raw, sql, params));
  }
  get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return this.#exclusive(() => rawGet<T>(this.#raw, sql, params));
  }
  all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.#exclusive(() => rawAll<T>(this.#raw, sql, params));
  }
  each<T>(sql: string, params: readonly SqlValue[], onRow: (row: T) => void): Promise<number> {
    return this.#exclusive(() => rawEach<T>(this.#raw, sql, params, onRow));
  }
  exec(sql: string): Promise<void> {
    return this.#exclusive(() => rawExec(this.#raw, sql));
  }

  transaction<R>(fn: (tx: Database) => Promise<R>): Promise<R> {
    if (this.#inTx.getStore()) return fn(this);
    return this.#exclusive(() =>
      this.#inTx.run(true, async () => {
        await rawExec(this.#raw, 'BEGIN IMMEDIATE');
        let result: R;
        try {
          result = await fn(this);
        } catch (e) {
          await rawExec(this.#raw, 'ROLLBACK').catch(() => undefined);
          throw e;
        }
        try {
          await assertSameFile(this.#path, this.#opened);
          await rawExec(this.#raw, 'COMMIT');
        } catch (e) {
          // A failed COMMIT (e.g. disk full) may leave the transaction open: end it explicitly.
          await rawExec(this.#raw, 'ROLLBACK').catch(() => undefined);
          throw e;
        }
        return result;
      }),
    );
  }

  close(): Promise<void> {
    return this.#exclusive(async () => {
      this.#closed = true;
      await new Promise<void>((resolve, reject) => this.#raw.close((err: Error | null) => (err ? reject(err) : resolve())));
      // The last commit landed in the file that was opened; if that file is gone, say so.
      await assertSameFile(this.#path, this.#opened);
    });
  }
}
