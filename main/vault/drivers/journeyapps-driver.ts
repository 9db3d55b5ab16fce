// @journeyapps/sqlcipher: the binding the project started with (asynchronous, node-sqlite3's API).
// Compiled from source at install and linked to the system's OpenSSL, so it is optional.
import { CustodiaError } from '../../../shared/errors/error-codes';
import { checkedParams, type Connection, type Driver, type RunResult, type SqlValue } from './connection';

type Module = typeof import('@journeyapps/sqlcipher');
type Raw = InstanceType<Module['Database']>;

const bind = (params: readonly SqlValue[]) => checkedParams(params, (m) => new CustodiaError('E_INVALID_INPUT', m));

class JourneyappsConnection implements Connection {
  readonly #raw: Raw;
  constructor(raw: Raw) {
    this.#raw = raw;
  }
  run(sql: string, params: readonly SqlValue[]): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      this.#raw.run(sql, bind(params), function (this: RunResult, err: Error | null) {
        if (err) reject(err);
        else resolve({ changes: this.changes, lastID: this.lastID });
      });
    });
  }
  get<T>(sql: string, params: readonly SqlValue[]): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      this.#raw.get(sql, bind(params), (err: Error | null, row: T | undefined) => (err ? reject(err) : resolve(row)));
    });
  }
  all<T>(sql: string, params: readonly SqlValue[]): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.#raw.all(sql, bind(params), (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows)));
    });
  }
  each<T>(sql: string, params: readonly SqlValue[], onRow: (row: T) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      let failure: unknown;
      this.#raw.each(
        sql,
        bind(params),
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
  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.#raw.exec(sql, (err: Error | null) => (err ? reject(err) : resolve())));
  }
  close(): Promise<void> {
    return new Promise((resolve, reject) => this.#raw.close((err: Error | null) => (err ? reject(err) : resolve())));
  }
}

export function journeyappsDriver(sqlcipher: Module): Driver {
  return {
    name: 'journeyapps',
    open(path, create) {
      const mode = sqlcipher.OPEN_READWRITE | (create ? sqlcipher.OPEN_CREATE : 0);
      return new Promise((resolve, reject) => {
        const raw: Raw = new sqlcipher.Database(path, mode, (err: Error | null) => {
          if (err) return reject(err);
          // A vault is held by one process at a time: waiting for it would only hang the second one.
          raw.configure('busyTimeout', 0);
          resolve(new JourneyappsConnection(raw));
        });
      });
    },
  };
}
