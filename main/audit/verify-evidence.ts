// Evidence items: each is re-hashed from its chunks (one chunk in memory at a time) and its record
// (name, media type, acquisition, and for an exhibit its link to the original) checked against
// the seal (or derive) entry's recordSha256; its sealed media metadata is in verify-metadata.ts.
// Chunks and derivation rows of an item that does not exist are rows no entry accounts for.
import type { Database } from '../vault/database';
import { CustodiaError } from '../../shared/errors/error-codes';
import { evidenceRecordHash } from '../custody/record-hash';
import { checkStoredEvidence } from '../evidence/stored-chunks';
import type { LogCommitments } from './log-commitments';
import { verifyEvidenceMetadata } from './verify-metadata';
import type { ProblemList } from './verify-problems';

interface EvidenceRow {
  id: number;
  incident_id: number;
  sha256: string;
  bytes: number;
  media_type: string;
  original_name: string;
  acquisition: string;
  imported_by: string;
  derived_from: number | null;
  operation: string | null;
}

function evidenceRecordSha256(row: EvidenceRow): string {
  let acquisition: unknown;
  try {
    acquisition = JSON.parse(row.acquisition);
  } catch {
    return '';
  }
  return evidenceRecordHash({
    id: row.id, incidentId: row.incident_id, sha256: row.sha256, bytes: row.bytes,
    mediaType: row.media_type, originalName: row.original_name, acquisition,
    ...(row.derived_from === null ? {} : { derivedFrom: row.derived_from, operation: row.operation ?? undefined }),
  });
}

async function checkItem(db: Database, item: EvidenceRow, log: LogCommitments, problems: ProblemList): Promise<void> {
  const subject = `evidence:${item.id}`;
  try {
    await checkStoredEvidence(db, item.id);
  } catch (e) {
    if (!(e instanceof CustodiaError)) throw e;
    problems.add({ code: 'E_EVIDENCE_HASH_MISMATCH', message: `${subject}: ${e.message}` });
  }
  const created = log.created.get(subject);
  if (!created) {
    problems.add({ code: 'E_RECORD_UNLOGGED', message: `${subject} exists but no custody entry ever sealed it: it was added behind the log's back` });
    return;
  }
  const c = log.committed.get(subject);
  if (c && c.sha256 !== item.sha256) problems.add({ code: 'E_EVIDENCE_HASH_MISMATCH', seq: c.seq, message: `${subject}: its sealed sha256 differs from the one custody entry ${c.seq} recorded` });
  const r = log.committedRecords.get(subject);
  if (!r || r.sha256 !== evidenceRecordSha256(item) || created.actor !== item.imported_by) {
    problems.add({ code: 'E_RECORD_HASH_MISMATCH', seq: r?.seq, message: `${subject}: its name, media type, acquisition, origin or importer differ from what was sealed` });
  }
}

export async function verifyEvidence(db: Database, log: LogCommitments, problems: ProblemList, present: Set<string>): Promise<number> {
  const items = await db.all<EvidenceRow>(`
    SELECT e.id, e.incident_id, e.sha256, e.bytes, e.media_type, e.original_name, e.acquisition, e.imported_by, d.derived_from, d.operation
    FROM evidence e LEFT JOIN evidence_derivations d ON d.evidence_id = e.id ORDER BY e.id`);
  for (const item of items) {
    present.add(`evidence:${item.id}`);
    await checkItem(db, item, log, problems);
  }
  const orphans = await db.all<{ what: string; id: number }>(`
    SELECT 'chunks' AS what, evidence_id AS id FROM (SELECT DISTINCT evidence_id FROM evidence_chunks) WHERE evidence_id NOT IN (SELECT id FROM evidence)
    UNION ALL
    SELECT 'a derivation', evidence_id FROM evidence_derivations WHERE evidence_id NOT IN (SELECT id FROM evidence)`);
  for (const o of orphans) problems.add({ code: 'E_RECORD_UNLOGGED', message: `${o.what} stored for evidence:${o.id}, which does not exist` });
  await verifyEvidenceMetadata(db, log.committedRecords, problems);
  return items.length;
}
