// An evidence item as the page sees it: facts and hashes, never bytes or paths.
import type { Response } from '../../../shared/ipc/contract';
import type { EvidenceItem } from '../../evidence/list-evidence';

export function evidenceSummary(e: EvidenceItem): Response<'evidence.list'>[number] {
  return {
    id: e.id, incidentId: e.incidentId, name: e.originalName, mediaType: e.mediaType, bytes: e.bytes, sha256: e.sha256,
    importedAt: e.importedAt, importedBy: e.importedBy, derivedFrom: e.derivedFrom,
  };
}
