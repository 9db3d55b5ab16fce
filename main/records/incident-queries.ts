// Reading incidents: one with all its versions, lists with filters, and full-text search.
import type { Incident, IncidentType, RiskLevel, Channel } from '../../shared/incident/incident-schema';
import { CustodiaError } from '../../shared/errors/error-codes';
import { assertAllowed } from '../vault/roles';
import type { VaultSession } from '../vault/vault-session';

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
  deleted: boolean;
}

export interface IncidentFilters {
  caseId?: number;
  riskLevel?: RiskLevel;
  type?: IncidentType;
  channel?: Channel;
  /** ISO instants; compared as instants, so offsets in the records do not matter. */
  from?: string;
  to?: string;
  includeDeleted?: boolean;
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
    "SELECT reason, deleted_at, deleted_by FROM tombstones WHERE subject_type = 'incident' AND subject_id = ?", [id]);
  return {
    id, caseId: head.case_id, createdAt: head.created_at, createdBy: head.created_by,
    version: current.version, sha256: current.sha256, incident: current.incident, versions,
    deleted: tomb ? { reason: tomb.reason, at: tomb.deleted_at, by: tomb.deleted_by } : null,
  };
}

type SummaryRow = { id: number; case_id: number; version: number; sha256: string; body: string; evidence: number; deleted: number };

const SUMMARY_SQL = `
  SELECT i.id, i.case_id, v.version, v.sha256, v.body,
    (SELECT count(*) FROM evidence e WHERE e.incident_id = i.id) AS evidence,
    EXISTS (SELECT 1 FROM tombstones t WHERE t.subject_type = 'incident' AND t.subject_id = i.id) AS deleted
  FROM incidents i
  JOIN incident_versions v ON v.incident_id = i.id
    AND v.version = (SELECT max(version) FROM incident_versions WHERE incident_id = i.id)`;

function summary(r: SummaryRow): IncidentSummary {
  const inc = JSON.parse(r.body) as Incident;
  return {
    id: r.id, caseId: r.case_id, version: r.version, sha256: r.sha256, occurredAt: inc.occurredAt, place: inc.place,
    channel: inc.channel, riskLevel: inc.riskLevel, type: inc.type, evidence: r.evidence, deleted: r.deleted === 1,
  };
}

function matches(s: IncidentSummary, f: IncidentFilters): boolean {
  const at = Date.parse(s.occurredAt);
  return (f.includeDeleted || !s.deleted)
    && (f.caseId === undefined || s.caseId === f.caseId)
    && (f.riskLevel === undefined || s.riskLevel === f.riskLevel)
    && (f.type === undefined || s.type === f.type)
    && (f.channel === undefined || s.channel === f.channel)
    && (f.from === undefined || at >= Date.parse(f.from))
    && (f.to === undefined || at <= Date.parse(f.to));
}

export async function listIncidents(session: VaultSession, filters: IncidentFilters = {}): Promise<IncidentSummary[]> {
  await assertAllowed(session, 'records.read', 'incident');
  for (const bound of [filters.from, filters.to]) {
    if (bound !== undefined && Number.isNaN(Date.parse(bound))) throw new CustodiaError('E_INVALID_INPUT', `not a date: ${bound}`);
  }
  const rows = await session.db.all<SummaryRow>(`${SUMMARY_SQL} ORDER BY i.id`);
  return rows.map(summary).filter((s) => matches(s, filters));
}

/** Each word must occur (as a prefix, accents ignored); quoting keeps FTS5 syntax out of user text. */
export function ftsQuery(text: string): string | null {
  const words = text.split(/\s+/u).map((w) => w.replace(/"/g, '')).filter((w) => w.length > 0);
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : null;
}

export async function searchIncidents(session: VaultSession, text: string, filters: IncidentFilters = {}): Promise<IncidentSummary[]> {
  await assertAllowed(session, 'records.read', 'incident');
  const query = ftsQuery(text);
  if (!query) return [];
  const rows = await session.db.all<SummaryRow>(
    `${SUMMARY_SQL} JOIN incident_search s ON s.rowid = i.id WHERE incident_search MATCH ? ORDER BY s.rank`, [query]);
  return rows.map(summary).filter((s) => matches(s, filters));
}
