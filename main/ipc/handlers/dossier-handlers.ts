// Dossiers through the core: the disclosure check, the export to where main's dialog says, and
// verification (which needs no vault: an auditor can check a dossier without unlocking).
import { statSync } from 'node:fs';
import type { ParsedRequest } from '../../../shared/ipc/contract';
import type { IdentifiedFinding } from '../../dossier/disclosure-findings';
import { exportDossier, previewDisclosure, type ExportDossierOptions } from '../../dossier/export-from-vault';
import { verifyDossier } from '../../dossier/verify-dossier';
import { verdictCode } from '../../dossier/dossier-verdict';
import { errorMessage } from '../../../shared/i18n/error-messages';
import type { HandlerGroup } from '../context';
import { requireSession } from '../dispatcher';
import { verifyItemKind } from '../../../shared/dossier/verify-item-kind';

type DossierRequest = ParsedRequest<'dossier.disclosure'>;

function options(r: DossierRequest, outPath: string): ExportDossierOptions {
  return {
    incidentIds: r.incidentIds,
    exhibitIds: r.exhibitIds.length ? r.exhibitIds : undefined,
    recipient: { kind: r.recipient, ...(r.recipientNote ? { name: r.recipientNote } : {}) },
    purpose: r.purpose,
    language: r.language,
    originals: r.originals,
    showNames: !r.pseudonyms,
    protection: {
      redact: r.redact, coordinates: r.coordinates, staffNames: r.staffNames,
      originalNames: r.originalNames, keepOffFileAsPseudonym: r.keepOffFileAsPseudonym,
    },
    outPath,
  };
}

const finding = (f: IdentifiedFinding) => ({ id: f.id, severity: f.severity, code: f.kind, subject: f.where, message: f.detail });

export const dossierHandlers = {
  // Computed from the plan (incidents, sealed metadata, stored or predicted exhibits): the preview
  // makes no exhibit and appends no custody entry, however often the user changes the choice.
  'dossier.disclosure': async (r, ctx) => {
    const found = await previewDisclosure(requireSession(ctx), options(r, ''));
    return { ok: !found.some((f) => f.severity === 'high'), findings: found.map(finding) };
  },
  'dossier.export': async (r, ctx) => {
    const session = requireSession(ctx);
    const out = await ctx.dialogs.chooseDossierDestination(`dossier-${new Date().toISOString().slice(0, 10)}.zip`);
    if (!out) return null;
    ctx.emit({ kind: 'progress', task: 'export', item: '', done: 0, total: 1 });
    const written = await exportDossier(session, {
      ...options(r, out),
      accept: r.accept,
      onProgress: (done, total) => ctx.emit({ kind: 'progress', task: 'export', item: '', done, total }),
    });
    ctx.emit({ kind: 'progress', task: 'export', item: '', done: 1, total: 1 });
    return { location: written.path, sha256: written.sha256, bytes: statSync(written.path).size, fingerprint: written.signer };
  },
  'dossier.verify': async ({ token, fingerprint }, ctx) => {
    const path = ctx.files.take(token);
    const r = await verifyDossier(path, fingerprint ? { key: fingerprint } : {});
    const code = verdictCode(r);
    // Only the signer in question: the screen may check the same file against a pasted fingerprint.
    const signerOnly = !r.signerChecked && (code === null || code === 'E_KEY_MISMATCH');
    return {
      ok: r.ok,
      signerChecked: r.signerChecked,
      signerFingerprint: r.signer,
      failure: code ? { code, message: errorMessage(code, ctx.settings.get().language) } : null,
      recheckToken: signerOnly ? ctx.files.stage(path).token : null,
      items: r.items.map((i) => {
        const { kind, subject } = verifyItemKind(i.name);
        return { check: kind, subject, ok: i.ok, ...(i.problem ? { message: i.problem } : {}) };
      }),
    };
  },
} satisfies HandlerGroup;
