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
  // One walk of incident_index_programme groups everything but the dashboard's own counts: a
  // few hundred groups at most, summed below, instead of one walk per figure.
  const [base, groups, evidence] = await Promise.all([
    dashboardStats(session, period),
    db.all<{ country: string | null; region: string | null; authorities: string; measures_requested: number; measures_granted: number; days: number | null; n: number }>(
      `SELECT x.country, x.region, x.authorities, x.measures_requested, x.measures_granted, x.days_to_report AS days, count(*) AS n
       FROM incident_index x INDEXED BY incident_index_programme WHERE ${w.sql}
       GROUP BY x.country, x.region, x.authorities, x.measures_requested, x.measures_granted, x.days_to_report`, w.params),
    db.get<{ n: number }>(
      `SELECT count(*) AS n FROM incident_index x WHERE ${w.sql}
       AND EXISTS (SELECT 1 FROM live_evidence e WHERE e.incident_id = x.incident_id)`, w.params),
  ]);
  const byAuthority = new Map<Authority, number>();
  const byRegion = new Map<string, { country: string | null; region: string | null; count: number }>();
  const days = new Map<number, number>();
  let reported = 0;
  let measuresRequested = 0;
  let measuresGranted = 0;
  for (const g of groups) {
    const place = JSON.stringify([g.country, g.region]);
    const r = byRegion.get(place) ?? { country: g.country, region: g.region, count: 0 };
    r.count += g.n;
    byRegion.set(place, r);
    const told = g.authorities === '' ? [] : (g.authorities.split(' ') as Authority[]);
    if (told.length > 0) reported += g.n;
    for (const a of told) byAuthority.set(a, (byAuthority.get(a) ?? 0) + g.n);
    measuresRequested += g.measures_requested * g.n;
    measuresGranted += g.measures_granted * g.n;
    if (g.days !== null) days.set(g.days, (days.get(g.days) ?? 0) + g.n);
  }
  const histogram = [...days].map(([d, n]) => ({ days: d, n }));
  return {
    ...base,
    period,
    byRegion: [...byRegion.values()]
      .sort((a, b) => b.count - a.count || `${a.country ?? ''}/${a.region ?? ''}`.localeCompare(`${b.country ?? ''}/${b.region ?? ''}`)),
    withEvidence: evidence?.n ?? 0,
    reported,
    byAuthority: AUTHORITIES.filter((a) => byAuthority.has(a)).map((authority) => ({ authority, count: byAuthority.get(authority) ?? 0 })),
    medianDaysToComplaint: medianOf(histogram),
    datedComplaints: histogram.reduce((sum, h) => sum + h.n, 0),
    measuresRequested,
    measuresGranted,
  };
}
