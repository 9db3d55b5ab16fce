// Every read of custody entries for people to see: the timeline (the whole vault, one subject,
// one incident with its evidence, exhibits included, or one case with its incidents and their
// evidence, optionally one actor), `log show`, and one subject's whole history (dossiers).
// Filtering, counting and paging happen in SQL, so a long log is never parsed whole to show one page.
// Every role may read the log: it holds who did what, not what the records say (the auditor's job).
import type { CustodyEntry } from '../../shared/custody/custody-entry';
import type { Database, SqlValue } from '../vault/database';
import { parseStoredEntry } from './stored-entry';

export type TimelineScope =
  | { kind: 'vault' }
  | { kind: 'subject'; subject: string }
  | { kind: 'incident'; incidentId: number }
  | { kind: 'case'; caseId: number };

export interface TimelineQuery {
  scope: TimelineScope;
  actor?: string;
  offset: number;
  limit: number;
}

export interface TimelinePage {
  total: number;
  /** Oldest first, as the log was written. */
  entries: CustodyEntry[];
}

export interface EntryRange {
  subject?: string;
  /** First sequence number (1-based). */
  fromSeq: number;
  limit: number;
}

// The subjects of a case, resolved in SQL against the live tables (deleted items keep their
// rows behind tombstones, so their history stays on the case's timeline).
const CASE_SUBJECTS = `
  SELECT 'case:' || ? UNION ALL
  SELECT 'incident:' || i.id FROM incidents i WHERE i.case_id = ? UNION ALL
  SELECT 'evidence:' || e.id FROM evidence e JOIN incidents i ON i.id = e.incident_id WHERE i.case_id = ?`;

const INCIDENT_SUBJECTS = `
  SELECT 'incident:' || ? UNION ALL
  SELECT 'evidence:' || e.id FROM evidence e WHERE e.incident_id = ?`;

function where(q: Omit<TimelineQuery, 'offset' | 'limit'>): { sql: string; params: SqlValue[] } {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  if (q.scope.kind === 'subject') {
    clauses.push('subject = ?');
    params.push(q.scope.subject);
  } else if (q.scope.kind === 'incident') {
    clauses.push(`subject IN (${INCIDENT_SUBJECTS})`);
    params.push(q.scope.incidentId, q.scope.incidentId);
  } else if (q.scope.kind === 'case') {
    clauses.push(`subject IN (${CASE_SUBJECTS})`);
    params.push(q.scope.caseId, q.scope.caseId, q.scope.caseId);
  }
  if (q.actor) {
    clauses.push('actor = ?');
    params.push(q.actor);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

async function readEntries(db: Database, sql: string, params: SqlValue[]): Promise<CustodyEntry[]> {
  const rows = await db.all<{ entry: string }>(`SELECT entry FROM custody_log ${sql}`, params);
  return rows.map((r) => parseStoredEntry(r.entry));
}

export async function custodyTimeline(db: Database, q: TimelineQuery): Promise<TimelinePage> {
  const w = where(q);
  const count = await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM custody_log ${w.sql}`, w.params);
  return { total: count?.n ?? 0, entries: await readEntries(db, `${w.sql} ORDER BY seq LIMIT ? OFFSET ?`, [...w.params, q.limit, q.offset]) };
}

/** Entries from a sequence number on, optionally about one subject (`log show`). */
export async function custodyEntries(db: Database, range: EntryRange): Promise<CustodyEntry[]> {
  const w = where({ scope: range.subject === undefined ? { kind: 'vault' } : { kind: 'subject', subject: range.subject } });
  const sql = `${w.sql ? `${w.sql} AND` : 'WHERE'} seq >= ? ORDER BY seq LIMIT ?`;
  return readEntries(db, sql, [...w.params, range.fromSeq, range.limit]);
}

/** Every entry concerning one subject, oldest first (the custody timeline of an item in a dossier). */
export async function entriesFor(db: Database, subject: string): Promise<CustodyEntry[]> {
  return readEntries(db, 'WHERE subject = ? ORDER BY seq', [subject]);
}
