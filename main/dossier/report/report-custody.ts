// The custody timeline: every handling of these items, then the checkpoint the proofs lead to.
import { fromHex } from '../../../shared/custody/bytes';
import { keyFingerprint } from '../../../shared/custody/checkpoint';
import type { DossierJson } from '../../../shared/dossier/dossier-json';
import type { DossierInput } from '../../../shared/dossier/dossier-types';
import { EXPORT_WORDS, staffShown } from '../../../shared/dossier/export-words';
import type { Messages } from '../messages';
import { COLOR, contentWidth, field, heading, keepSpace, paragraph, type Doc } from './pdf-layout';

const COLUMNS = [0.07, 0.25, 0.16, 0.2, 0.32];

/** "2026-10-03 10:01:00": the column header already says UTC. */
const utcTime = (iso: string): string => iso.replace('T', ' ').replace(/(\.\d+)?Z$/, '');

function row(doc: Doc, cells: string[], font: 'bold' | 'regular'): void {
  const width = contentWidth(doc);
  doc.font(font).fontSize(8.5);
  const heights = cells.map((c, i) => doc.heightOfString(c, { width: width * COLUMNS[i]! - 4 }));
  const h = Math.max(...heights) + 4;
  keepSpace(doc, h);
  const y = doc.y;
  let x = doc.page.margins.left;
  cells.forEach((c, i) => {
    doc.fillColor(font === 'bold' ? COLOR.label : COLOR.text).text(c, x, y, { width: width * COLUMNS[i]! - 4 });
    x += width * COLUMNS[i]!;
  });
  doc.y = y + h;
}

/** The actor column follows the export's staff option; the entries in dossier.json keep the user names their proofs cover. */
export function renderCustody(doc: Doc, d: DossierJson, staff: DossierInput['staff'], m: Messages): void {
  const c = m.custody;
  const actor = (name: string): string => staffShown(name, d.protection?.staffNames ?? 'name', staff, EXPORT_WORDS[d.language]);
  heading(doc, c.title);
  paragraph(doc, c.intro);
  row(doc, [c.seq, c.time, c.actor, c.action, c.subject], 'bold');
  for (const { entry } of [...d.custody].sort((a, b) => a.entry.seq - b.entry.seq)) {
    row(doc, [String(entry.seq), utcTime(entry.at), actor(entry.actor), m.action[entry.action], entry.subject], 'regular');
  }
  doc.moveDown(1);
  heading(doc, c.checkpoint, 12);
  field(doc, c.origin, d.checkpoint.origin, { mono: true });
  field(doc, c.treeSize, String(d.checkpoint.treeSize));
  field(doc, c.rootHash, d.checkpoint.rootHash, { mono: true });
  field(doc, c.checkpointTime, d.checkpoint.time);
  field(doc, c.checkpointSigner, keyFingerprint(fromHex(d.checkpoint.signer)), { mono: true });
}
