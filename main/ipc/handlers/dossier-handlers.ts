// Dossiers through the core: the disclosure check, the export to where main's dialog says, and
// verification (which needs no vault: an auditor can check a dossier without unlocking).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedRequest } from '../../../shared/ipc/contract';
import type { DisclosureFinding } from '../../../shared/dossier/disclosure-check';
import { CustodiaError } from '../../../shared/errors/error-codes';
import { exportDossier, type ExportDossierOptions } from '../../dossier/export-from-vault';
import { verifyDossier } from '../../dossier/verify-dossier';
import type { HandlerContext, HandlerTable } from '../context';
import { requireSession } from '../dispatcher';

type DossierRequest = ParsedRequest<'dossier.export'>;

function options(r: DossierRequest, ctx: HandlerContext, outPath: string): ExportDossierOptions {
  return {
    incidentIds: r.incidentIds,
    exhibitIds: r.exhibitIds.length ? r.exhibitIds : undefined,
    recipient: { kind: r.recipient, ...(r.recipientNote ? { name: r.recipientNote } : {}) },
    purpose: r.purpose,
    language: r.language,
    originals: r.originals,
    showNames: !r.pseudonyms,
    organisation: ctx.session?.label ?? '',
    outPath,
  };
}

const finding = (f: DisclosureFinding) => ({ severity: f.severity, code: f.kind, subject: f.where, message: f.detail });

export const dossierHandlers: HandlerTable = {
  'dossier.disclosure': async (r, ctx) => {
    const session = requireSession(ctx);
    // The core checks disclosure inside its export; stopping at the confirmation writes nothing.
    const scratch = mkdtempSync(join(tmpdir(), 'custodia-check-'));
    let found: DisclosureFinding[] = [];
    try {
      await exportDossier(session, { ...options(r, ctx, join(scratch, 'never-written.zip')), confirm: (f) => ((found = f), false) });
    } catch (e) {
      if (!(e instanceof CustodiaError && e.code === 'E_USAGE')) throw e;
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    return { ok: !found.some((f) => f.severity === 'high'), findings: found.map(finding) };
  },
  'dossier.export': async (r, ctx) => {
    const session = requireSession(ctx);
    const out = await ctx.dialogs.chooseDossierDestination(`dossier-${new Date().toISOString().slice(0, 10)}.zip`);
    if (!out) return null;
    ctx.emit({ kind: 'progress', task: 'export', item: '', done: 0, total: 1 });
    const written = await exportDossier(session, options(r, ctx, out));
    ctx.emit({ kind: 'progress', task: 'export', item: '', done: 1, total: 1 });
    return { location: written.path, sha256: written.sha256, bytes: statSync(written.path).size, fingerprint: written.signer };
  },
  'dossier.verify': async ({ token, fingerprint }, ctx) => {
    const path = ctx.files.take(token);
    const r = await verifyDossier(path, fingerprint ? { key: fingerprint } : {});
    return {
      ok: r.ok,
      signerFingerprint: r.signer,
      items: r.items.map((i) => ({ check: i.name, subject: '', ok: i.ok, ...(i.problem ? { message: i.problem } : {}) })),
    };
  },
};
