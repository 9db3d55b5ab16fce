// Evidence metadata for lists and the incident view; never the bytes.
import { CustodiaError } from '../../shared/errors/error-codes';
import { appendCustody } from '../custody/custody-log';
import { textCommitment } from '../custody/committed-texts';
import { assertAllowed } from '../accounts/roles';
import type { VaultSession } from '../accounts/vault-session';
import type { EvidenceRecord } from '../custody/record-hash';
import type { Acquisition } from './acquisition';

/** The committed record's fields, with what a list also shows. */
export interface EvidenceItem extends Omit<EvidenceRecord, 'acquisition' | 'derivedFrom' | 'operation'> {
  acquisition: Acquisition;
  importedAt: string;
  importedBy: string;
  deleted: boolean;
  /** For an exhibit, the original it was made from; null for originals. */
  derivedFrom: number | null;
}

type Row = {
  id: number; incident_id: number; sha256: string; bytes: number; media_type: string; original_name: string;
  acquisition: string; imported_at: string; imported_by: string; deleted: number; derived_from: number | null;
};

const toItem = (r: Row): EvidenceItem => ({
  id: r.id, incidentId: r.incident_id, sha256: r.sha256, bytes: r.bytes, mediaType: r.media_type, originalName: r.original_name,
  acquisition: JSON.parse(r.acquisition) as Acquisition, importedAt: r.imported_at, importedBy: r.imported_by, deleted: r.deleted === 1,
  derivedFrom: r.derived_from,
});

const ITEM_SQL = `
    SELECT e.*, e.id IN (SELECT id FROM deleted_evidence) AS deleted, d.derived_from
    FROM evidence e LEFT JOIN evidence_derivations d ON d.evidence_id = e.id`;

export async function listEvidence(session: VaultSession, o: { incidentId?: number; includeDeleted?: boolean } = {}): Promise<EvidenceItem[]> {
  await assertAllowed(session, 'records.read', o.incidentId === undefined ? 'evidence' : `incident:${o.incidentId}`);
  const rows = await session.db.all<Row>(`${ITEM_SQL} WHERE (?1 IS NULL OR e.incident_id = ?1) ORDER BY e.id`, [o.incidentId ?? null]);
  return rows.map(toItem).filter((e) => o.includeDeleted || !e.deleted);
}

/** One live item by id (one indexed row, not a list), or E_NOT_FOUND. */
export async function getEvidenceItem(session: VaultSession, id: number): Promise<EvidenceItem> {
  await assertAllowed(session, 'records.read', `evidence:${id}`);
  const row = await session.db.get<Row>(`${ITEM_SQL} WHERE e.id = ?`, [id]);
  if (!row || row.deleted === 1) throw new CustodiaError('E_NOT_FOUND', `no evidence ${id}`);
  return toItem(row);
}

/** A tombstone with a reason; the sealed bytes stay in the vault. The entry commits to the tombstone's reason (by hash) and time. */
export async function deleteEvidence(session: VaultSession, id: number, reason: string): Promise<void> {
  await assertAllowed(session, 'records.write', `evidence:${id}`);
  const why = reason.trim();
  if (why.length === 0 || why.length > 5_000) throw new CustodiaError('E_INVALID_INPUT', 'a deletion needs a reason of 1 to 5000 characters');
  await session.db.transaction(async (tx) => {
    const item = await tx.get<{ sha256: string }>('SELECT sha256 FROM evidence WHERE id = ?', [id]);
    if (!item) throw new CustodiaError('E_NOT_FOUND', `no evidence item ${id}`);
    if (await tx.get('SELECT 1 FROM deleted_evidence WHERE id = ?', [id])) {
      throw new CustodiaError('E_NOT_FOUND', `evidence item ${id} is already deleted`);
    }
    const deletedAt = new Date().toISOString();
    await tx.run("INSERT INTO tombstones (subject_type, subject_id, reason, deleted_at, deleted_by) VALUES ('evidence', ?, ?, ?, ?)", [
      id, why, deletedAt, session.user.name,
    ]);
    await appendCustody(tx, {
      actor: session.user.name, action: 'delete', subject: `evidence:${id}`, details: { evidenceId: id, sha256: item.sha256, reasonSha256: textCommitment(why), deletedAt },
    });
  });
}
