// Stores a finished exhibit as a new evidence item in one transaction: its objects, its row, its
// link to the original, its own sealed metadata, and the custody entries: a `view` on the
// original (its seal was broken to make the exhibit) and one `derive` on the exhibit that
// commits to everything `log verify` re-checks (sha256, recordSha256, metadataSha256).
import { appendCustodyBatch } from '../custody/custody-log';
import { evidenceRecordHash } from '../custody/record-hash';
import type { VaultSession } from '../accounts/vault-session';
import { parseAcquisition } from './acquisition';
import { DEFAULT_CHUNK_SIZE } from './chunking';
import { insertEvidenceRow, nextEvidenceId } from './evidence-rows';
import { ObjectWriter } from '../vault/object-writer';
import { vaultObjects } from './vault-objects';
import { exhibitSource, type ExhibitSource } from './exhibit-source';
import { insertMetadata, type MetadataSeal } from './media-metadata';

export const STRIP_OPERATION = 'strip-metadata';

export interface StrippedImage {
  data: Buffer;
  sha256: string;
  mediaType: string;
  originalName: string;
  removed: string[];
  kept: string[];
  /** Images only: whether both decoded to the same pixels; null for audio, video and PDF. */
  pixelsIdentical: boolean | null;
  originalPixelSha256: string | null;
  exhibitPixelSha256: string | null;
  metadata: MetadataSeal;
}

export async function storeExhibit(session: VaultSession, source: ExhibitSource, made: StrippedImage): Promise<{ id: number; created: boolean }> {
  return session.db.transaction(async (tx) => {
    // The original may have been deleted while the exhibit was being made.
    await exhibitSource(tx, source.id);
    const same = await tx.get<{ id: number }>(`
      SELECT e.id FROM live_evidence e JOIN evidence_derivations d ON d.evidence_id = e.id
      WHERE d.derived_from = ? AND d.operation = ? AND e.sha256 = ?
      ORDER BY e.id LIMIT 1`, [source.id, STRIP_OPERATION, made.sha256]);
    // Stripping is deterministic: the same exhibit again is the one already stored, not a duplicate.
    if (same) return { id: same.id, created: false };

    const id = await nextEvidenceId(tx);
    const writer = new ObjectWriter(tx, vaultObjects(session), id);
    try {
      for (let at = 0; at < made.data.length; at += DEFAULT_CHUNK_SIZE) await writer.add(made.data.subarray(at, at + DEFAULT_CHUNK_SIZE));
      const chunkCount = await writer.finish();
      const acquisition = parseAcquisition({ method: 'other' });
      const record = {
        id, incidentId: source.incidentId, sha256: made.sha256, bytes: made.data.length, mediaType: made.mediaType,
        originalName: made.originalName, acquisition, derivedFrom: source.id, operation: STRIP_OPERATION,
      };
      await insertEvidenceRow(tx, { ...record, chunkSize: DEFAULT_CHUNK_SIZE, chunkCount, importedBy: session.user.name });
      await tx.run('INSERT INTO evidence_derivations (evidence_id, derived_from, operation) VALUES (?, ?, ?)', [id, source.id, STRIP_OPERATION]);
      await insertMetadata(tx, id, made.metadata);
      const actor = session.user.name;
      await appendCustodyBatch(tx, [
        {
          actor, action: 'view', subject: `evidence:${source.id}`,
          details: { evidenceId: source.id, sha256: source.sha256, bytes: source.bytes, exhibit: id },
        },
        {
          actor, action: 'derive', subject: `evidence:${id}`,
          details: {
            evidenceId: id, from: source.id, originalSha256: source.sha256, sha256: made.sha256, bytes: record.bytes,
            mediaType: record.mediaType, recordSha256: evidenceRecordHash(record), metadataSha256: made.metadata.sha256,
            operation: STRIP_OPERATION, removed: made.removed, kept: made.kept,
            ...(made.pixelsIdentical === null ? {} : {
              pixelsIdentical: made.pixelsIdentical, originalPixelSha256: made.originalPixelSha256, exhibitPixelSha256: made.exhibitPixelSha256,
            }),
          },
        },
      ]);
      return { id, created: true };
    } catch (e) {
      await writer.discard();
      throw e;
    }
  });
}
