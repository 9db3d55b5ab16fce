// "How to verify this dossier": the same steps as VERIFY.md, for a reader holding paper.
import type { Messages } from '../messages';
import { verifySteps } from '../verify-guide';
import { command, field, heading, paragraph, type Doc } from './pdf-layout';

export function renderVerifyPage(doc: Doc, fingerprint: string, m: Messages): void {
  heading(doc, m.verify.title);
  for (const step of verifySteps(m)) {
    paragraph(doc, step.text);
    if (step.command) command(doc, step.command);
  }
  doc.moveDown(0.5);
  field(doc, m.verify.fingerprint, fingerprint, { mono: true });
}
