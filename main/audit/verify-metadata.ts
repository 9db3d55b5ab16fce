// `log verify`'s check of sealed media metadata: each item's stored metadata must hash to the
// metadataSha256 of the entry that sealed its record, and an item sealed without metadata must
// have none. This catches a GPS position, a name or a capture time edited with SQL (T3).
import type { ProblemList } from './verify-problems';
import { metadataBodyHash } from '../custody/record-hash';
import type { Database } from '../vault/database';
import { metadataCommitmentIn } from '../evidence/metadata-commitment';

/** Latest entry per subject carrying details.recordSha256, as scanned from the verified log. */
type CommittedRecords = Map<string, { seq: number; sha256: string }>;

async function committedDigest(db: Database, committed: CommittedRecords, id: number): Promise<string | undefined> {
  const r = committed.get(`evidence:${id}`);
  if (!r) return undefined;
  const row = await db.get<{ entry: string }>('SELECT entry FROM custody_log WHERE seq = ?', [r.seq]);
  return row ? metadataCommitmentIn(row.entry)?.metadataSha256 : undefined;
}

export async function verifyEvidenceMetadata(db: Database, committed: CommittedRecords, problems: ProblemList): Promise<void> {
  // Streamed: only the digests are held, never every report at once.
  const stored = new Map<number, string>();
  await db.each<{ evidence_id: number; body: string }>('SELECT evidence_id, body FROM evidence_metadata', [], (row) => {
    stored.set(row.evidence_id, metadataBodyHash(row.body));
  });
  const items = await db.all<{ id: number }>('SELECT id FROM evidence ORDER BY id');
  for (const { id } of items) {
    const actual = stored.get(id);
    stored.delete(id);
    const sealed = await committedDigest(db, committed, id);
    if (actual === sealed) continue;
    const seq = committed.get(`evidence:${id}`)?.seq;
    const what = actual === undefined ? 'its sealed metadata is gone'
      : sealed === undefined ? 'it has metadata that no custody entry sealed: it was added behind the log\'s back'
        : 'its metadata (GPS, names, device, times) differs from what was sealed: it was altered';
    problems.add({ code: 'E_RECORD_HASH_MISMATCH', seq, message: `evidence:${id}: ${what}` });
  }
  for (const id of stored.keys()) {
    problems.add({ code: 'E_RECORD_HASH_MISMATCH', message: `metadata is stored for evidence:${id}, which does not exist` });
  }
}
