// What each custody entry's `sha256` commits to, in one place, so the services that write
// records and `log verify` that re-checks them hash exactly the same thing.
import { canonicalJson } from '../../shared/custody/canonical-json';
import type { CaseStatus } from '../../shared/vocabulary/case-status';
import { sha256Hex } from '../platform/sha256';

/** sha256 of the RFC 8785 canonical JSON of a record. */
export function recordSha256(record: unknown): string {
  return sha256Hex(canonicalJson(record));
}

export type { CaseStatus };

export interface CaseRecord {
  id: number;
  title: string;
  status?: CaseStatus;
}

export interface UserRecord {
  name: string;
  role: string;
  removed: boolean;
}

/** Evidence metadata; the bytes themselves are committed to by the item's `sha256`. */
export interface EvidenceRecord {
  id: number;
  incidentId: number;
  sha256: string;
  bytes: number;
  mediaType: string;
  originalName: string;
  acquisition: unknown;
  /** Set for a derivative (an exhibit): the item it was made from and how. Absent for originals. */
  derivedFrom?: number;
  operation?: string;
}

/** A closed case commits to its status too; an open one hashes as it did when created. */
export const caseHash = (c: CaseRecord): string =>
  recordSha256(c.status === 'closed' ? { id: c.id, title: c.title, status: c.status } : { id: c.id, title: c.title });
export const userHash = (u: UserRecord): string => recordSha256({ name: u.name, role: u.role, removed: u.removed });
// Originals hash exactly the fields they always did, so every seal written before derivatives
// existed still verifies; a derivative adds its link, so moving or dropping the link is caught.
export const evidenceRecordHash = (e: EvidenceRecord): string => recordSha256({
  id: e.id, incidentId: e.incidentId, sha256: e.sha256, bytes: e.bytes,
  mediaType: e.mediaType, originalName: e.originalName, acquisition: e.acquisition,
  ...(e.derivedFrom === undefined ? {} : { derivedFrom: e.derivedFrom, operation: e.operation ?? null }),
});
/** Sealed media metadata is stored as canonical JSON already: its hash is of that text. */
export const metadataBodyHash = (canonicalBody: string): string => sha256Hex(canonicalBody);
/** An incident version's body is stored as canonical JSON already: its hash is of that text. */
export const incidentBodyHash = (canonicalBody: string): string => sha256Hex(canonicalBody);
