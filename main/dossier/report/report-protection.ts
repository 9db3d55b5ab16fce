// What the export took out or kept to protect people, read from dossier.json's own record of it
// (T5): the recipient sees what is missing and why, instead of guessing.
import type { DossierJson } from '../../../shared/dossier/dossier-json';
import { ROUNDING_SQUARE, roundingOf, type CoordinatePolicy } from '../../../shared/vocabulary/export-protection';
import { fill, type Messages } from '../messages';
import { field, heading, type Doc } from './pdf-layout';

function coordinatesLine(p: CoordinatePolicy, m: Messages['protection']): string {
  const n = roundingOf(p);
  if (n !== null) return fill(m.coordinatesRound, { n, size: ROUNDING_SQUARE[n] });
  return p === 'keep' ? m.coordinatesKeep : m.coordinatesDrop;
}

export function renderProtection(doc: Doc, d: DossierJson, m: Messages): void {
  const p = d.protection;
  if (!p) return;
  const x = m.protection;
  heading(doc, x.title, 12);
  field(doc, x.redacted, p.redact.length ? p.redact.map((r) => x.redactable[r]).join(', ') : x.nothingRedacted);
  field(doc, x.coordinates, coordinatesLine(p.coordinates, x));
  field(doc, x.staff, p.staffNames === 'role' ? x.staffRole : x.staffName);
  field(doc, x.originalNames, p.originalNames ? x.originalNamesYes : x.originalNamesNo);
  field(doc, x.offFile, p.keepOffFileAsPseudonym ? x.offFilePseudonym : x.offFileLeftOut);
}
