// Each exhibit with its picture and the hashes that tie it to the file in the bag and to the
// sealed original (T4: "this photo was altered").
import type { DossierExhibitJson } from '../../../shared/dossier/dossier-json';
import { fill, type Messages } from '../messages';
import { COLOR, contentWidth, field, heading, keepSpace, paragraph, rule, type Doc } from './pdf-layout';

const PREVIEW_HEIGHT = 190;

export function renderExhibit(doc: Doc, n: number, e: DossierExhibitJson, preview: Buffer | null, m: Messages): void {
  const x = m.exhibits;
  keepSpace(doc, PREVIEW_HEIGHT + 120);
  doc.font('bold').fontSize(12).fillColor(COLOR.text).text(`${n}. ${e.file.replace(/^data\/(exhibits|originals)\//, '')}`);
  doc.moveDown(0.3);
  if (preview) {
    doc.image(preview, doc.page.margins.left, doc.y, { fit: [contentWidth(doc), PREVIEW_HEIGHT] });
    doc.y += PREVIEW_HEIGHT + 6;
  } else {
    doc.font('regular').fontSize(9).fillColor(COLOR.label).text(x.noPreview);
    doc.moveDown(0.4);
  }
  field(doc, x.file, e.file, { mono: true });
  field(doc, x.mediaType, `${e.mediaType} · ${fill(x.bytes, { n: e.bytes })}`);
  field(doc, x.sha256, e.sha256, { mono: true });
  field(doc, x.originalSha256, e.originalSha256, { mono: true });
  if (e.originalFile) field(doc, x.originalFile, e.originalFile, { mono: true });
  if (e.originalName !== undefined) field(doc, x.originalName, e.originalName);
  // The promise is per exhibit, from what was done to it (T5): never one sentence for all.
  if (e.cleaned === false) {
    field(doc, x.metadata, x.notCleaned);
  } else {
    field(doc, x.removed, e.removedMetadata.length ? e.removedMetadata.join(', ') : x.nothingRemoved);
    field(doc, x.metadata, x.cleanedPromise);
  }
  if (e.pixelsIdentical !== undefined) field(doc, x.pixels, e.pixelsIdentical ? x.pixelsIdentical : x.pixelsReencoded);
  if (e.originalPixelSha256) field(doc, x.originalPixelSha256, e.originalPixelSha256, { mono: true });
  if (e.exhibitPixelSha256) field(doc, x.exhibitPixelSha256, e.exhibitPixelSha256, { mono: true });
  if (e.incidentId) field(doc, x.incident, e.incidentId, { mono: true });
  rule(doc);
}

export function renderExhibitsIntro(doc: Doc, m: Messages): void {
  heading(doc, m.exhibits.title);
  paragraph(doc, m.exhibits.intro);
}
