// data/report.pdf: the dossier for people, in the export's language (es, pt, en), with every
// hash as real text so a reader (or pdftotext) can compare it with the files.
import PDFDocument from 'pdfkit';
import type { DossierJson } from '../../../shared/dossier/dossier-json';
import type { DossierInput } from '../../../shared/dossier/dossier-types';
import { fill, messagesFor } from '../messages';
import { exhibitPreview } from './exhibit-preview';
import { COLOR, registerFonts, type Doc } from './pdf-layout';
import { renderCover } from './report-cover';
import { renderCustody } from './report-custody';
import { renderExhibit, renderExhibitsIntro } from './report-exhibits';
import { renderIncident } from './report-incident';
import { renderVerifyPage } from './report-verify';

function footers(doc: Doc, text: (n: number, total: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(7.5).fillColor(COLOR.label)
      .text(text(i + 1, range.count), doc.page.margins.left, doc.page.height - 36, { width: doc.page.width - 2 * doc.page.margins.left, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

export async function renderReport(input: DossierInput, d: DossierJson): Promise<Uint8Array> {
  const m = messagesFor(d.language);
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 60, left: 56, right: 56 },
    bufferPages: true,
    lang: d.language,
    displayTitle: true,
    info: { Title: `${m.cover.title} ${d.id}`, Author: d.organisation, Creator: 'Custodia', CreationDate: new Date(d.createdAt) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  registerFonts(doc);
  doc.font('regular');

  renderCover(doc, d, m);
  d.incidents.forEach(({ id, incident }, n) => {
    doc.addPage();
    const recorded = input.incidents[n]!.incident;
    renderIncident(doc, n + 1, id, incident, m, d.language, {
      notes: Boolean(recorded.notes?.trim()) && !incident.notes,
      coordinates: Boolean(recorded.coordinates) && !incident.coordinates,
    });
  });
  doc.addPage();
  renderExhibitsIntro(doc, m);
  for (const [n, e] of d.exhibits.entries()) {
    const source = input.exhibits[n]!;
    renderExhibit(doc, n + 1, e, await exhibitPreview(source.mediaType, source.size, source.content), m);
  }
  doc.addPage();
  renderCustody(doc, d, input.staff, m);
  doc.addPage();
  renderVerifyPage(doc, d.signer.fingerprint, m);
  footers(doc, (n, total) => `${fill(m.footer.dossier, { id: d.id })} · ${fill(m.footer.page, { n, total })}`);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
