// The programme's own numbers, as organisations report them to funders: incidents by month,
// risk, type and region; the share documented with evidence; the share reported and to whom;
// the median days from incident to complaint; measures requested and granted; open cases.
// Counted in SQL over the list index (incident-index.ts), which carries what each figure needs,
// so 100,000 incidents are counted without reading one body. Figures hold counts and place
// names only: no person, no pseudonym, no free text.
import { AUTHORITIES } from '../../shared/incident/incident-schema';
import { CustodiaError } from '../../shared/errors/error-codes';
import { assertAllowed } from '../accounts/roles';
import type { VaultSession } from '../accounts/vault-session';
import { dashboardStats, type DashboardStats } from './dashboard-stats';
import { periodWhere, type StatsPeriod } from './incident-stats';

type Authority = (typeof AUTHORITIES)[number];

export interface ProgrammeStats extends DashboardStats {
  period: StatsPeriod;
  byRegion: { country: string | null; region: string | null; count: number }[];
  /** Incidents with at least one evidence item that is not deleted. */
  withEvidence: number;
  reported: number;
  /** Incidents reported to each authority (one incident may count for several). */
  byAuthority: { authority: Authority; count: number }[];
  /** Days from the local date it occurred to its first dated complaint; null with no dated complaint. */
  medianDaysToComplaint: number | null;
  /** How many incidents the median is taken over. */
  datedComplaints: number;
  measuresRequested: number;
  measuresGranted: number;
}

/** The median of a histogram of whole days (the mean of the two middle values for an even count). */
export function medianOf(histogram: readonly { days: number; n: number }[]): number | null {
  const sorted = [...histogram].sort((a, b) => a.days - b.days);
  const total = sorted.reduce((s, h) => s + h.n, 0);
  if (total === 0) return null;
  const at = (rank: number): number => {
    let seen = 0;
    for (const h of sorted) {
      seen += h.n;
      if (rank < seen) return h.days;
    }
    throw new CustodiaError('E_INTERNAL', 'a rank past the histogram');
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

export async function programmeStats(session: VaultSession, period: StatsPeriod = {}): Promise<ProgrammeStats> {
  await assertAllowed(session, 'records.read', 'incident');
  const w = periodWhere(period);
  const { db } = session;
  const [base, regions, reports, days, evidence] = await Promise.all([
    dashboardStats(session, period),
    db.all<{ country: string | null; region: string | null; n: number }>(
      `SELECT x.country, x.region, count(*) AS n FROM incident_index x WHERE ${w.sql} GROUP BY x.country, x.region`, w.params),
    db.all<{ authorities: string; measures_requested: number; measures_granted: number; n: number }>(
      `SELECT x.authorities, x.measures_requested, x.measures_granted, count(*) AS n FROM incident_index x WHERE ${w.sql}
       GROUP BY x.authorities, x.measures_requested, x.measures_granted`, w.params),
    db.all<{ days: number; n: number }>(
      `SELECT CAST(round(julianday(x.first_report_on) - julianday(substr(x.occurred_at, 1, 10))) AS INTEGER) AS days, count(*) AS n
       FROM incident_index x WHERE ${w.sql} AND x.first_report_on IS NOT NULL GROUP BY days`, w.params),
    db.get<{ n: number }>(
      `SELECT count(*) AS n FROM incident_index x WHERE ${w.sql}
       AND EXISTS (SELECT 1 FROM live_evidence e WHERE e.incident_id = x.incident_id)`, w.params),
  ]);
  const byAuthority = new Map<Authority, number>();
  let reported = 0;
  let measuresRequested = 0;
  let measuresGranted = 0;
  for (const r of reports) {
    const told = r.authorities === '' ? [] : (r.authorities.split(' ') as Authority[]);
    if (told.length > 0) reported += r.n;
    for (const a of told) byAuthority.set(a, (byAuthority.get(a) ?? 0) + r.n);
    measuresRequested += r.measures_requested * r.n;
    measuresGranted += r.measures_granted * r.n;
  }
  return {
    ...base,
    period,
    byRegion: regions.map((r) => ({ country: r.country, region: r.region, count: r.n }))
      .sort((a, b) => b.count - a.count || `${a.country ?? ''}/${a.region ?? ''}`.localeCompare(`${b.country ?? ''}/${b.region ?? ''}`)),
    withEvidence: evidence?.n ?? 0,
    reported,
    byAuthority: AUTHORITIES.filter((a) => byAuthority.has(a)).map((authority) => ({ authority, count: byAuthority.get(authority) ?? 0 })),
    medianDaysToComplaint: medianOf(days),
    datedComplaints: days.reduce((s, d) => s + d.n, 0),
    measuresRequested,
    measuresGranted,
  };
}
