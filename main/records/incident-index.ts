// The list index: one row per incident summarising its CURRENT version (what a list filters,
// sorts on and shows), kept in the same transaction as the version or tombstone it mirrors, so a
// page of 100,000 incidents reads no incident body. It is derived data: custody commitments rest
// on incident_versions alone, and `log verify` names any row out of step with them (staleIndexRows).
import type { Incident } from '../../shared/incident/incident-schema';
import type { Database, SqlValue } from '../vault/database';
import { insertRows } from '../vault/insert-rows';

export const INDEX_COLUMNS = [
  'incident_id', 'case_id', 'version', 'sha256', 'occurred_utc', 'occurred_at', 'place', 'risk_level', 'type', 'channel', 'reported', 'deleted',
  'country', 'region', 'days_to_report', 'authorities', 'measures_requested', 'measures_granted',
] as const;

const DAY_MS = 86_400_000;

/** Whole days from the date the incident occurred (as recorded where it happened) to its earliest dated complaint; null with none. */
function daysToReport(incident: Incident): number | null {
  const days = (incident.reportedTo ?? []).flatMap((r) => (r.on ? [r.on] : []));
  if (days.length === 0) return null;
  const first = days.reduce((a, b) => (b < a ? b : a));
  return Math.round((Date.parse(first) - Date.parse(incident.occurredAt.slice(0, 10))) / DAY_MS);
}

/** Milliseconds-precision UTC ISO instant: sorts as text in time order whatever offset was recorded. */
export function sortableUtc(instant: string): string {
  return new Date(instant).toISOString();
}

/** The row for a version (sha256: of its canonical body, as committed to by custody). */
export function indexRow(id: number, caseId: number, version: number, sha256: string, incident: Incident, deleted = false): SqlValue[] {
  return [
    id, caseId, version, sha256, sortableUtc(incident.occurredAt), incident.occurredAt, incident.place, incident.riskLevel,
    incident.type, incident.channel, (incident.reportedTo?.length ?? 0) > 0 ? 1 : 0, deleted ? 1 : 0,
    incident.placeDetail?.country ?? null, incident.placeDetail?.region ?? null, daysToReport(incident),
    [...new Set((incident.reportedTo ?? []).map((r) => r.authority))].sort().join(' '),
    (incident.measuresRequested ?? '').length > 0 ? 1 : 0,
    (incident.reportedTo ?? []).some((r) => r.status === 'measures_granted') ? 1 : 0,
  ];
}

/** Inserts or replaces the rows of the given incidents (the index is derived, never sealed). */
export async function putIndexRows(tx: Database, rows: readonly SqlValue[][]): Promise<void> {
  if (rows.length === 0) return;
  const updates = INDEX_COLUMNS.filter((c) => c !== 'incident_id').map((c) => `${c} = excluded.${c}`).join(', ');
  const perStatement = Math.floor(30_000 / INDEX_COLUMNS.length);
  const tuple = `(${INDEX_COLUMNS.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += perStatement) {
    const slice = rows.slice(start, start + perStatement);
    await tx.run(
      `INSERT INTO incident_index (${INDEX_COLUMNS.join(', ')}) VALUES ${slice.map(() => tuple).join(', ')}
       ON CONFLICT (incident_id) DO UPDATE SET ${updates}`,
      slice.flat(),
    );
  }
}

export async function insertIndexRows(tx: Database, rows: readonly SqlValue[][]): Promise<void> {
  await insertRows(tx, 'incident_index', INDEX_COLUMNS, rows);
}

export async function markIndexDeleted(tx: Database, id: number): Promise<void> {
  await tx.run('UPDATE incident_index SET deleted = 1 WHERE incident_id = ?', [id]);
}

const CURRENT_SQL = `
  SELECT i.id, i.case_id, v.version, v.sha256, v.body,
    i.id IN (SELECT id FROM deleted_incidents) AS deleted
  FROM incidents i JOIN incident_versions v ON v.incident_id = i.id
    AND v.version = (SELECT max(version) FROM incident_versions w WHERE w.incident_id = i.id)
  ORDER BY i.id`;

/** The rows the index should hold, from the current versions and tombstones (bodies parsed as they stream past). */
async function expectedRows(db: Database): Promise<SqlValue[][]> {
  const rows: SqlValue[][] = [];
  await db.each<{ id: number; case_id: number; version: number; sha256: string; body: string; deleted: number }>(CURRENT_SQL, [], (r) => {
    rows.push(indexRow(r.id, r.case_id, r.version, r.sha256, JSON.parse(r.body) as Incident, r.deleted === 1));
  });
  return rows;
}

/** Rebuilds every row from the current versions and tombstones (migration backfill, repair). */
export async function rebuildIncidentIndex(db: Database): Promise<number> {
  await db.run('DELETE FROM incident_index');
  const rows = await expectedRows(db);
  await insertIndexRows(db, rows);
  return rows.length;
}

/**
 * Ids of incidents whose index row is missing, extra or differs from their current version: one
 * pass, the cost of verify's own record check. Lists could hide, misplace or misdescribe these
 * (opening one shows its version); rebuildIncidentIndex repairs them.
 */
export async function staleIndexRows(db: Database): Promise<number[]> {
  const stored = new Map<number, string>();
  await db.each<Record<string, SqlValue>>(`SELECT ${INDEX_COLUMNS.join(', ')} FROM incident_index`, [], (r) => {
    stored.set(Number(r.incident_id), JSON.stringify(INDEX_COLUMNS.map((c) => r[c])));
  });
  const stale: number[] = [];
  for (const row of await expectedRows(db)) {
    const id = Number(row[0]);
    if (stored.get(id) !== JSON.stringify(row)) stale.push(id);
    stored.delete(id);
  }
  return [...stale, ...stored.keys()].sort((a, b) => a - b);
}
