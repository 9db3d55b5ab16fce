// The custody timeline (whole vault, one case, one subject; paged in SQL), the dashboard's
// counts (aggregated in SQL by the core), and the auditor's log package: exported from a vault,
// checked with none (auditors hold no vault key), through core services.
import { custodyTimeline, type TimelineScope } from '../../custody/custody-queries';
import { saveCheckpoint } from '../../accounts/sealed-changes';
import { earlierTreeFrom, exportLogPackage, verifyLogPackageFile } from '../../audit/log-package';
import { parseCheckpointFile } from '../../custody/checkpoint-file';
import { programmeCsv } from '../../records/programme-csv';
import { programmeStats } from '../../records/programme-stats';
import { wholeDays } from '../../records/time-bounds';
import { writeFileAtomic } from '../../platform/atomic-write';
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
  'custody.exportPackage': async (_req, ctx) => {
    const session = requireSession(ctx);
    const out = await ctx.dialogs.chooseLogPackageDestination(`custody-log-${new Date().toISOString().slice(0, 10)}.json`);
    if (!out) return null;
    const r = await exportLogPackage(session, out);
    return { location: r.out, entries: r.entries, checkpoints: r.checkpoints, rootHash: r.rootHash };
  },
  'custody.verifyPackage': async ({ token, earlierToken }, ctx) => {
    const path = ctx.files.take(token);
    const earlier = earlierToken ? await earlierTreeFrom(ctx.files.take(earlierToken), parseCheckpointFile) : undefined;
    const r = await verifyLogPackageFile(path, earlier);
    return {
      ok: r.ok, entries: r.entries, checkpoints: r.checkpoints, signedUpTo: r.signedUpTo, rosters: r.rosters, rootHash: r.rootHash,
      problems: r.problems.slice(0, 1000).map((p) => ({ code: p.code, message: p.message.slice(0, 2000), ...(p.seq !== undefined ? { seq: p.seq } : {}) })),
    };
  },
  'dashboard.stats': async (period, ctx) => {
    const { period: _asked, ...figures } = await programmeStats(requireSession(ctx), wholeDays(period));
    return figures;
  },
  'dashboard.saveCsv': async ({ figure, ...period }, ctx) => {
    const session = requireSession(ctx);
    const stats = await programmeStats(session, wholeDays(period));
    const out = await ctx.dialogs.chooseCsvDestination(`custodia-${figure}-${new Date().toISOString().slice(0, 10)}.csv`);
    if (!out) return null;
    await writeFileAtomic(out, programmeCsv(stats, figure));
    return { location: out };
  },
} satisfies HandlerGroup;

