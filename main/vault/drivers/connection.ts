// What the vault needs from a SQLCipher binding: the few operations every driver provides, in
// one shape, so the file format and the rules above never depend on which binding runs.
export type SqlValue = string | number | bigint | Buffer | null;

export interface RunResult {
  changes: number;
  lastID: number;
}

/** One open connection. Calls are not serialised here: `database.ts` queues them. */
export interface Connection {
  run(sql: string, params: readonly SqlValue[]): Promise<RunResult>;
  get<T>(sql: string, params: readonly SqlValue[]): Promise<T | undefined>;
  all<T>(sql: string, params: readonly SqlValue[]): Promise<T[]>;
  each<T>(sql: string, params: readonly SqlValue[], onRow: (row: T) => void): Promise<number>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export interface Driver {
  readonly name: DriverName;
  /** Opens (or creates) a database file; the caller keys it before the first read. */
  open(path: string, create: boolean): Promise<Connection>;
}

export const DRIVER_NAMES = ['signal', 'journeyapps'] as const;
export type DriverName = (typeof DRIVER_NAMES)[number];

/**
 * The SQLite result code of a driver error, primary part only: one binding reports
 * `SQLITE_CONSTRAINT_UNIQUE` where the other says `SQLITE_CONSTRAINT`.
 */
export function sqliteCode(e: unknown): string | undefined {
  if (!(e instanceof Error) || !('code' in e) || typeof e.code !== 'string') return undefined;
  return /^SQLITE_[A-Z]+/.exec(e.code)?.[0];
}

export function checkedParams(params: readonly SqlValue[], toError: (message: string) => Error): (string | number | Buffer | null)[] {
  // Both bindings bind numbers as doubles; bigints beyond 2^53 would silently lose precision.
  return params.map((p) => {
    if (typeof p !== 'bigint') return p;
    if (p > BigInt(Number.MAX_SAFE_INTEGER) || p < BigInt(Number.MIN_SAFE_INTEGER)) throw toError(`integer out of range: ${p}`);
    return Number(p);
  });
}
