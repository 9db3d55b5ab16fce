// The sealed metadata of an item for the app and the dossier. It names people and places (GPS,
// owner, device serial), so it needs records.read: the auditor never sees it. What is returned is
// checked against the custody entry that sealed it, so an edited row is refused, never shown.
import { CustodiaError } from '../../shared/errors/error-codes';
import { appendCustody } from '../custody/custody-log';
import { metadataBodyHash } from '../custody/record-hash';
import { assertAllowed } from '../accounts/roles';
import type { VaultSession } from '../accounts/vault-session';
import type { SealedMetadata } from './media-metadata';
import { metadataCommitment } from './metadata-commitment';

export type EvidenceMetadata =
  | ({ evidenceId: number; sha256: string } & SealedMetadata)
  /** Not an image, larger than the media module reads, or imported before metadata was kept. */
  | { evidenceId: number; outcome: 'none' };

export async function getEvidenceMetadata(session: VaultSession, id: number): Promise<EvidenceMetadata> {
  await assertAllowed(session, 'records.read', `evidence:${id}`);
  const { db } = session;
  if (!(await db.get('SELECT 1 FROM evidence WHERE id = ?', [id]))) throw new CustodiaError('E_NOT_FOUND', `no evidence item ${id}`);
  const row = await db.get<{ body: string }>('SELECT body FROM evidence_metadata WHERE evidence_id = ?', [id]);
  const committed = await metadataCommitment(db, id);
  const sha256 = row ? metadataBodyHash(row.body) : undefined;
  if (sha256 !== committed?.metadataSha256) {
    throw new CustodiaError('E_RECORD_HASH_MISMATCH', `the metadata of evidence ${id} is not what was sealed with it: it was altered`, {
      evidenceId: id, seq: committed?.seq,
    });
  }
  if (!row || !sha256) return { evidenceId: id, outcome: 'none' };
  return { evidenceId: id, sha256, ...(JSON.parse(row.body) as SealedMetadata) };
}

/** The sealed metadata as shown to a person (GPS, owner, device serial): a `view` entry records
 * the reading, as a read of the bytes does. The dossier reads it through getEvidenceMetadata, its
 * export entry standing for the access. An item with no metadata read shows nothing to log. */
export async function viewEvidenceMetadata(session: VaultSession, id: number): Promise<EvidenceMetadata> {
  const m = await getEvidenceMetadata(session, id);
  // Nothing was read from the file (not an image, or it failed): nothing that names anyone is shown.
  if (m.outcome !== 'extracted') return m;
  await session.db.transaction((tx) => appendCustody(tx, {
    actor: session.user.name, action: 'view', subject: `evidence:${id}`, details: { evidenceId: id, what: 'metadata' },
  }));
  return m;
}
