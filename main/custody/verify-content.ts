// Each record's current content must hash to what its latest custody entry committed to, and
// each evidence item's chunks to its sealed sha256: this is what catches an incident, a case or
// a chunk edited directly with SQL, even when the custody log itself was left alone.
import { createHash } from 'node:crypto';
import type { Database } from '../vault/database';
import { caseHash, incidentBodyHash, userHash } from '../records/record-hash';
import type { ProblemList } from './verify-problems';

type Committed = Map<string, { seq: number; sha256: string }>;

interface Digest {
  subject: string;
  sha256: string;
}

async function currentDigests(db: Database): Promise<Digest[]> {
  const cases = await db.all<{ id: number; title: string }>('SELECT id, title FROM cases');
  const incidents = await db.all<{ id: number; body: string }>(`
    SELECT v.incident_id AS id, v.body FROM incident_versions v
    WHERE v.version = (SELECT MAX(version) FROM incident_versions w WHERE w.incident_id = v.incident_id)`);
  const users = await db.all<{ name: string; role: string; removed_at: string | null }>('SELECT name, role, removed_at FROM users');
  return [
    ...cases.map((c) => ({ subject: `case:${c.id}`, sha256: caseHash({ id: c.id, title: c.title }) })),
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

/** Re-hashes every evidence item from its chunks, one chunk in memory at a time. */
export async function verifyEvidenceBytes(db: Database, committed: Committed, problems: ProblemList): Promise<number> {
  const items = await db.all<{ id: number; sha256: string; bytes: number; chunk_count: number }>('SELECT id, sha256, bytes, chunk_count FROM evidence ORDER BY id');
  for (const item of items) {
    const hash = createHash('sha256');
    let bytes = 0;
    let chunks = 0;
    let expectedSeq = 0;
    let ordered = true;
    await db.each<{ seq: number; data: Buffer }>('SELECT seq, data FROM evidence_chunks WHERE evidence_id = ? ORDER BY seq', [item.id], (row) => {
      if (row.seq !== expectedSeq) ordered = false;
      expectedSeq = row.seq + 1;
      hash.update(row.data);
      bytes += row.data.length;
      chunks += 1;
    });
    const actual = hash.digest('hex');
    const subject = `evidence:${item.id}`;
    if (!ordered || chunks !== item.chunk_count || bytes !== item.bytes || actual !== item.sha256) {
      problems.add({ code: 'E_EVIDENCE_HASH_MISMATCH', message: `${subject}: its stored bytes no longer hash to the sha256 sealed at import` });
    }
    const c = committed.get(subject);
    if (!c) problems.add({ code: 'E_RECORD_HASH_MISMATCH', message: `${subject} exists but no custody entry ever recorded it` });
    else if (c.sha256 !== item.sha256) problems.add({ code: 'E_EVIDENCE_HASH_MISMATCH', seq: c.seq, message: `${subject}: its sealed sha256 differs from the one custody entry ${c.seq} recorded` });
  }
  return items.length;
}

export async function verifyContent(db: Database, committed: Committed, problems: ProblemList): Promise<{ records: number; evidence: number }> {
  return { records: await verifyRecords(db, committed, problems), evidence: await verifyEvidenceBytes(db, committed, problems) };
}
