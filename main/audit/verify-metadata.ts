// `log verify`'s check of sealed media metadata: each item's stored metadata must hash to the
// metadataSha256 of the entry that sealed its record, and an item sealed without metadata must
// have none. This catches a GPS position, a name or a capture time edited with SQL (T3).
import type { ProblemList } from './verify-problems';
import { metadataBodyHash } from '../custody/record-hash';
import type { Database } from '../vault/database';
import type { RecordCommitment } from './log-commitments';

export async function verifyEvidenceMetadata(db: Database, committed: ReadonlyMap<string, RecordCommitment>, problems: ProblemList): Promise<void> {
  // Streamed: only the digests are held, never every report at once.
  const stored = new Map<number, string>();
  await db.each<{ evidence_id: number; body: string }>('SELECT evidence_id, body FROM evidence_metadata', [], (row) => {
    stored.set(row.evidence_id, metadataBodyHash(row.body));
  });
  const items = await db.all<{ id: number }>('SELECT id FROM evidence ORDER BY id');
  for (const { id } of items) {
    const actual = stored.get(id);
    stored.delete(id);
    const r = committed.get(`evidence:${id}`);
    const sealed = r?.metadataSha256 ?? undefined;
    if (actual === sealed) continue;
    const what = actual === undefined ? 'its sealed metadata is gone'
      : sealed === undefined ? 'it has metadata that no custody entry sealed: it was added behind the log\'s back'
        : 'its metadata (GPS, names, device, times) differs from what was sealed: it was altered';
    problems.add({ code: 'E_RECORD_HASH_MISMATCH', seq: r?.seq, message: `evidence:${id}: ${what}` });
  }
  for (const id of stored.keys()) {
    problems.add({ code: 'E_RECORD_UNLOGGED', message: `metadata is stored for evidence:${id}, which does not exist` });
  }
}
