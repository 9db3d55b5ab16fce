// @signalapp/sqlcipher: the binding Signal Desktop ships, with prebuilt binaries for Windows,
// macOS and Linux and its own crypto (no compiler, no system OpenSSL). Its API is synchronous.
import { access, constants } from 'node:fs/promises';
import { CustodiaError } from '../../../shared/errors/error-codes';
import { checkedParams, type Connection, type Driver, type RunResult, type SqlValue } from './connection';

type Module = typeof import('@signalapp/sqlcipher');
type Raw = InstanceType<Module['Database']>;
type Statement = ReturnType<Raw['prepare']>;
// The binding's types admit bigints only on statements that also return them; it binds them on any.
type Params = Parameters<Statement['run']>[0];

type Bound = (string | number | bigint | null | Uint8Array<ArrayBuffer>)[];

/**
 * This binding binds every JS number as a REAL, so `'case:' || ?` with 1 gives "case:1.0";
 * the other binds whole numbers as INTEGER. Whole numbers go over as bigints, which it binds
 * as INTEGER, so both drivers store and compare the same values. (Node's Buffers are
 * Uint8Arrays over a plain ArrayBuffer here.)
 */
const positional = (params: readonly SqlValue[]): Bound =>
  (checkedParams(params, (m) => new CustodiaError('E_INVALID_INPUT', m)) as Bound).map((v) => (typeof v === 'number' && Number.isSafeInteger(v) ? BigInt(v) : v));

/**
 * This binding reads numbered parameters (`?1`, used twice in one query) by name only; the
 * other takes them by position. Callers pass positions; numbered ones are named here.
 */
function bind(sql: string, params: readonly SqlValue[]): Params {
  const values = positional(params);
  return (/\?\d/.test(sql) ? Object.fromEntries(values.map((v, i) => [String(i + 1), v])) : values) as Params;
}

/** Runs a synchronous driver call where callers expect a promise, so both drivers fail alike. */
function settle<R>(op: () => R): Promise<R> {
  try {
    return Promise.resolve(op());
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
}

class SignalConnection implements Connection {
  readonly #raw: Raw;
  constructor(raw: Raw) {
    this.#raw = raw;
  }
  #prepared<R>(sql: string, use: (s: Statement) => R): R {
    const statement = this.#raw.prepare(sql);
    try {
      return use(statement);
    } finally {
      statement.close();
    }
  }
  run(sql: string, params: readonly SqlValue[]): Promise<RunResult> {
    return settle(() => this.#prepared(sql, (s) => {
      const r = s.run(bind(sql, params));
      return { changes: r.changes, lastID: r.lastInsertRowid };
    }));
  }
  get<T>(sql: string, params: readonly SqlValue[]): Promise<T | undefined> {
    return settle(() => this.#prepared(sql, (s) => s.get(bind(sql, params)) as T | undefined));
  }
  all<T>(sql: string, params: readonly SqlValue[]): Promise<T[]> {
    return settle(() => this.#prepared(sql, (s) => s.all(bind(sql, params)) as T[]));
  }
  /**
   * The binding steps rows only inside `all()`, so the rows of one scan are held at once: the
   * scans that use `each` (the audit's passes over current incident versions, metadata, drafts)
   * hold at most one row per record. Callers see the same contract as with a streaming driver.
   */
  each<T>(sql: string, params: readonly SqlValue[], onRow: (row: T) => void): Promise<number> {
    return settle(() => {
      const rows = this.#prepared(sql, (s) => s.all(bind(sql, params)) as T[]);
      for (const row of rows) onRow(row);
      return rows.length;
    });
  }
  exec(sql: string): Promise<void> {
    return settle(() => this.#raw.exec(sql));
  }
  close(): Promise<void> {
    return settle(() => this.#raw.close());
  }
}

/** The binding reports a failed open without a result code; name it as the other binding does. */
function openError(e: unknown, path: string): Error {
  const err = new Error(`cannot open ${path}: ${(e as Error).message}`);
  return Object.assign(err, { code: 'SQLITE_CANTOPEN' });
}

export function signalDriver(sqlcipher: Module): Driver {
  // SQLCipher's own log lines (a failed HMAC on a wrong key) would reach stderr: the callers
  // already turn each failure into a coded error.
  sqlcipher.setLogger(() => undefined);
  return {
    name: 'signal',
    async open(path, create) {
      // The binding always creates a missing file; opening an existing vault must not.
      if (!create) await access(path, constants.R_OK | constants.W_OK).catch((e: unknown) => { throw openError(e, path); });
      let raw: Raw;
      try {
        raw = new sqlcipher.Database(path, { cacheStatements: true });
      } catch (e) {
        throw openError(e, path);
      }
      raw.exec('PRAGMA busy_timeout = 0');
      return new SignalConnection(raw);
    },
  };
}
