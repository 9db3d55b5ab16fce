// Cases: the folder a legal complaint is built from; incidents are filed under one.
import { CustodiaError } from '../../shared/errors/error-codes';
import { appendCustody } from '../custody/custody-log';
import type { Database } from '../vault/database';
import { assertAllowed } from '../accounts/roles';
import type { VaultSession } from '../accounts/vault-session';
import { caseHash, type CaseStatus } from '../custody/record-hash';
import { nextRecordId } from './record-ids';

export interface CaseSummary {
  id: number;
  title: string;
  createdAt: string;
  createdBy: string;
  incidents: number;
  deleted: boolean;
  status: CaseStatus;
}

/** The latest status of a case (open until closed), as SQL for the queries that list cases. */
export const CURRENT_CASE_STATUS = `coalesce((SELECT s.status FROM case_status s WHERE s.case_id = c.id ORDER BY s.change DESC LIMIT 1), 'open')`;

const MAX_TITLE = 500;

export async function addCase(session: VaultSession, o: { title: string }): Promise<{ id: number; sha256: string }> {
  await assertAllowed(session, 'records.write', 'case');
  const title = o.title.trim();
  if (title.length === 0 || title.length > MAX_TITLE) {
    throw new CustodiaError('E_INVALID_INPUT', `a case title needs 1 to ${MAX_TITLE} characters`);
  }
  return session.db.transaction(async (tx) => {
    const id = await nextRecordId(tx, 'case');
    await tx.run('INSERT INTO cases (id, title, created_at, created_by) VALUES (?, ?, ?, ?)', [
      id, title, new Date().toISOString(), session.user.name,
    ]);
    const sha256 = caseHash({ id, title });
    await appendCustody(tx, { actor: session.user.name, action: 'case_create', subject: `case:${id}`, details: { caseId: id, sha256 } });
    return { id, sha256 };
  });
}

export async function listCases(session: VaultSession): Promise<CaseSummary[]> {
  await assertAllowed(session, 'records.read', 'case');
  const rows = await session.db.all<{ id: number; title: string; created_at: string; created_by: string; incidents: number; deleted: number; status: CaseStatus }>(`
    SELECT c.id, c.title, c.created_at, c.created_by, ${CURRENT_CASE_STATUS} AS status,
      (SELECT count(*) FROM incident_index x WHERE x.deleted = 0 AND x.case_id = c.id) AS incidents,
      c.id IN (SELECT id FROM deleted_cases) AS deleted
    FROM cases c ORDER BY c.id`);
  return rows.map((r) => ({ id: r.id, title: r.title, createdAt: r.created_at, createdBy: r.created_by, incidents: r.incidents, deleted: r.deleted === 1, status: r.status }));
}

/** Throws E_NOT_FOUND unless the case exists and is not deleted. */
export async function requireLiveCase(db: Database, caseId: number): Promise<void> {
  const row = await db.get<{ live: number }>('SELECT 1 AS live FROM live_cases WHERE id = ?', [caseId]);
  if (!row) throw new CustodiaError('E_NOT_FOUND', `no case ${caseId}`);
}

/** Closes or reopens a case: a new status row and a `case_edit` entry committing to it; the same status again changes nothing. */
export async function setCaseStatus(session: VaultSession, id: number, status: CaseStatus): Promise<{ id: number; status: CaseStatus; sha256: string }> {
  await assertAllowed(session, 'records.write', `case:${id}`);
  return session.db.transaction(async (tx) => {
    await requireLiveCase(tx, id);
    const row = await tx.get<{ title: string; status: CaseStatus; change: number }>(`
      SELECT c.title, ${CURRENT_CASE_STATUS} AS status,
        (SELECT coalesce(max(change), 0) FROM case_status s WHERE s.case_id = c.id) AS change
      FROM cases c WHERE c.id = ?`, [id]);
    if (!row) throw new CustodiaError('E_NOT_FOUND', `no case ${id}`);
    const sha256 = caseHash({ id, title: row.title, status });
    if (row.status === status) return { id, status, sha256 };
    await tx.run('INSERT INTO case_status (case_id, change, status, changed_at, changed_by) VALUES (?, ?, ?, ?, ?)', [
      id, row.change + 1, status, new Date().toISOString(), session.user.name,
    ]);
    await appendCustody(tx, { actor: session.user.name, action: 'case_edit', subject: `case:${id}`, details: { caseId: id, status, sha256 } });
    return { id, status, sha256 };
  });
}
