// An exhibit's original file name travels only when the export asks (originalNames), and then
// scrubbed as every text of the dossier is: protected names, contacts and numbers taken out.
import type { ExportProtection } from './export-protection';
import type { Pseudonymised } from './pseudonymise';

export function exportedOriginalName(
  e: { originalName?: string | undefined },
  protection: ExportProtection | undefined,
  incidents: readonly Pick<Pseudonymised, 'scrub'>[],
): string | undefined {
  if (!protection?.originalNames || e.originalName === undefined) return undefined;
  return incidents.reduce((name, p) => p.scrub(name), e.originalName);
}
