// Ids of cases, incidents and evidence are never reused: a row an insider deleted keeps its id,
// because the custody log still names it. The next id is past both the table's highest and every
// id the log named just above it; the walk upwards is one index probe per id whose row is gone,
// so it costs one probe on an intact vault however long the log is.
import type { Database } from '../vault/database';

export type RecordKind = 'case' | 'incident' | 'evidence';

const TABLES: Record<RecordKind, string> = { case: 'cases', incident: 'incidents', evidence: 'evidence' };

/** The first of `count` fresh ids of this kind; the caller's write transaction keeps them its own. */
export async function nextRecordId(tx: Database, kind: RecordKind): Promise<number> {
  const row = await tx.get<{ id: number }>(`
    WITH RECURSIVE free(id) AS (
      SELECT coalesce(max(id), 0) + 1 FROM ${TABLES[kind]}
      UNION ALL
      SELECT id + 1 FROM free WHERE EXISTS (SELECT 1 FROM custody_log WHERE subject = ?1 || id)
    )
    SELECT max(id) AS id FROM free`, [`${kind}:`]);
  return row?.id ?? 1;
}
