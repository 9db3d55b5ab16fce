// The dashboard's counts of live incidents, aggregated in SQL over the list index: by month and
// risk level, by type, and how many were reported to no authority (the field protocol's early warning).
import type { RiskLevel } from '../../shared/incident/incident-schema';
import type { SqlValue } from '../vault/database';
import { assertAllowed } from '../accounts/roles';
import type { VaultSession } from '../accounts/vault-session';
import { instantBound } from './time-bounds';

export interface IncidentStats {
  /** The month as recorded where it happened (the offset-local date), not the viewer's. */
  byMonth: { month: string; low: number; medium: number; high: number }[];
  byType: { type: string; count: number }[];
  notReported: number;
  total: number;
}

/** A time filter on when incidents occurred; absent bounds are open. */
export interface StatsPeriod {
  /** ISO dates or instants, compared as instants. */
  from?: string;
  to?: string;
}

/** The WHERE clause over incident_index `x` for live incidents of the period. */
export function periodWhere(p: StatsPeriod): { sql: string; params: SqlValue[] } {
  const terms = ['x.deleted = 0'];
  const params: SqlValue[] = [];
  if (p.from !== undefined) { terms.push('x.occurred_utc >= ?'); params.push(instantBound(p.from)); }
  if (p.to !== undefined) { terms.push('x.occurred_utc <= ?'); params.push(instantBound(p.to)); }
  return { sql: terms.join(' AND '), params };
}

export async function incidentStats(session: VaultSession, period: StatsPeriod = {}): Promise<IncidentStats> {
  await assertAllowed(session, 'records.read', 'incident');
  const w = periodWhere(period);
  // Without a period, one walk of incident_index_stats, which is ordered as grouped here (month,
  // risk, type, reported): no sort and no table row read; with one, a range of incident_index_time,
  // which covers the same columns. The fine groups are summed below.
  const groups = await session.db.all<{ month: string; risk_level: RiskLevel; type: string; reported: number; n: number }>(`
    SELECT substr(occurred_at, 1, 7) AS month, risk_level, type, reported, count(*) AS n
    FROM incident_index x WHERE ${w.sql} GROUP BY month, risk_level, type, reported`, w.params);
  const byMonth = new Map<string, { month: string; low: number; medium: number; high: number }>();
  const byType = new Map<string, number>();
  let total = 0;
  let notReported = 0;
  for (const g of groups) {
    const m = byMonth.get(g.month) ?? { month: g.month, low: 0, medium: 0, high: 0 };
    m[g.risk_level] += g.n;
    byMonth.set(g.month, m);
    byType.set(g.type, (byType.get(g.type) ?? 0) + g.n);
    total += g.n;
    if (g.reported === 0) notReported += g.n;
  }
  return {
    byMonth: [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month)),
    byType: [...byType].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
    notReported,
    total,
  };
}
