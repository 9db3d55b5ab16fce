// Reading incidents: one with all its versions, pages of lists with filters, and full-text search.
// Lists and their counts come from the list index (incident-index.ts) in SQL, without reading
// incident bodies; getIncident reads the versions themselves.
import type { Incident, IncidentType, RiskLevel, Channel } from '../../shared/incident/incident-schema';
import { CustodiaError } from '../../shared/errors/error-codes';
import type { SqlValue } from '../vault/database';
import { assertAllowed } from '../accounts/roles';
import type { VaultSession } from '../accounts/vault-session';
import { instantBound } from './time-bounds';

export interface IncidentVersion {
  version: number;
  sha256: string;
  savedAt: string;
  savedBy: string;
  incident: Incident;
}

export interface IncidentDetail {
  id: number;
  caseId: number;
  createdAt: string;
  createdBy: string;
  version: number;
  sha256: string;
  incident: Incident;
  /** Oldest first; the last one is the current version. */
  versions: IncidentVersion[];
  deleted: { reason: string; at: string; by: string } | null;
}

export interface IncidentSummary {
  id: number;
  caseId: number;
  version: number;
  sha256: string;
  occurredAt: string;
  place: string;
  channel: Channel;
  riskLevel: RiskLevel;
  type: IncidentType;
  evidence: number;
  /** reportedTo names at least one authority. */
  reported: boolean;
  deleted: boolean;
}

export interface IncidentFilters {
  caseId?: number;
  /** One value or any of several. */
  riskLevel?: RiskLevel | readonly RiskLevel[];
  type?: IncidentType | readonly IncidentType[];
  channel?: Channel;
  /** Only incidents whose reportedTo is empty (the field protocol's early-warning list). */
  notReportedOnly?: boolean;
  /** ISO instants; compared as instants, so offsets in the records do not matter. */
  from?: string;
  to?: string;
  includeDeleted?: boolean;
}

/** A slice of the ordered result; without a limit, everything from offset on. */
export interface Page {
  offset?: number;
  limit?: number;
}

export interface IncidentPage {
  items: IncidentSummary[];
  /** How many match the filters in all. */
  total: number;
}

type VersionRow = { version: number; sha256: string; saved_at: string; saved_by: string; body: string };

export async function getIncident(session: VaultSession, id: number): Promise<IncidentDetail> {
  await assertAllowed(session, 'records.read', `incident:${id}`);
  const head = await session.db.get<{ case_id: number; created_at: string; created_by: string }>(
    'SELECT case_id, created_at, created_by FROM incidents WHERE id = ?', [id]);
  if (!head) throw new CustodiaError('E_NOT_FOUND', `no incident ${id}`);
  const rows = await session.db.all<VersionRow>(
    'SELECT version, sha256, saved_at, saved_by, body FROM incident_versions WHERE incident_id = ? ORDER BY version', [id]);
  const versions = rows.map((r) => ({ version: r.version, sha256: r.sha256, savedAt: r.saved_at, savedBy: r.saved_by, incident: JSON.parse(r.body) as Incident }));
  const current = versions.at(-1);
  if (!current) throw new CustodiaError('E_DB_CORRUPT', `incident ${id} has no versions`);
  const tomb = await session.db.get<{ reason: string; deleted_at: string; deleted_by: string }>(
    'SELECT reason, deleted_at, deleted_by FROM deleted_incidents WHERE id = ?', [id]);
  return {
    id, caseId: head.case_id, createdAt: head.created_at, createdBy: head.created_by,
    version: current.version, sha256: current.sha256, incident: current.incident, versions,
    deleted: tomb ? { reason: tomb.reason, at: tomb.deleted_at, by: tomb.deleted_by } : null,
  };
}

type SummaryRow = {
  id: number; case_id: number; version: number; sha256: string; occurred_at: string; place: string;
  channel: Channel; risk_level: RiskLevel; type: IncidentType; reported: number; evidence: number; deleted: number;
};

const SUMMARY_COLUMNS = `x.incident_id AS id, x.case_id, x.version, x.sha256, x.occurred_at, x.place, x.channel,
  x.risk_level, x.type, x.reported, x.deleted, (SELECT count(*) FROM evidence e WHERE e.incident_id = x.incident_id) AS evidence`;

