// Reads the custody log a slice at a time, each slice as a handful of strings rather than one JS
// object per row: at a million entries, node-sqlite3's per-row objects (and its `each`, which
// queues rows faster than JavaScript consumes them) cost more time and memory than the checks.
// The next slice is already being read by SQLite's thread while the caller checks this one,
// and at most two slices are held at a time, so memory stays bounded whatever the log's length.
import type { Database } from '../vault/database';

export const SLICE_ENTRIES = 16_384;

/** A stored hash that is not 32 bytes can never match a SHA-256; this keeps the hex string aligned. */
const NOT_A_HASH = 'x'.repeat(64);

/** One row's indexed columns, as SQLite's json_array gives them: [seq, actor, action, subject]. */
export type Columns = [number, string, string, string];

export interface LogSlice {
  /** The entries' text, in seq order. */
  entries: string[];
  /** The same entries joined by newlines, when none contains one. */
  text: string | null;
  /** Each entry's stored hash as 64 lower-case hex characters (or a non-hex filler). */
  storedHashes: string;
  columns: Columns[];
}

interface SliceRow {
  n: number;
  last: number | null;
  entries: string | null;
  hashes: string | null;
  columns: string | null;
  newlines: number | null;
}

// The three lists are built in one pass over the same rows, so the i-th entry, hash and columns
// belong together; the ordered subquery hands them over in seq order (columns carry each seq).
// Canonical JSON escapes every control character, so char(10) cannot occur inside an entry
// unless someone wrote it there; such a slice is re-read row by row (see readSlice).
const SLICE_SQL = `
  SELECT count(*) AS n, max(seq) AS last,
    string_agg(entry, char(10)) AS entries,
    string_agg(CASE WHEN typeof(hash) = 'blob' AND length(hash) = 32 THEN lower(hex(hash)) ELSE '${NOT_A_HASH}' END, '') AS hashes,
    '[' || string_agg(json_array(seq, actor, action, subject), ',') || ']' AS columns,
    max(instr(entry, char(10))) AS newlines
  FROM (SELECT seq, entry, hash, actor, action, subject FROM custody_log WHERE %s ORDER BY seq LIMIT ?)`;
// The first slice has no lower bound: a row an insider gave a huge negative seq is still read.
const FIRST = { slice: SLICE_SQL.replace('%s', '1'), rows: 'SELECT entry FROM custody_log ORDER BY seq LIMIT ?' };
const NEXT = { slice: SLICE_SQL.replace('%s', 'seq > ?'), rows: 'SELECT entry FROM custody_log WHERE seq > ? ORDER BY seq LIMIT ?' };

async function readSlice(db: Database, after: number | null): Promise<{ slice: LogSlice; last: number } | undefined> {
  const sql = after === null ? FIRST : NEXT;
  const params = after === null ? [SLICE_ENTRIES] : [after, SLICE_ENTRIES];
  const row = await db.get<SliceRow>(sql.slice, params);
  if (!row || row.n === 0 || row.last === null) return undefined;
  const columns = JSON.parse(row.columns ?? '[]') as Columns[];
  const text = row.newlines ? null : (row.entries ?? '');
  let entries = text === null ? [] : text.split('\n');
  if (entries.length !== row.n) {
    const rows = await db.all<{ entry: string }>(sql.rows, params);
    entries = rows.map((r) => r.entry);
  }
  return { slice: { entries, text: entries.length === row.n && text !== null ? text : null, storedHashes: row.hashes ?? '', columns }, last: row.last };
}

/**
 * Calls onSlice for every slice in seq order; the following slice is read meanwhile, provided
 * onSlice yields to the event loop now and then (see yieldToIo): node-sqlite3 starts a query's
 * steps from main-thread callbacks, so a long synchronous onSlice would leave SQLite idle.
 */
export async function forEachLogSlice(db: Database, onSlice: (slice: LogSlice) => Promise<void>): Promise<void> {
  let pending = readSlice(db, null);
  for (;;) {
    const got = await pending;
    if (!got) return;
    pending = readSlice(db, got.last);
    try {
      await onSlice(got.slice);
    } catch (e) {
      await pending.catch(() => undefined);
      throw e;
    }
  }
}

/** Lets pending I/O callbacks (such as the next slice's query being started) run. */
export function yieldToIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
