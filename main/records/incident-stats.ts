// The dashboard's counts of live incidents, aggregated in SQL over the list index: by month and
// risk level, by type, and how many were reported to no authority (the field protocol's early warning).
import type { RiskLevel } from '../../shared/incident/incident-schema';
import { assertAllowed } from '../vault/roles';
import type { VaultSession } from '../vault/vault-session';

export interface IncidentStats {
  /** The month as recorded where it happened (the offset-local date), not the viewer's. */
  byMonth: { month: string; low: number; medium: number; high: number }[];
  byType: { type: string; count: number }[];
  notReported: number;
  total: number;
}

export async function incidentStats(session: VaultSession): Promise<IncidentStats> {
  await assertAllowed(session, 'records.read', 'incident');
  const months = await session.db.all<{ month: string; risk_level: RiskLevel; n: number }>(`
    SELECT substr(occurred_at, 1, 7) AS month, risk_level, count(*) AS n FROM incident_index
    WHERE deleted = 0 GROUP BY month, risk_level ORDER BY month`);
  const types = await session.db.all<{ type: string; n: number }>(
    'SELECT type, count(*) AS n FROM incident_index WHERE deleted = 0 GROUP BY type ORDER BY n DESC, type');
  const totals = await session.db.get<{ total: number; notReported: number | null }>(
    'SELECT count(*) AS total, sum(reported = 0) AS notReported FROM incident_index WHERE deleted = 0');
  const byMonth = new Map<string, { month: string; low: number; medium: number; high: number }>();
  for (const r of months) {
    const m = byMonth.get(r.month) ?? { month: r.month, low: 0, medium: 0, high: 0 };
    m[r.risk_level] += r.n;
    byMonth.set(r.month, m);
  }
  return {
    byMonth: [...byMonth.values()],
    byType: types.map((t) => ({ type: t.type, count: t.n })),
    notReported: totals?.notReported ?? 0,
    total: totals?.total ?? 0,
  };
}
