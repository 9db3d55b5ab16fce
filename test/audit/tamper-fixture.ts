// Builds a small real vault and gives tests the tools an insider with the database key has:
// raw SQL with the append-only triggers dropped.
import { addCase } from '../../main/records/cases';
import { addIncident, editIncident } from '../../main/records/incidents';
import { signSessionCheckpoint } from '../../main/accounts/sealed-changes';
import { importEvidence } from '../../main/evidence/import-evidence';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Checkpoint } from '../../shared/custody/checkpoint';
import type { Database } from '../../main/vault/database';
import { INCIDENT, tempVault, type TempVault } from '../vault/fixture';

export interface PopulatedVault extends TempVault {
  checkpoint: Checkpoint;
  incidentId: number;
  evidenceId: number;
}

export async function populatedVault(): Promise<PopulatedVault> {
  const v = await tempVault();
  const { id: caseId } = await addCase(v.session, { title: 'Amenazas km 108' });
  const { id: incidentId } = await addIncident(v.session, caseId, INCIDENT);
  await editIncident(v.session, incidentId, { ...INCIDENT, riskLevel: 'medium' });
  await addIncident(v.session, caseId, { ...INCIDENT, type: 'surveillance' });
  const file = join(v.dir, 'nota-amenaza.txt');
  await writeFile(file, 'Deja de denunciar. '.repeat(5000));
  // Small chunks so the item spans several of them.
  const { id: evidenceId } = await importEvidence(v.session, incidentId, file, { method: 'received', from: 'Defensora A' }, { chunkSize: 16 * 1024 });
  const checkpoint = await signSessionCheckpoint(v.session);
  return Object.assign(v, { checkpoint, incidentId, evidenceId });
}

const TRIGGERS = ['custody_log', 'merkle_nodes', 'checkpoints', 'signing_keys', 'incident_versions', 'tombstones', 'evidence', 'evidence_objects', 'case_status', 'custody_texts']
  .flatMap((t) => [`${t}_no_update`, `${t}_no_delete`]);

/** Raw SQL as an insider would run it: the triggers are only a guard against our own bugs. */
export async function tamper(db: Database, sql: string): Promise<void> {
  for (const t of TRIGGERS) await db.exec(`DROP TRIGGER IF EXISTS ${t}`);
  await db.exec(sql);
}
