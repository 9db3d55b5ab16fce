// The one writer of evidence rows, for intake and for exhibits alike, so both store exactly the
// columns `log verify` and the readers expect (their objects: object-writer.ts).
import type { EvidenceRecord } from '../custody/record-hash';
import type { Database } from '../vault/database';
import type { Acquisition } from './acquisition';
import { nextRecordId } from '../records/record-ids';

/** The committed record's fields, and how its bytes are chunked. */
export interface EvidenceRow extends Omit<EvidenceRecord, 'acquisition' | 'derivedFrom' | 'operation'> {
  acquisition: Acquisition;
  chunkSize: number;
  chunkCount: number;
  importedBy: string;
}

/** Ids are never reused, not even one whose row an insider deleted (records/record-ids.ts). */
export function nextEvidenceId(tx: Database): Promise<number> {
  return nextRecordId(tx, 'evidence');
}

export async function insertEvidenceRow(tx: Database, row: EvidenceRow): Promise<void> {
  await tx.run(
    `INSERT INTO evidence (id, incident_id, sha256, bytes, media_type, original_name, acquisition, chunk_size, chunk_count, imported_at, imported_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [row.id, row.incidentId, row.sha256, row.bytes, row.mediaType, row.originalName, JSON.stringify(row.acquisition),
      row.chunkSize, row.chunkCount, new Date().toISOString(), row.importedBy],
  );
}
