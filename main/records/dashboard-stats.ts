// The dashboard's figures in one core call: incident counts and how many live cases are open.
import type { VaultSession } from '../accounts/vault-session';
import { listCases, type CaseSummary } from './cases';
import { incidentStats, type IncidentStats, type StatsPeriod } from './incident-stats';

export interface DashboardStats extends IncidentStats {
  openCases: number;
}

/** A deleted case is not open, whatever its last status said. */
export function openCaseCount(cases: readonly CaseSummary[]): number {
  return cases.filter((c) => !c.deleted && c.status === 'open').length;
}

/** Incident counts of the period; open cases are counted as they stand now. */
export async function dashboardStats(session: VaultSession, period: StatsPeriod = {}): Promise<DashboardStats> {
  const stats = await incidentStats(session, period);
  return { ...stats, openCases: openCaseCount(await listCases(session)) };
}
