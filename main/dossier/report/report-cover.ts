// The cover: who sends what to whom, when, signed by which key, and what Custodia's custody means.
import type { DossierJson } from '../../../shared/dossier/dossier-json';
import { fill, type Messages } from '../messages';
import { COLOR, contentWidth, field, paragraph, rule, type Doc } from './pdf-layout';
import { renderProtection } from './report-protection';

const ISO_PARTS = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The time as it was recorded, in its own offset ("18:30 (UTC-05:00)"), never shifted to the reader's zone. */
export function formatTime(iso: string, language: string): string {
  const m = ISO_PARTS.exec(iso);
  if (!m) return iso;
  const wallClock = Date.parse(`${m[1]}T${m[2]}:00Z`);
  if (Number.isNaN(wallClock)) return iso;
  const human = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(wallClock);
  return `${human} (UTC${m[3] === 'Z' ? '' : m[3]})`;
}

export function renderCover(doc: Doc, d: DossierJson, m: Messages): void {
  const c = m.cover;
  doc.font('bold').fontSize(24).fillColor(COLOR.text).text(c.title, { width: contentWidth(doc) });
  doc.font('regular').fontSize(13).fillColor(COLOR.label).text(d.organisation, { width: contentWidth(doc) });
  doc.moveDown(1);
  rule(doc);
  const recipient = m.recipientKind[d.recipient.kind];
  field(doc, c.recipient, d.recipient.name ? `${d.recipient.name} (${recipient})` : recipient);
  field(doc, c.organisation, d.organisation);
  field(doc, c.purpose, d.purpose || '—');
  field(doc, c.date, formatTime(d.createdAt, d.language));
  field(doc, c.dossierId, d.id, { mono: true });
  field(doc, c.signer, d.signer.fingerprint, { mono: true });
  field(doc, c.incidents, String(d.incidents.length));
  field(doc, c.exhibits, String(d.exhibits.length));
  field(doc, c.originals, d.exhibits.some((e) => e.originalFile) ? c.yes : c.no);
  field(doc, c.names, d.namesShown ? c.namesShown : c.namesHidden);
  rule(doc);
  renderProtection(doc, d, m);
  rule(doc);
  paragraph(doc, fill(c.custodyStatement, { organisation: d.organisation }), 10.5);
  doc.moveDown(0.5);
  doc.font('bold').fontSize(11).text(c.contents);
  doc.moveDown(0.2);
  const sections = [
    ...d.incidents.map((_, n) => fill(m.incident.title, { n: n + 1 })),
    m.exhibits.title,
    m.custody.title,
    m.verify.title,
  ];
  doc.font('regular').fontSize(10).list(sections, { bulletRadius: 1.5, textIndent: 10 });
}
