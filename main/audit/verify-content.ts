// Each record's current content must hash to what its latest custody entry committed to, and
// each evidence item's chunks to its sealed sha256: this is what catches an incident, a case or
// a chunk edited directly with SQL, even when the custody log itself was left alone.
import type { Database } from '../vault/database';
import { CustodiaError } from '../../shared/errors/error-codes';
import { caseHash, evidenceRecordHash, incidentBodyHash, userHash } from '../custody/record-hash';
import { checkStoredEvidence } from '../evidence/stored-chunks';
import { CURRENT_CASE_STATUS } from '../records/cases';
import { staleIndexRows } from '../records/incident-index';
import { verifyEvidenceMetadata } from './verify-metadata';
import type { ScanResult } from './log-scan';
import type { ProblemList } from './verify-problems';
import type { CaseStatus } from '../../shared/vocabulary/case-status';

type Committed = ScanResult['committed'];
type Commitments = Pick<ScanResult, 'committed' | 'committedRecords'>;

interface Digest {
  subject: string;
  sha256: string;
}

async function currentDigests(db: Database): Promise<Digest[]> {
  const cases = await db.all<{ id: number; title: string; status: CaseStatus }>(`SELECT c.id, c.title, ${CURRENT_CASE_STATUS} AS status FROM cases c`);
  const incidents = await db.all<{ id: number; body: string }>(`
    SELECT v.incident_id AS id, v.body FROM incident_versions v
    WHERE v.version = (SELECT MAX(version) FROM incident_versions w WHERE w.incident_id = v.incident_id)`);
  const users = await db.all<{ name: string; role: string; removed_at: string | null }>('SELECT name, role, removed_at FROM users');
  return [
    ...cases.map((c) => ({ subject: `case:${c.id}`, sha256: caseHash({ id: c.id, title: c.title, status: c.status }) })),
    ...incidents.map((i) => ({ subject: `incident:${i.id}`, sha256: incidentBodyHash(i.body) })),
    ...users.map((u) => ({ subject: `user:${u.name}`, sha256: userHash({ name: u.name, role: u.role, removed: u.removed_at !== null }) })),
  ];
}

const RECORD_PREFIXES = ['case:', 'incident:', 'user:'];

export async function verifyRecords(db: Database, committed: Committed, problems: ProblemList): Promise<number> {
  const digests = await currentDigests(db);
  const present = new Set<string>();
  for (const d of digests) {
    present.add(d.subject);
    const c = committed.get(d.subject);
    if (!c) problems.add({ code: 'E_RECORD_HASH_MISMATCH', message: `${d.subject} exists but no custody entry ever recorded it: it was added behind the log's back` });
    else if (c.sha256 !== d.sha256) problems.add({ code: 'E_RECORD_HASH_MISMATCH', seq: c.seq, message: `${d.subject} no longer has the content custody entry ${c.seq} committed to: it was altered` });
  }
  for (const [subject, c] of committed) {
    if (RECORD_PREFIXES.some((p) => subject.startsWith(p)) && !present.has(subject)) {
      problems.add({ code: 'E_RECORD_HASH_MISMATCH', seq: c.seq, message: `${subject} was recorded by custody entry ${c.seq} but is gone from the vault` });
    }
  }
  return digests.length;
}

/**
 * Re-hashes every evidence item from its chunks (one chunk in memory at a time) and checks its
 * metadata (name, media type, acquisition, and for an exhibit its link to the original) against
 * the seal (or derive) entry's recordSha256, and its sealed media metadata against metadataSha256.
 */
export async function verifyEvidence(db: Database, scan: Commitments, problems: ProblemList): Promise<number> {
  const items = await db.all<EvidenceRow>(`
    SELECT e.id, e.incident_id, e.sha256, e.bytes, e.media_type, e.original_name, e.acquisition, d.derived_from, d.operation
    FROM evidence e LEFT JOIN evidence_derivations d ON d.evidence_id = e.id ORDER BY e.id`);
  for (const item of items) {
    const subject = `evidence:${item.id}`;
    try {
      await checkStoredEvidence(db, item.id);
    } catch (e) {
      if (!(e instanceof CustodiaError)) throw e;
      problems.add({ code: 'E_EVIDENCE_HASH_MISMATCH', message: `${subject}: ${e.message}` });
    }
    const c = scan.committed.get(subject);
    if (!c) problems.add({ code: 'E_RECORD_HASH_MISMATCH', message: `${subject} exists but no custody entry ever recorded it` });
    else if (c.sha256 !== item.sha256) problems.add({ code: 'E_EVIDENCE_HASH_MISMATCH', seq: c.seq, message: `${subject}: its sealed sha256 differs from the one custody entry ${c.seq} recorded` });
    const r = scan.committedRecords.get(subject);
    if (!r || r.sha256 !== evidenceRecordSha256(item)) {
      problems.add({ code: 'E_RECORD_HASH_MISMATCH', seq: r?.seq, message: `${subject}: its name, media type, acquisition or origin differ from what was sealed` });
    }
  }
  await verifyEvidenceMetadata(db, scan.committedRecords, problems);
  return items.length;
}

interface EvidenceRow {
  id: number;
  incident_id: number;
  sha256: string;
  bytes: number;
  media_type: string;
  original_name: string;
  acquisition: string;
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

/** The incident list index is derived data, but lists show it: a row edited to hide an incident is tampering too. */
async function verifyIncidentIndex(db: Database, problems: ProblemList): Promise<void> {
  for (const id of await staleIndexRows(db)) {
    problems.add({ code: 'E_RECORD_HASH_MISMATCH', message: `incident:${id}: its row in the incident list disagrees with its current version, so lists could hide or misdescribe it` });
  }
}

export async function verifyContent(db: Database, scan: Commitments, problems: ProblemList): Promise<{ records: number; evidence: number }> {
  const records = await verifyRecords(db, scan.committed, problems);
  await verifyIncidentIndex(db, problems);
  return { records, evidence: await verifyEvidence(db, scan, problems) };
}
