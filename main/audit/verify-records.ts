// Users, cases (with their status history), incidents and drafts, both ways: every row must be
// accounted for by the entry that created it and still hold what the latest entry committed to,
// and every record an entry created must still be there (a deletion only adds a tombstone).
import type { Database } from '../vault/database';
import { caseHash, userHash } from '../custody/record-hash';
import { sha256Hex } from '../platform/sha256';
import { CURRENT_CASE_STATUS } from '../records/cases';
import type { CaseStatus } from '../../shared/vocabulary/case-status';
import type { LogCommitments } from './log-commitments';
import type { ProblemList } from './verify-problems';

/** Compares one row with its creation and latest commitment; true when they agree. */
function account(subject: string, sha256: string, createdBy: string, log: LogCommitments, problems: ProblemList): boolean {
  const created = log.created.get(subject);
  const c = log.committed.get(subject);
  if (!created) {
    problems.add({ code: 'E_RECORD_UNLOGGED', message: `${subject} exists but no custody entry ever created it: it was added behind the log's back` });
  } else if (!c || c.sha256 !== sha256) {
    problems.add({ code: 'E_RECORD_HASH_MISMATCH', seq: c?.seq, message: `${subject} no longer has the content custody entry ${c?.seq ?? created.seq} committed to: it was altered` });
  } else if (created.actor !== createdBy) {
    problems.add({ code: 'E_RECORD_HASH_MISMATCH', seq: created.seq, message: `${subject} names ${createdBy} as its author, custody entry ${created.seq} names ${created.actor}` });
  } else {
    return true;
  }
  return false;
}

async function verifyUsers(db: Database, log: LogCommitments, problems: ProblemList, present: Set<string>): Promise<number> {
  const users = await db.all<{ name: string; role: string; removed_at: string | null; created_by: string }>('SELECT name, role, removed_at, created_by FROM users');
  for (const u of users) {
    present.add(`user:${u.name}`);
    account(`user:${u.name}`, userHash({ name: u.name, role: u.role, removed: u.removed_at !== null }), u.created_by, log, problems);
  }
  return users.length;
}

/** A case's status rows must be its case_edit entries, in order, by the same people. */
function expectedHistory(log: LogCommitments, id: number): string {
  return (log.statusChanges.get(String(id)) ?? []).map((s, i) => `${i + 1} ${s.status ?? ''} ${s.actor}`).join('\n');
}

async function verifyCases(db: Database, log: LogCommitments, problems: ProblemList, present: Set<string>): Promise<number> {
  const cases = await db.all<{ id: number; title: string; status: CaseStatus; created_by: string; history: string | null }>(`
    SELECT c.id, c.title, ${CURRENT_CASE_STATUS} AS status, c.created_by,
      (SELECT string_agg(s.change || ' ' || s.status || ' ' || s.changed_by, char(10) ORDER BY s.change) FROM case_status s WHERE s.case_id = c.id) AS history
    FROM cases c`);
  for (const c of cases) {
    const subject = `case:${c.id}`;
    present.add(subject);
    const agrees = account(subject, caseHash({ id: c.id, title: c.title, status: c.status }), c.created_by, log, problems);
    if (agrees && (c.history ?? '') !== expectedHistory(log, c.id)) {
      problems.add({ code: 'E_STATUS_HISTORY_ALTERED', message: `${subject}: its status history differs from its case_edit entries: it was rewritten` });
    }
  }
  const orphans = await db.all<{ case_id: number }>('SELECT DISTINCT case_id FROM case_status WHERE case_id NOT IN (SELECT id FROM cases)');
  for (const o of orphans) problems.add({ code: 'E_RECORD_UNLOGGED', message: `status rows are stored for case:${o.case_id}, which does not exist` });
  return cases.length;
}

/** An incident's head row: its case and author as its incident_create entry recorded them (its content is in verify-versions.ts). */
async function verifyIncidents(db: Database, log: LogCommitments, problems: ProblemList, present: Set<string>): Promise<number> {
  const rows = await db.all<{ id: number; case_id: number; created_by: string }>('SELECT id, case_id, created_by FROM incidents');
  for (const r of rows) {
    const subject = `incident:${r.id}`;
    present.add(subject);
    const created = log.created.get(subject);
    if (!created) {
      problems.add({ code: 'E_RECORD_UNLOGGED', message: `${subject} exists but no custody entry ever created it: it was added behind the log's back` });
    } else if (created.caseId !== String(r.case_id) || created.actor !== r.created_by) {
      problems.add({ code: 'E_RECORD_HASH_MISMATCH', seq: created.seq, message: `${subject} was moved to another case or author since custody entry ${created.seq}` });
    }
  }
  return rows.length;
}

/** Each user's latest draft per form, as their last draft_save committed to; a discarded one leaves no row. */
async function verifyDrafts(db: Database, log: LogCommitments, problems: ProblemList): Promise<void> {
  const seen = new Set<string>();
  // Rows without a key predate keyed drafts: nothing reads them.
  await db.each<{ saved_by: string; draft_key: string; body: string }>('SELECT saved_by, draft_key, body FROM drafts WHERE draft_key IS NOT NULL', [], (d) => {
    const key = `${d.saved_by}\0${d.draft_key}`;
    const c = log.drafts.get(key);
    const subject = `draft:${d.draft_key} of ${d.saved_by}`;
    if (!c || seen.has(key)) problems.add({ code: 'E_RECORD_UNLOGGED', message: `${subject} exists but no draft_save entry accounts for it` });
    else if (sha256Hex(d.body) !== c.sha256) problems.add({ code: 'E_RECORD_HASH_MISMATCH', seq: c.seq, message: `${subject} differs from what custody entry ${c.seq} saved` });
    seen.add(key);
  });
  for (const [key, c] of log.drafts) {
    const [user, draftKey] = key.split('\0');
    if (c && !seen.has(key)) problems.add({ code: 'E_RECORD_MISSING', seq: c.seq, message: `draft:${draftKey} of ${user}, saved by custody entry ${c.seq}, is gone without a discard entry` });
  }
}

const KINDS = /^(user|case|incident|evidence):/;

/** Every record an entry created is still there, and no id was given twice. */
export function verifyCreatedExist(log: LogCommitments, present: ReadonlySet<string>, problems: ProblemList): void {
  for (const [subject, c] of log.created) {
    if (KINDS.test(subject) && !present.has(subject)) {
      problems.add({ code: 'E_RECORD_MISSING', seq: c.seq, message: `${subject} was created by custody entry ${c.seq} but is gone from the vault` });
    }
  }
  for (const r of log.reused) {
    problems.add({ code: 'E_ID_REUSED', seq: r.seq, message: `custody entry ${r.seq} creates ${r.subject} again: one id names two records` });
  }
}

export async function verifyRecords(db: Database, log: LogCommitments, problems: ProblemList, present: Set<string>): Promise<number> {
  const users = await verifyUsers(db, log, problems, present);
  const cases = await verifyCases(db, log, problems, present);
  const incidents = await verifyIncidents(db, log, problems, present);
  await verifyDrafts(db, log, problems);
  return users + cases + incidents;
}
