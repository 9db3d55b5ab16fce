// The custody timeline (whole vault, one case, one subject; paged in SQL) and the dashboard's
// counts (aggregated in SQL by the core), through core services.
import { custodyTimeline, type TimelineScope } from '../../custody/custody-queries';
import { saveCheckpoint } from '../../accounts/sealed-changes';
import { dashboardStats } from '../../records/dashboard-stats';
import type { HandlerGroup } from '../context';
import { requireSession } from '../dispatcher';

/** `case:N` and `incident:N` take in what belongs to them; any other subject is itself alone. */
function scopeOf(subject: string | undefined): TimelineScope {
  const m = /^(case|incident):(\d+)$/.exec(subject ?? '');
  if (m?.[1] === 'case') return { kind: 'case', caseId: Number(m[2]) };
  if (m?.[1] === 'incident') return { kind: 'incident', incidentId: Number(m[2]) };
  return subject ? { kind: 'subject', subject } : { kind: 'vault' };
}

export const custodyHandlers = {
  'custody.timeline': async ({ subject, actor, offset, limit }, ctx) => {
    const session = requireSession(ctx);
    const scope = scopeOf(subject);
    const page = await custodyTimeline(session.db, { scope, offset, limit, ...(actor ? { actor } : {}) });
    return {
      total: page.total,
      entries: page.entries.map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, subject: e.subject, details: e.details })),
    };
  },
  'custody.saveCheckpoint': async (_req, ctx) => {
    const session = requireSession(ctx);
    const out = await ctx.dialogs.chooseCheckpointDestination(`checkpoint-${new Date().toISOString().slice(0, 10)}.json`);
    if (!out) return null;
    const cp = await saveCheckpoint(session, out);
    return { location: out, treeSize: cp.treeSize, rootHash: cp.rootHash };
  },
  'dashboard.stats': async (_req, ctx) => dashboardStats(requireSession(ctx)),
} satisfies HandlerGroup;
