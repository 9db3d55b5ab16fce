// Texts of a dossier that belong to no one incident (an exhibit's original file name, the
// export's purpose) are scrubbed as every incident's texts are: each incident's protected names,
// contacts and numbers taken out. An original file name travels only when the export asks.
import type { ExportProtection } from './export-protection';
import type { Pseudonymised } from './pseudonymise';

export function scrubAcross(text: string, incidents: readonly Pick<Pseudonymised, 'scrub'>[]): string {
  return incidents.reduce((t, p) => p.scrub(t), text);
}

export function exportedOriginalName(
  e: { originalName?: string | undefined },
  protection: ExportProtection | undefined,
  incidents: readonly Pick<Pseudonymised, 'scrub'>[],
): string | undefined {
  if (!protection?.originalNames || e.originalName === undefined) return undefined;
  return scrubAcross(e.originalName, incidents);
}
