// Builds data/dossier.json from what the export gathered, and checks it against the same schema
// the verifier reads it with, so a dossier the verifier would reject is never written.
import { keyFingerprint } from '../../shared/custody/checkpoint';
import { toHex } from '../../shared/custody/bytes';
import { DOSSIER_FORMAT, dossierJsonSchema, type DossierJson } from '../../shared/dossier/dossier-json';
import type { DossierInput } from '../../shared/dossier/dossier-types';
import { pseudonymise } from '../../shared/dossier/pseudonymise';
import { resolveProtection } from '../../shared/dossier/export-protection';
import { exportedOriginalName, scrubAcross } from '../../shared/dossier/dossier-wide-texts';
import { CustodiaError } from '../../shared/errors/error-codes';

export interface BagFiles {
  exhibitFiles: string[];
  /** Bag path of each original, by its sha256. */
  originalFiles: Map<string, string>;
}

export function buildDossierJson(input: DossierInput, files: BagFiles): DossierJson {
  const publicKey = toHex(input.signer.publicKey);
  const protection = input.protection ?? resolveProtection(input.recipient.kind);
  const incidents = input.incidents.map(({ id, incident }) => ({
    id,
    p: pseudonymise(incident, { showNames: input.showNames, recipient: input.recipient.kind, language: input.language, protection, staff: input.staff }),
  }));
  const dossier = {
    format: DOSSIER_FORMAT,
    id: input.id,
    createdAt: input.createdAt,
    organisation: input.organisation,
    recipient: input.recipient,
    // Typed for the recipient, it may name the person the dossier protects.
    purpose: scrubAcross(input.purpose, incidents.map((i) => i.p)),
    language: input.language,
    namesShown: input.showNames,
    incidents: incidents.map(({ id, p }) => ({ id, incident: p.incident })),
    exhibits: input.exhibits.map((e, i) => ({
      id: e.id,
      file: files.exhibitFiles[i],
      mediaType: e.mediaType,
      bytes: e.size,
      sha256: e.sha256,
      originalSha256: e.originalSha256,
      originalId: e.originalId,
      originalFile: files.originalFiles.get(e.originalSha256),
      incidentId: e.incidentId,
      removedMetadata: e.removedMetadata,
      originalName: exportedOriginalName(e, protection, incidents.map((i) => i.p)),
      cleaned: e.stripped !== false,
      pixelsIdentical: e.pixelsIdentical,
      originalPixelSha256: e.originalPixelSha256,
      exhibitPixelSha256: e.exhibitPixelSha256,
    })),
    custody: input.custody.map(({ entry, proof }) => ({ entry, proof })),
    checkpoint: input.checkpoint,
    signer: { publicKey, fingerprint: keyFingerprint(input.signer.publicKey) },
    ...(input.roster ? { roster: input.roster } : {}),
    protection,
  };
  const parsed = dossierJsonSchema.safeParse(JSON.parse(JSON.stringify(dossier)));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CustodiaError('E_INVALID_INPUT', `the dossier would not be valid: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

export function dossierJsonBytes(d: DossierJson): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(d, null, 2)}\n`);
}
