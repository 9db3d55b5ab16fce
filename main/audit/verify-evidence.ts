// Evidence items: every object of each is read and checked (its name, its AEAD tag; a missing or
// altered one is reported by name and item), the item re-hashed from them (one chunk and the
// next in memory) and its record (name, media type, acquisition, and for an exhibit its link to
// the original) checked against the seal (or derive) entry's recordSha256; its sealed media
// metadata is in verify-metadata.ts. Object and derivation rows of an item that does not exist
// are rows no entry accounts for, and an object in the folder no row names is an orphan.
import { createHash } from 'node:crypto';
import type { Database } from '../vault/database';
import { CustodiaError } from '../../shared/errors/error-codes';
import { evidenceRecordHash } from '../custody/record-hash';
import { objectRows, readChunk, type ObjectRow } from '../evidence/stored-chunks';
import type { VaultObjects } from '../evidence/vault-objects';
import { unreferencedObjects } from '../vault/sweep-objects';
import type { LogCommitments } from './log-commitments';
import { verifyEvidenceMetadata } from './verify-metadata';
import type { ProblemList } from './verify-problems';

interface EvidenceRow {
  id: number;
  incident_id: number;
  sha256: string;
  bytes: number;
  chunk_count: number;
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

/** Reads every object (the next while this one is hashed); reports each bad one, then the whole against the seal. */
async function checkBytes(db: Database, objects: VaultObjects, item: EvidenceRow, problems: ProblemList): Promise<void> {
  const subject = `evidence:${item.id}`;
  const rows = await objectRows(db, item.id);
  const hash = createHash('sha256');
  let bytes = 0;
  let readable = true;
  const read = (row: ObjectRow | undefined): Promise<Buffer | CustodiaError> | undefined =>
    row && readChunk(objects, item.id, row).catch((e: unknown) => {
      if (e instanceof CustodiaError && (e.code === 'E_OBJECT_MISSING' || e.code === 'E_OBJECT_ALTERED')) return e;
      throw e;
    });
  let next = read(rows[0]);
  for (let i = 0; next; i++) {
    const got = await next;
    next = read(rows[i + 1]);
    if (got instanceof CustodiaError) {
      problems.add({ code: got.code, message: `${subject}: ${got.message}` });
      readable = false;
    } else {
      hash.update(got);
      bytes += got.length;
    }
  }
  if (!readable) return;
  const inOrder = rows.every((r, i) => r.seq === i);
  if (rows.length !== item.chunk_count || !inOrder || bytes !== item.bytes || hash.digest('hex') !== item.sha256) {
    problems.add({ code: 'E_EVIDENCE_HASH_MISMATCH', message: `${subject}: its ${rows.length} objects (${bytes} bytes) do not make up the ${item.chunk_count} chunks, ${item.bytes} bytes and sha256 sealed` });
  }
}

async function checkItem(db: Database, objects: VaultObjects, item: EvidenceRow, log: LogCommitments, problems: ProblemList): Promise<void> {
  const subject = `evidence:${item.id}`;
  await checkBytes(db, objects, item, problems);
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

export async function verifyEvidence(db: Database, objects: VaultObjects, log: LogCommitments, problems: ProblemList, present: Set<string>): Promise<number> {
  const items = await db.all<EvidenceRow>(`
    SELECT e.id, e.incident_id, e.sha256, e.bytes, e.chunk_count, e.media_type, e.original_name, e.acquisition, e.imported_by, d.derived_from, d.operation
    FROM evidence e LEFT JOIN evidence_derivations d ON d.evidence_id = e.id ORDER BY e.id`);
  for (const item of items) {
    present.add(`evidence:${item.id}`);
    await checkItem(db, objects, item, log, problems);
  }
  const orphans = await db.all<{ what: string; id: number }>(`
    SELECT 'objects' AS what, evidence_id AS id FROM (SELECT DISTINCT evidence_id FROM evidence_objects) WHERE evidence_id NOT IN (SELECT id FROM evidence)
    UNION ALL
    SELECT 'a derivation', evidence_id FROM evidence_derivations WHERE evidence_id NOT IN (SELECT id FROM evidence)`);
  for (const o of orphans) problems.add({ code: 'E_RECORD_UNLOGGED', message: `${o.what} stored for evidence:${o.id}, which does not exist` });
  for (const name of await unreferencedObjects(db, objects.store)) {
    problems.add({ code: 'E_OBJECT_ORPHAN', message: `object ${name} in ${objects.store.dir} is named by no evidence item` });
  }
  await verifyEvidenceMetadata(db, log.committedRecords, problems);
  return items.length;
}
