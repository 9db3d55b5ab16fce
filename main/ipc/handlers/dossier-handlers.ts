// Verifying a dossier needs no vault: an auditor can do it before, or without, unlocking.
import { verifyDossier } from '../../dossier/verify-dossier';
import type { HandlerTable } from '../context';

export const dossierHandlers: HandlerTable = {
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
