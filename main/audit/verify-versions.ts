// Every version of every incident, not only the latest, must be the one its incident_create or
// incident_edit entry committed to (body, stored hash and author), and every version an entry
// created must still be there. The current version disagreeing is the record altered
// (E_RECORD_HASH_MISMATCH, as for any record); an older one is history rewritten (E_VERSION_ALTERED).
// The rows arrive in the paged pass of verify-incident-pages.ts, so memory holds one page.
import { incidentBodyHash } from '../custody/record-hash';
import type { LogCommitments } from './log-commitments';
import type { ProblemList } from './verify-problems';

export interface VersionRow {
  incident_id: number;
  version: number;
  body: string;
  sha256: string;
  saved_by: string;
}

/** Checks one stored version (latest: the highest of its incident) and notes it as seen. */
export function checkVersion(r: VersionRow, latest: boolean, log: LogCommitments, problems: ProblemList, seen: Set<string>): void {
  const key = `${r.incident_id}:${r.version}`;
  const what = `incident:${r.incident_id} version ${r.version}`;
  const c = log.versions.get(key);
  if (!c || seen.has(key)) {
    problems.add({ code: 'E_RECORD_UNLOGGED', message: `${what} exists but no custody entry created it: it was added behind the log's back` });
    return;
  }
  seen.add(key);
  if (incidentBodyHash(r.body) === c.sha256 && r.sha256 === c.sha256 && r.saved_by === c.actor) return;
  if (latest) {
    problems.add({ code: 'E_RECORD_HASH_MISMATCH', seq: c.seq, message: `${what}, the current one, is not what custody entry ${c.seq} committed to: it was altered` });
  } else {
    problems.add({ code: 'E_VERSION_ALTERED', seq: c.seq, message: `${what} is not what custody entry ${c.seq} committed to: history was rewritten` });
  }
}

/** Every version an entry created and the pass did not see is gone. */
export function reportMissingVersions(log: LogCommitments, seen: ReadonlySet<string>, problems: ProblemList): void {
  for (const [key, c] of log.versions) {
    if (seen.has(key)) continue;
    const [id, version] = key.split(':');
    problems.add({ code: 'E_RECORD_MISSING', seq: c.seq, message: `incident:${id} version ${version}, created by custody entry ${c.seq}, is gone from the vault` });
  }
}
