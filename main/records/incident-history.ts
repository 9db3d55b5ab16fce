// An incident's versions as the history panel and `incident history` list them: who saved
// each, when, and which top-level fields it changed.
import type { Incident } from '../../shared/incident/incident-schema';
import type { VaultSession } from '../accounts/vault-session';
import { getIncident } from './incident-queries';

export interface VersionSummary {
  version: number;
  at: string;
  by: string;
  changed: string[];
}

/** Top-level fields whose value differs from the previous version (all of them for the first). */
export function changedFields(before: Incident | undefined, after: Incident): string[] {
  if (!before) return Object.keys(after).sort();
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k as keyof Incident]) !== JSON.stringify(after[k as keyof Incident])).sort();
}

export async function incidentHistory(session: VaultSession, id: number): Promise<VersionSummary[]> {
  const detail = await getIncident(session, id);
  return detail.versions.map((v, i) => ({
    version: v.version, at: v.savedAt, by: v.savedBy, changed: changedFields(detail.versions[i - 1]?.incident, v.incident),
  }));
}
