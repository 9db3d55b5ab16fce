// The vault is a function of its log: every row of every table that holds records must be
// accounted for by the entry that created it, with the hash that entry committed to, and every
// record an entry created must still exist (a deletion adds a tombstone, it removes nothing).
// Derived tables are compared with what they derive from. This catches a record edited, added,
// removed, hidden or brought back directly with SQL, even when the custody log was left alone.
import type { Database } from '../vault/database';
import type { ScanResult } from './log-scan';
import type { ProblemList } from './verify-problems';
import { verifyCreatedExist, verifyRecords } from './verify-records';
import { verifyIncidentPages } from './verify-incident-pages';
import { verifyTombstones } from './verify-tombstones';
import { verifyEvidence } from './verify-evidence';
import type { VaultObjects } from '../evidence/vault-objects';
import { verifySearchIndexIntegrity } from './verify-derived';
import { verifySettings } from './verify-settings';
import { verifyTexts } from './verify-texts';

export async function verifyContent(db: Database, objects: VaultObjects, scan: Pick<ScanResult, 'commitments'>, problems: ProblemList): Promise<{ records: number; evidence: number }> {
  const log = scan.commitments;
  const present = new Set<string>();
  const records = await verifyRecords(db, log, problems, present);
  await verifyIncidentPages(db, log, problems);
  const evidence = await verifyEvidence(db, objects, log, problems, present);
  verifyCreatedExist(log, present, problems);
  await verifyTombstones(db, log, problems);
  await verifySearchIndexIntegrity(db, problems);
  await verifySettings(db, log, problems);
  await verifyTexts(db, log, problems);
  return { records, evidence };
}
