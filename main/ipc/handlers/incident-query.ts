// The incident list the renderer pages through: search or list, the contract's filters, one
// page, all done in SQL by the core (the page's rows and the total count).
import type { ParsedRequest, Response } from '../../../shared/ipc/contract';
import { listIncidents, searchIncidents, type IncidentFilters } from '../../records/incident-queries';
import type { VaultSession } from '../../accounts/vault-session';
import { wholeDays } from '../../records/time-bounds';

type Filter = ParsedRequest<'incidents.list'>;

export async function queryIncidents(session: VaultSession, f: Filter): Promise<Response<'incidents.list'>> {
  const core: IncidentFilters = {
    caseId: f.caseId,
    riskLevel: f.risk,
    type: f.type,
    notReportedOnly: f.notReportedOnly,
    // Dates from the form are whole days.
    ...wholeDays(f),
  };
  const page = { offset: f.offset, limit: f.limit };
  const query = f.query?.trim();
  // Newest first when listing; search keeps the relevance order FTS5 gives.
  const found = query ? await searchIncidents(session, query, core, page) : await listIncidents(session, core, page);
  return {
    total: found.total,
    items: found.items.map((s) => ({
      id: s.id,
      caseId: s.caseId,
      version: s.version,
      occurredAt: s.occurredAt,
      place: s.place,
      riskLevel: s.riskLevel,
      type: s.type,
      reported: s.reported,
      evidenceCount: s.evidence,
    })),
  };
}
