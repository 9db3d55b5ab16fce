// Cases: the folder a legal complaint is built from; incidents are filed under one.
import { CustodiaError } from '../../shared/errors/error-codes';
import { appendCustody } from '../custody/custody-log';
import type { Database } from '../vault/database';
import { assertAllowed } from '../vault/roles';
import type { VaultSession } from '../vault/vault-session';
import { caseHash } from './record-hash';

export interface CaseSummary {
  id: number;
  title: string;
  createdAt: string;
  createdBy: string;
  incidents: number;
  deleted: boolean;
}

const MAX_TITLE = 500;

export async function addCase(session: VaultSession, o: { title: string }): Promise<{ id: number; sha256: string }> {
  await assertAllowed(session, 'records.write', 'case');
  const title = o.title.trim();
  if (title.length === 0 || title.length > MAX_TITLE) {
    throw new CustodiaError('E_INVALID_INPUT', `a case title needs 1 to ${MAX_TITLE} characters`);
  }
  return session.db.transaction(async (tx) => {
    const { lastID: id } = await tx.run('INSERT INTO cases (title, created_at, created_by) VALUES (?, ?, ?)', [
      title, new Date().toISOString(), session.user.name,
    ]);
    const sha256 = caseHash({ id, title });
    await appendCustody(tx, { actor: session.user.name, action: 'case_create', subject: `case:${id}`, details: { caseId: id, sha256 } });
    return { id, sha256 };
  });
}

export async function listCases(session: VaultSession): Promise<CaseSummary[]> {
  await assertAllowed(session, 'records.read', 'case');
  const rows = await session.db.all<{ id: number; title: string; created_at: string; created_by: string; incidents: number; deleted: number }>(`
    SELECT c.id, c.title, c.created_at, c.created_by,
      (SELECT count(*) FROM incident_index x WHERE x.deleted = 0 AND x.case_id = c.id) AS incidents,
      EXISTS (SELECT 1 FROM tombstones t WHERE t.subject_type = 'case' AND t.subject_id = c.id) AS deleted
    FROM cases c ORDER BY c.id`);
  return rows.map((r) => ({ id: r.id, title: r.title, createdAt: r.created_at, createdBy: r.created_by, incidents: r.incidents, deleted: r.deleted === 1 }));
}

/** Throws E_NOT_FOUND unless the case exists and is not deleted. */
export async function requireLiveCase(db: Database, caseId: number): Promise<void> {
  const row = await db.get<{ deleted: number }>(
    "SELECT EXISTS (SELECT 1 FROM tombstones WHERE subject_type = 'case' AND subject_id = id) AS deleted FROM cases WHERE id = ?", [caseId]);
  if (!row || row.deleted === 1) throw new CustodiaError('E_NOT_FOUND', `no case ${caseId}`);
}
