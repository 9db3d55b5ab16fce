// Bulk import of incidents in the interchange format: every one is validated before anything is
// written (T9: all or nothing), then all go in ONE transaction with one incident_create custody
// entry each, committing to exactly what addIncident would (same canonical body, same details).
import type { SqlValue } from '../vault/database';
import { CustodiaError } from '../../shared/errors/error-codes';
import type { Incident } from '../../shared/incident/incident-schema';
import { appendCustodyBatch } from '../custody/custody-log';
import { storageError } from '../vault/storage-error';
import { insertRows } from '../vault/insert-rows';
import { assertAllowed } from '../accounts/roles';
import type { VaultSession } from '../accounts/vault-session';
import { requireLiveCase } from './cases';
import { nextRecordId } from './record-ids';
import { parseIncident } from './incident-input';
import { indexRow, insertIndexRows } from './incident-index';
import { canonicalVersion, createEntry, searchRow } from './incidents';

/** One transaction holds every body in memory: callers split larger sets into several imports. */
export const MAX_IMPORT = 100_000;

/** Every incident parsed, or E_INVALID_INCIDENT naming the first invalid one's index. */
export function validateIncidents(inputs: readonly unknown[]): Incident[] {
  return inputs.map((input, index) => {
    try {
      return parseIncident(input);
    } catch (e) {
      if (!(e instanceof CustodiaError)) throw e;
      throw new CustodiaError('E_INVALID_INCIDENT', `incident ${index}: ${e.message}`, { index, ...(e.details ?? {}) });
    }
  });
}

export async function importIncidents(session: VaultSession, caseId: number, inputs: readonly unknown[]): Promise<{ ids: number[] }> {
  await assertAllowed(session, 'records.write', `case:${caseId}`);
  if (inputs.length === 0 || inputs.length > MAX_IMPORT) {
    throw new CustodiaError('E_INVALID_INPUT', `an import holds 1 to ${MAX_IMPORT} incidents, not ${inputs.length}`);
  }
  const incidents = validateIncidents(inputs);
  const actor = session.user.name;
  const written = session.db.transaction(async (tx) => {
    await requireLiveCase(tx, caseId);
    // Ids are taken in one block past every id ever used: the exclusive transaction keeps them ours.
    const first = await nextRecordId(tx, 'incident');
    const at = new Date().toISOString();
    const heads: SqlValue[][] = [];
    const versions: SqlValue[][] = [];
    const search: SqlValue[][] = [];
    const index: SqlValue[][] = [];
    const entries = incidents.map((incident, k) => {
      const id = first + k;
      const { body, sha256 } = canonicalVersion(incident);
      heads.push([id, caseId, at, actor]);
      versions.push([id, 1, body, sha256, at, actor]);
      search.push(searchRow(id, incident));
      index.push(indexRow(id, caseId, 1, sha256, incident));
      return createEntry(actor, id, caseId, sha256);
    });
    await insertRows(tx, 'incidents', ['id', 'case_id', 'created_at', 'created_by'], heads);
    await insertRows(tx, 'incident_versions', ['incident_id', 'version', 'body', 'sha256', 'saved_at', 'saved_by'], versions);
    await insertRows(tx, 'incident_search', ['rowid', 'place', 'verbatim', 'body'], search);
    await insertIndexRows(tx, index);
    await appendCustodyBatch(tx, entries);
    return { ids: incidents.map((_, k) => first + k) };
  });
  return written.catch((e: unknown) => {
    throw storageError(e, `importing ${incidents.length} incidents`);
  });
}
