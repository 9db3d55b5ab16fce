// Every version of every incident, not only the latest, must be the one its incident_create or
// incident_edit entry committed to (body, stored hash and author), and every version an entry
// created must still be there. The current version disagreeing is the record altered
// (E_RECORD_HASH_MISMATCH, as for any record); an older one is history rewritten (E_VERSION_ALTERED).
// Read in pages of bodies, so memory holds one page whatever the number of incidents.
import type { Database } from '../vault/database';
import { incidentBodyHash } from '../custody/record-hash';
import type { LogCommitments } from './log-commitments';
import type { ProblemList } from './verify-problems';

const PAGE = 4096;

interface VersionRow {
  incident_id: number;
  version: number;
  body: string;
  sha256: string;
  saved_by: string;
  latest: number;
}

const PAGE_SQL = `
  SELECT v.incident_id, v.version, v.body, v.sha256, v.saved_by,
    v.version = (SELECT max(w.version) FROM incident_versions w WHERE w.incident_id = v.incident_id) AS latest
  FROM incident_versions v WHERE (v.incident_id, v.version) > (?, ?) ORDER BY v.incident_id, v.version LIMIT ${PAGE}`;

export async function verifyVersions(db: Database, log: LogCommitments, problems: ProblemList): Promise<number> {
  const seen = new Set<string>();
  let after: [number, number] = [Number.MIN_SAFE_INTEGER, 0];
  for (;;) {
    const rows = await db.all<VersionRow>(PAGE_SQL, after);
    for (const r of rows) check(r, log, problems, seen);
    const last = rows[rows.length - 1];
    if (!last || rows.length < PAGE) break;
    after = [last.incident_id, last.version];
  }
  for (const [key, c] of log.versions) {
    if (seen.has(key)) continue;
    const [id, version] = key.split(':');
    problems.add({ code: 'E_RECORD_MISSING', seq: c.seq, message: `incident:${id} version ${version}, created by custody entry ${c.seq}, is gone from the vault` });
  }
  return seen.size;
}

function check(r: VersionRow, log: LogCommitments, problems: ProblemList, seen: Set<string>): void {
  const key = `${r.incident_id}:${r.version}`;
  const what = `incident:${r.incident_id} version ${r.version}`;
  const c = log.versions.get(key);
  if (!c || seen.has(key)) {
    problems.add({ code: 'E_RECORD_UNLOGGED', message: `${what} exists but no custody entry created it: it was added behind the log's back` });
    return;
  }
  seen.add(key);
  if (incidentBodyHash(r.body) === c.sha256 && r.sha256 === c.sha256 && r.saved_by === c.actor) return;
  if (r.latest === 1) {
    problems.add({ code: 'E_RECORD_HASH_MISMATCH', seq: c.seq, message: `${what}, the current one, is not what custody entry ${c.seq} committed to: it was altered` });
  } else {
    problems.add({ code: 'E_VERSION_ALTERED', seq: c.seq, message: `${what} is not what custody entry ${c.seq} committed to: history was rewritten` });
  }
}