function summary(r: SummaryRow): IncidentSummary {
  return {
    id: r.id, caseId: r.case_id, version: r.version, sha256: r.sha256, occurredAt: r.occurred_at, place: r.place,
    channel: r.channel, riskLevel: r.risk_level, type: r.type, evidence: r.evidence, reported: r.reported === 1, deleted: r.deleted === 1,
  };
}

const list = <T>(v: T | readonly T[] | undefined): readonly T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v as T]);

/** The WHERE clause over incident_index `x` and its parameters. */
function where(f: IncidentFilters): { sql: string; params: SqlValue[] } {
  const terms: string[] = [];
  const params: SqlValue[] = [];
  const any = (column: string, values: readonly string[] | undefined) => {
    if (values === undefined) return;
    terms.push(values.length ? `x.${column} IN (${values.map(() => '?').join(', ')})` : '0');
    params.push(...values);
  };
  if (!f.includeDeleted) terms.push('x.deleted = 0');
  if (f.caseId !== undefined) { terms.push('x.case_id = ?'); params.push(f.caseId); }
  any('risk_level', list(f.riskLevel));
  any('type', list(f.type));
  any('channel', list(f.channel));
  if (f.notReportedOnly) terms.push('x.reported = 0');
  if (f.from !== undefined) { terms.push('x.occurred_utc >= ?'); params.push(instantBound(f.from)); }
  if (f.to !== undefined) { terms.push('x.occurred_utc <= ?'); params.push(instantBound(f.to)); }
  return { sql: terms.length ? terms.join(' AND ') : '1', params };
}

function limits(page: Page): SqlValue[] {
  const offset = page.offset ?? 0;
  const limit = page.limit ?? -1;
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < -1) {
    throw new CustodiaError('E_INVALID_INPUT', 'a page needs a non-negative whole offset and limit');
  }
  return [limit, offset];
}

/** Newest first (by the instant it occurred, whatever offset was recorded), then newest id. */
export async function listIncidents(session: VaultSession, filters: IncidentFilters = {}, page: Page = {}): Promise<IncidentPage> {
  await assertAllowed(session, 'records.read', 'incident');
  const w = where(filters);
  const rows = await session.db.all<SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM incident_index x WHERE ${w.sql}
     ORDER BY x.occurred_utc DESC, x.incident_id DESC LIMIT ? OFFSET ?`, [...w.params, ...limits(page)]);
  const count = await session.db.get<{ n: number }>(`SELECT count(*) AS n FROM incident_index x WHERE ${w.sql}`, w.params);
  return { items: rows.map(summary), total: count?.n ?? 0 };
}

/** Each word must occur (as a prefix, accents ignored); quoting keeps FTS5 syntax out of user text. */
export function ftsQuery(text: string): string | null {
  const words = text.split(/\s+/u).map((w) => w.replace(/"/g, '')).filter((w) => w.length > 0);
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : null;
}

/** Best match first (FTS5 rank). Deleted incidents are not in the full-text index. */
export async function searchIncidents(session: VaultSession, text: string, filters: IncidentFilters = {}, page: Page = {}): Promise<IncidentPage> {
  await assertAllowed(session, 'records.read', 'incident');
  const query = ftsQuery(text);
  if (!query) return { items: [], total: 0 };
  const w = where(filters);
  // CROSS JOIN keeps the full-text hits as the outer loop: otherwise SQLite may walk the whole
  // index and probe FTS5 once per incident (seconds on 100,000 incidents).
  const from = `FROM incident_search s CROSS JOIN incident_index x ON x.incident_id = s.rowid`;
  const rows = await session.db.all<SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} ${from} WHERE incident_search MATCH ? AND ${w.sql}
     ORDER BY s.rank, x.incident_id DESC LIMIT ? OFFSET ?`, [query, ...w.params, ...limits(page)]);
  const count = await session.db.get<{ n: number }>(`SELECT count(*) AS n ${from} WHERE incident_search MATCH ? AND ${w.sql}`, [query, ...w.params]);
  return { items: rows.map(summary), total: count?.n ?? 0 };
}
