// Showing an incident's full content is a custody event: the text names the people affected,
// the witnesses and the place, so each time it is shown a `view` entry records who saw which
// version (Brazil's CPP 158-A: every access identified with date, time and purpose). Lists and
// search pages show pseudonymous summaries and are not logged.
import { CustodiaError } from '../../shared/errors/error-codes';
import { appendCustody } from '../custody/custody-log';
import { commitText } from '../custody/committed-texts';
import type { VaultSession } from '../accounts/vault-session';
import { getIncident, type IncidentDetail, type IncidentVersion } from './incident-queries';

export interface ShowOptions {
  /** The version to show; the current one when absent. */
  version?: number;
  /** Every version's content is shown, as `incident show` prints them. */
  withHistory?: boolean;
  /** Why it is read; kept in the vault, the entry commits to it by hash. */
  purpose?: string;
}

export interface ShownIncident {
  detail: IncidentDetail;
  shown: IncidentVersion;
}

export async function showIncident(session: VaultSession, id: number, o: ShowOptions = {}): Promise<ShownIncident> {
  const detail = await getIncident(session, id);
  const shown = o.version === undefined ? detail.versions.at(-1) : detail.versions.find((v) => v.version === o.version);
  if (!shown) throw new CustodiaError('E_NOT_FOUND', `incident ${id} has no version ${o.version}`);
  await session.db.transaction(async (tx) => {
    // No sha256 field: that name commits a subject to its current content, and an old version may be shown.
    await appendCustody(tx, {
      actor: session.user.name, action: 'view', subject: `incident:${id}`,
      details: {
        incidentId: id, version: shown.version, what: o.withHistory ? 'incident_history' : 'incident',
        ...(o.purpose ? { purposeSha256: await commitText(tx, o.purpose) } : {}),
      },
    });
  });
  return { detail, shown };
}
