// Incidents: an edit adds a version, a delete adds a tombstone; each is a custody entry that
// commits to the sha256 of the canonical incident it concerns. The list index row of the
// incident changes in the same transaction, so lists never disagree with the versions.
import { canonicalJson } from '../../shared/custody/canonical-json';
import { CustodiaError } from '../../shared/errors/error-codes';
import { appendCustody, type CustodyInput } from '../custody/custody-log';
import { commitText, textCommitment } from '../custody/committed-texts';
import type { Database } from '../vault/database';
import { assertAllowed } from '../accounts/roles';
import type { VaultSession } from '../accounts/vault-session';
import { requireLiveCase } from './cases';
import { incidentText, parseIncident } from './incident-input';
import { indexRow, markIndexDeleted, putIndexRows } from './incident-index';
import { incidentBodyHash } from '../custody/record-hash';
import { nextRecordId } from './record-ids';
import type { Incident } from '../../shared/incident/incident-schema';

export interface IncidentVersionRef {
  id: number;
  version: number;
  sha256: string;
}

const MAX_REASON = 5_000;

/** The stored form of a version: canonical body and the hash custody entries commit to. */
export function canonicalVersion(incident: Incident): { body: string; sha256: string } {
  const body = canonicalJson(incident);
  return { body, sha256: incidentBodyHash(body) };
}

/** The incident_create entry: the same commitment whether one incident is added or many imported. */
export function createEntry(actor: string, id: number, caseId: number, sha256: string): CustodyInput {
  return { actor, action: 'incident_create', subject: `incident:${id}`, details: { incidentId: id, caseId, version: 1, sha256 } };
}

/** Full-text row for the app's search (rowid = incident id). */
export function searchRow(id: number, incident: Incident): [number, string, string, string] {
  const t = incidentText(incident);
  return [id, t.place, t.verbatim, t.body];
}

async function indexText(tx: Database, id: number, incident: Incident | null): Promise<void> {
  await tx.run('DELETE FROM incident_search WHERE rowid = ?', [id]);
  if (!incident) return;
  await tx.run('INSERT INTO incident_search (rowid, place, verbatim, body) VALUES (?, ?, ?, ?)', searchRow(id, incident));
}

/** The current version of a live incident, or E_NOT_FOUND. */
export async function currentVersion(db: Database, id: number): Promise<{ caseId: number; version: number; sha256: string }> {
  const row = await db.get<{ case_id: number; version: number; sha256: string; deleted: number }>(`
    SELECT i.case_id, v.version, v.sha256,
      i.id IN (SELECT id FROM deleted_incidents) AS deleted
    FROM incidents i JOIN incident_versions v ON v.incident_id = i.id
    WHERE i.id = ? ORDER BY v.version DESC LIMIT 1`, [id]);
  if (!row || row.deleted === 1) throw new CustodiaError('E_NOT_FOUND', `no incident ${id}`);
  return { caseId: row.case_id, version: row.version, sha256: row.sha256 };
}

async function saveVersion(tx: Database, session: VaultSession, id: number, caseId: number, version: number, incident: Incident): Promise<IncidentVersionRef> {
  const { body, sha256 } = canonicalVersion(incident);
  await tx.run('INSERT INTO incident_versions (incident_id, version, body, sha256, saved_at, saved_by) VALUES (?, ?, ?, ?, ?, ?)', [
    id, version, body, sha256, new Date().toISOString(), session.user.name,
  ]);
  await indexText(tx, id, incident);
  await putIndexRows(tx, [indexRow(id, caseId, version, sha256, incident)]);
  return { id, version, sha256 };
}

export async function addIncident(session: VaultSession, caseId: number, input: unknown): Promise<IncidentVersionRef> {
  await assertAllowed(session, 'records.write', `case:${caseId}`);
  const incident = parseIncident(input);
  return session.db.transaction(async (tx) => {
    await requireLiveCase(tx, caseId);
    const id = await nextRecordId(tx, 'incident');
    await tx.run('INSERT INTO incidents (id, case_id, created_at, created_by) VALUES (?, ?, ?, ?)', [
      id, caseId, new Date().toISOString(), session.user.name,
    ]);
    const ref = await saveVersion(tx, session, id, caseId, 1, incident);
    await appendCustody(tx, createEntry(session.user.name, id, caseId, ref.sha256));
    return ref;
  });
}

export interface EditOptions {
  /** The version the editor started from: two people editing one incident must not overwrite each other. */
  baseVersion?: number;
  /** Why it was changed; kept in the vault, the edit entry commits to it by hash. */
  reason?: string;
}

function checkedReason(reason: string): string {
  const why = reason.trim();
  if (why.length === 0 || why.length > MAX_REASON) {
    throw new CustodiaError('E_INVALID_INPUT', `a reason is 1 to ${MAX_REASON} characters`);
  }
  return why;
}

/** Adds a version; an edit that changes nothing adds nothing and returns the current version. */
export async function editIncident(session: VaultSession, id: number, input: unknown, o: EditOptions = {}): Promise<IncidentVersionRef> {
  await assertAllowed(session, 'records.write', `incident:${id}`);
  const incident = parseIncident(input);
  const why = o.reason === undefined ? undefined : checkedReason(o.reason);
  return session.db.transaction(async (tx) => {
    const current = await currentVersion(tx, id);
    // Checked inside the transaction, so no other edit can land between the check and the save.
    if (o.baseVersion !== undefined && o.baseVersion !== current.version) {
      throw new CustodiaError('E_STALE_VERSION', `incident ${id} is at version ${current.version}, not ${o.baseVersion}; reload it before saving`);
    }
    if (canonicalVersion(incident).sha256 === current.sha256) return { id, version: current.version, sha256: current.sha256 };
    const ref = await saveVersion(tx, session, id, current.caseId, current.version + 1, incident);
    await appendCustody(tx, {
      actor: session.user.name, action: 'incident_edit', subject: `incident:${id}`,
      details: {
        incidentId: id, version: ref.version, previousSha256: current.sha256, sha256: ref.sha256,
        ...(why ? { reasonSha256: await commitText(tx, why) } : {}),
      },
    });
    return ref;
  });
}

/** A tombstone with a reason: the versions stay, the incident leaves lists and search. The entry
 * commits to the tombstone's reason (by hash: the words stay in the tombstone) and time (its actor
 * is the entry's), so `log verify` can tell. */
export async function deleteIncident(session: VaultSession, id: number, reason: string): Promise<void> {
  await assertAllowed(session, 'records.write', `incident:${id}`);
  const why = checkedReason(reason);
  await session.db.transaction(async (tx) => {
    const current = await currentVersion(tx, id);
    const deletedAt = new Date().toISOString();
    await tx.run("INSERT INTO tombstones (subject_type, subject_id, reason, deleted_at, deleted_by) VALUES ('incident', ?, ?, ?, ?)", [
      id, why, deletedAt, session.user.name,
    ]);
    await indexText(tx, id, null);
    await markIndexDeleted(tx, id);
    await appendCustody(tx, {
      actor: session.user.name, action: 'delete', subject: `incident:${id}`,
      details: { incidentId: id, version: current.version, sha256: current.sha256, reasonSha256: textCommitment(why), deletedAt },
    });
  });
}
