// The custody timeline of one subject, and the dashboard's counts, through core services.
import { CustodiaError } from '../../../shared/errors/error-codes';
import { entriesFor } from '../../custody/custody-log';
import { listCases } from '../../records/cases';
import { listIncidents } from '../../records/incident-queries';
import type { HandlerTable } from '../context';
import { requireSession } from '../dispatcher';

export const custodyHandlers: HandlerTable = {
  'custody.timeline': async ({ subject, actor, offset, limit }, ctx) => {
    const session = requireSession(ctx);
    if (!subject) throw new CustodiaError('E_UNAVAILABLE', 'the whole-vault and per-person timelines need a custody query service');
    const entries = (await entriesFor(session.db, subject)).filter((e) => !actor || e.actor === actor);
    return {
      total: entries.length,
      entries: entries.slice(offset, offset + limit).map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, subject: e.subject, details: e.details })),
    };
  },
  'dashboard.stats': async (_req, ctx) => {
    const session = requireSession(ctx);
    const [incidents, cases] = await Promise.all([listIncidents(session), listCases(session)]);
    const months = new Map<string, { low: number; medium: number; high: number }>();
    const types = new Map<string, number>();
    for (const i of incidents) {
      // The month as recorded where it happened (the offset-local date), not the viewer's.
      const month = i.occurredAt.slice(0, 7);
      const m = months.get(month) ?? { low: 0, medium: 0, high: 0 };
      m[i.riskLevel] += 1;
      months.set(month, m);
      types.set(i.type, (types.get(i.type) ?? 0) + 1);
    }
    return {
      byMonth: [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, m]) => ({ month, ...m })),
      byType: [...types].sort((a, b) => b[1] - a[1]).map(([type, count]) => ({ type, count })),
      openCases: cases.filter((c) => !c.deleted).length,
      notReported: null,
      total: incidents.length,
    };
  },
};
