// Cases, incidents and their versions through the core's record services.
import { addCase, listCases, setCaseStatus } from '../../records/cases';
import { addIncident, editIncident } from '../../records/incidents';
import { incidentHistory } from '../../records/incident-history';
import { showIncident } from '../../records/show-incident';
import type { HandlerGroup } from '../context';
import { requireSession } from '../dispatcher';
import { queryIncidents } from './incident-query';

export const recordHandlers = {
  'cases.list': async (_req, ctx) => {
    const cases = await listCases(requireSession(ctx));
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
    const { detail, shown } = await showIncident(requireSession(ctx), id, { version });
    return { id, caseId: detail.caseId, version: shown.version, incident: shown.incident };
  },
  'incidents.add': async ({ caseId, incident }, ctx) => {
    const r = await addIncident(requireSession(ctx), caseId, incident);
    return { id: r.id, version: r.version };
  },
  'incidents.edit': async ({ id, baseVersion, incident, reason }, ctx) => {
    const r = await editIncident(requireSession(ctx), id, incident, { baseVersion, reason });
    return { id: r.id, version: r.version };
  },
  'incidents.versions': async ({ id }, ctx) => incidentHistory(requireSession(ctx), id),
} satisfies HandlerGroup;
