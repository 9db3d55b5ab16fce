// The incident list the renderer pages through: search or list, the contract's filters, a page.
import { CustodiaError } from '../../../shared/errors/error-codes';
import type { ParsedRequest, Response } from '../../../shared/ipc/contract';
import { listIncidents, searchIncidents, type IncidentFilters, type IncidentSummary } from '../../records/incident-queries';
import type { VaultSession } from '../../vault/vault-session';

type Filter = ParsedRequest<'incidents.list'>;

export async function queryIncidents(session: VaultSession, f: Filter): Promise<Response<'incidents.list'>> {
  if (f.notReportedOnly) {
    throw new CustodiaError('E_UNAVAILABLE', 'filtering by "not reported" needs the record summary to say whether an incident was reported');
  }
  const core: IncidentFilters = {
    caseId: f.caseId,
    riskLevel: f.risk?.length === 1 ? f.risk[0] : undefined,
    type: f.type?.length === 1 ? f.type[0] : undefined,
    // Dates from the form are whole days: from the first instant of `from` to the last of `to`.
    from: f.from ? `${f.from}T00:00:00Z` : undefined,
    to: f.to ? `${f.to}T23:59:59.999Z` : undefined,
  };
  const query = f.query?.trim();
  const all = query ? await searchIncidents(session, query, core) : await listIncidents(session, core);
  const wanted = all.filter((s: IncidentSummary) => (!f.risk || f.risk.includes(s.riskLevel)) && (!f.type || f.type.includes(s.type)));
  // Newest first when listing; search keeps the relevance order FTS5 gave.
  if (!query) wanted.sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt) || b.id - a.id);
  return {
    total: wanted.length,
    items: wanted.slice(f.offset, f.offset + f.limit).map((s) => ({
      id: s.id,
      caseId: s.caseId,
      version: s.version,
      occurredAt: s.occurredAt,
      place: s.place,
      riskLevel: s.riskLevel,
      type: s.type,
      reported: null,
      evidenceCount: s.evidence,
    })),
  };
}
