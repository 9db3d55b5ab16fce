// Cases, incidents and their versions through the core's record services.
import { CustodiaError } from '../../../shared/errors/error-codes';
import type { Incident } from '../../../shared/incident/incident-schema';
import { addCase, listCases, setCaseStatus } from '../../records/cases';
import { addIncident, editIncident } from '../../records/incidents';
import { getIncident } from '../../records/incident-queries';
import type { HandlerGroup } from '../context';
import { requireSession } from '../dispatcher';
import { queryIncidents } from './incident-query';

/** Top-level fields whose value differs from the previous version. */
export function changedFields(before: Incident | undefined, after: Incident): string[] {
  if (!before) return Object.keys(after);
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k as keyof Incident]) !== JSON.stringify(after[k as keyof Incident])).sort();
}

export const recordHandlers = {
  'cases.list': async (_req, ctx) => {
    const cases = await listCases(requireSession(ctx));
    // The core has no closing of cases yet: every live case is open.
    return cases
      .filter((c) => !c.deleted)
      .map((c) => ({ id: c.id, title: c.title, status: c.status, incidentCount: c.incidents, createdAt: c.createdAt }));
  },
  'cases.add': async ({ title }, ctx) => ({ id: (await addCase(requireSession(ctx), { title })).id }),
  'cases.setStatus': async ({ id, status }, ctx) => {
    await setCaseStatus(requireSession(ctx), id, status);
    return { ok: true as const };
  },

  'incidents.list': async (filter, ctx) => queryIncidents(requireSession(ctx), filter),
  'incidents.get': async ({ id, version }, ctx) => {
    const detail = await getIncident(requireSession(ctx), id);
    const chosen = version === undefined ? detail.versions.at(-1) : detail.versions.find((v) => v.version === version);
    if (!chosen) throw new CustodiaError('E_NOT_FOUND', `incident ${id} has no version ${version}`);
    return { id, caseId: detail.caseId, version: chosen.version, incident: chosen.incident };
  },
  'incidents.add': async ({ caseId, incident }, ctx) => {
    const r = await addIncident(requireSession(ctx), caseId, incident);
    return { id: r.id, version: r.version };
  },
  'incidents.edit': async ({ id, baseVersion, incident }, ctx) => {
    const session = requireSession(ctx);
    // Two people editing the same incident: the second must see the first's version, not overwrite it.
    const current = await getIncident(session, id);
    if (current.version !== baseVersion) throw new CustodiaError('E_STALE_VERSION', `incident ${id} is at version ${current.version}`);
    const r = await editIncident(session, id, incident);
    return { id: r.id, version: r.version };
  },
  'incidents.versions': async ({ id }, ctx) => {
    const detail = await getIncident(requireSession(ctx), id);
    return detail.versions.map((v, i) => ({
      version: v.version,
      at: v.savedAt,
      by: v.savedBy,
      changed: changedFields(detail.versions[i - 1]?.incident, v.incident),
    }));
  },
} satisfies HandlerGroup;
