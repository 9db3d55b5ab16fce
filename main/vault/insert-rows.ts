// Multi-row INSERT in slices that stay under SQLite's bound-parameter limit.
import type { Database, SqlValue } from './database';

const MAX_PARAMS = 30_000;

export async function insertRows(tx: Database, table: string, columns: readonly string[], rows: readonly SqlValue[][]): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += perStatement) {
    const slice = rows.slice(start, start + perStatement);
    await tx.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${slice.map(() => tuple).join(', ')}`, slice.flat());
  }
}
