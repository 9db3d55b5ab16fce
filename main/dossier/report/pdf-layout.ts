// Small layout vocabulary for the report so each section reads as content, not coordinates.
import type PDFDocument from 'pdfkit';
import { REPORT_FONTS, fontPath } from '../report-fonts';

export type Doc = InstanceType<typeof PDFDocument>;

export const COLOR = { text: '#111111', label: '#555555', rule: '#999999', high: '#b00020', medium: '#b35900', low: '#2e7d32' };

export function registerFonts(doc: Doc): void {
  doc.registerFont('regular', fontPath(REPORT_FONTS.regular));
  doc.registerFont('bold', fontPath(REPORT_FONTS.bold));
  doc.registerFont('mono', fontPath(REPORT_FONTS.mono));
}

export const contentWidth = (doc: Doc): number => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** Starts a new page unless `height` points still fit on this one. */
export function keepSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

export function heading(doc: Doc, text: string, size = 16): void {
  keepSpace(doc, size * 3);
  doc.font('bold').fontSize(size).fillColor(COLOR.text).text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.4);
}

export function paragraph(doc: Doc, text: string, size = 10): void {
  doc.font('regular').fontSize(size).fillColor(COLOR.text).text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc), lineGap: 2 });
  doc.moveDown(0.5);
}

/** A label above its value; long values wrap and flow onto the next page. */
export function field(doc: Doc, label: string, value: string, opts: { mono?: boolean; color?: string } = {}): void {
  keepSpace(doc, 30);
  const x = doc.page.margins.left;
  doc.font('bold').fontSize(8).fillColor(COLOR.label).text(label, x, doc.y, { width: contentWidth(doc) });
  doc
    .font(opts.mono ? 'mono' : 'regular')
    .fontSize(opts.mono ? 8.5 : 10)
    .fillColor(opts.color ?? COLOR.text)
    .text(value, x, doc.y, { width: contentWidth(doc), lineGap: 1.5 });
  doc.moveDown(0.45);
}

export function rule(doc: Doc): void {
  const y = doc.y + 2;
  doc.moveTo(doc.page.margins.left, y).lineTo(doc.page.width - doc.page.margins.right, y).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
  doc.y = y + 8;
}

/**
 * Breaks a long command before an option with a shell continuation (" \\"), so a line never
 * wraps inside a word and what is copied still runs.
 */
export function shellLines(command: string, maxChars: number): string {
  const lines: string[] = [];
  let rest = command;
  while (rest.length > maxChars) {
    const cut = rest.lastIndexOf(' -', maxChars - 2);
    // Past the indentation, or the same break would be found again.
    if (cut <= 4) break;
    lines.push(`${rest.slice(0, cut)} \\`);
    rest = `    ${rest.slice(cut + 1)}`;
  }
  return [...lines, rest].join('\n');
}

/** Command lines print in mono on a light band so they can be copied exactly. */
export function command(doc: Doc, command: string): void {
  const x = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.font('mono').fontSize(8.5);
  const text = shellLines(command, Math.floor((width - 12) / doc.widthOfString('m')));
  const h = doc.heightOfString(text, { width: width - 12 }) + 8;
  keepSpace(doc, h + 6);
  doc.rect(x, doc.y, width, h).fillColor('#f0f0f0').fill();
  doc.fillColor(COLOR.text).text(text, x + 6, doc.y + 4, { width: width - 12 });
  doc.y += 10;
}
