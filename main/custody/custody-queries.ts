// Paged reads of the custody log for the timeline: the whole vault, one subject, one incident
// (with its evidence, exhibits included) or one case (the case, its incidents and their
// evidence), optionally one actor.
// Counting and paging happen in SQL, so a long log is never parsed whole to show one page.
// Every role may read the log: it holds who did what, not what the records say (the auditor's job).
import type { CustodyEntry } from '../../shared/custody/custody-entry';
import type { Database, SqlValue } from '../vault/database';

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

// The subjects of a case, resolved in SQL against the live tables (deleted items keep their
// rows behind tombstones, so their history stays on the case's timeline).
const CASE_SUBJECTS = `
  SELECT 'case:' || ? UNION ALL
  SELECT 'incident:' || i.id FROM incidents i WHERE i.case_id = ? UNION ALL
  SELECT 'evidence:' || e.id FROM evidence e JOIN incidents i ON i.id = e.incident_id WHERE i.case_id = ?`;

const INCIDENT_SUBJECTS = `
  SELECT 'incident:' || ? UNION ALL
  SELECT 'evidence:' || e.id FROM evidence e WHERE e.incident_id = ?`;

function where(q: TimelineQuery): { sql: string; params: SqlValue[] } {
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

export async function custodyTimeline(db: Database, q: TimelineQuery): Promise<TimelinePage> {
  const w = where(q);
  const count = await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM custody_log ${w.sql}`, w.params);
  const rows = await db.all<{ entry: string }>(`SELECT entry FROM custody_log ${w.sql} ORDER BY seq LIMIT ? OFFSET ?`, [...w.params, q.limit, q.offset]);
  return { total: count?.n ?? 0, entries: rows.map((r) => JSON.parse(r.entry) as CustodyEntry) };
}
