// Opens the SQLCipher file with the raw database key and the vault's connection settings, and
// takes the exclusive lock that makes a second process fail fast with E_VAULT_BUSY.
import { CustodiaError } from '../../shared/errors/error-codes';
import { openRawDatabase, sqliteCode, type Database } from './database';

/**
 * Measured (test/bench/vault-ingest.bench.ts): larger pages mean fewer per-page HMACs and IVs while
 * streaming evidence; 64 KiB is SQLite's maximum. Stored in the header, so it can change.
 */
export const DEFAULT_PAGE_SIZE = 65536;

// Checkpointing leaves the WAL file at its high-water mark; truncate it back so a 4 GiB import
// does not keep 4 GiB of (encrypted) WAL on disk.
const WAL_SIZE_LIMIT = 64 * 1024 * 1024;

/** Page cache in KiB; decrypted pages live here, and a lock closes the connection, freeing it. */
const CACHE_KIB = 32 * 1024;

function translate(e: unknown, path: string): CustodiaError {
  if (e instanceof CustodiaError) return e;
  const code = sqliteCode(e);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new CustodiaError('E_VAULT_BUSY', `the vault ${path} is open in another Custodia process`);
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new CustodiaError('E_DB_CORRUPT', `the vault ${path} cannot be decrypted with its key header (damaged file or a header from another vault)`);
  }
  if (code === 'SQLITE_CANTOPEN') return new CustodiaError('E_NO_VAULT', `cannot open ${path}`);
  return new CustodiaError('E_INTERNAL', `opening ${path}: ${(e as Error).message}`);
}

let wipeFreed = false;

/**
 * For a process that outlives its sessions (the app's main process): SQLCipher then wipes every
 * buffer it frees (pages, key copies) and keeps them out of swap, so a lock leaves no decrypted
 * page or key behind (T2). It costs more than half of log verify's and ingest's speed
 * (test/bench: 124,000 → 51,000 entries/s), so a command that ends when its work does (the CLI,
 * whose memory the operating system reclaims at exit) does without. Process-wide in SQLCipher.
 */
export function wipeFreedMemory(): void {
  wipeFreed = true;
}

/**
 * The raw-key form skips SQLCipher's own PBKDF2: our key is already random and 256-bit. The
 * driver takes SQL only as a JS string, which cannot be zeroed; the string is built here, handed
 * over at once and referenced nowhere, so the next collection reclaims it (lock-memory.test.ts
 * searches a heap snapshot and a core dump after lock).
 */
function keyPragma(key: Buffer): string {
  return `PRAGMA key = "x'${key.toString('hex')}'"`;
}

export async function openKeyedDatabase(o: { path: string; key: Buffer; pageSize: number; create: boolean }): Promise<Database> {
  let db: Database;
  try {
    db = await openRawDatabase(o.path, o.create);
  } catch (e) {
    throw translate(e, o.path);
  }
  try {
    if (wipeFreed) await db.exec('PRAGMA cipher_memory_security = ON');
    await db.exec(keyPragma(o.key));
    await db.exec(`PRAGMA cipher_page_size = ${o.pageSize}`);
    // Exclusive before WAL: the WAL index then lives in process memory (no -shm file) and the
    // file lock is held until close; the OS drops it if the process dies, so no stale locks.
    await db.exec('PRAGMA locking_mode = EXCLUSIVE');
    await db.get('SELECT count(*) FROM sqlite_master');
    await db.get('PRAGMA journal_mode = WAL');
    await db.exec(`PRAGMA journal_size_limit = ${WAL_SIZE_LIMIT}`);
    await db.exec('PRAGMA foreign_keys = ON');
    // SQLite's default cache is 2 MiB: 31 pages of 64 KiB. Lists, search and bulk imports over a
    // large vault re-read the same index pages; decrypting them again each time dominated.
    await db.exec(`PRAGMA cache_size = -${CACHE_KIB}`);
    // A write transaction takes the exclusive lock now, not at the first change.
    await db.exec('BEGIN EXCLUSIVE; COMMIT');
    return db;
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e instanceof CustodiaError ? e : translate(e, o.path);
  }
}
