// The app's and CLI's export: gathers a DossierInput from the vault (incidents, exhibits made in
// memory, custody proofs, the exporting user's key), shows the disclosure check, writes the
// dossier, and records the export (who, what, for whom, the ZIP's sha256) in the custody log.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import type { DossierInput, DossierLanguage, Recipient } from '../../shared/dossier/dossier-types';
import { disclosureCheck, type DisclosureFinding } from '../../shared/dossier/disclosure-check';
import { CustodiaError } from '../../shared/errors/error-codes';
import { appendCustody } from '../custody/custody-log';
import { signCheckpoint } from '../custody/checkpoints';
import { loadSigningKey } from '../custody/signing-keys';
import { listEvidence, type EvidenceItem } from '../evidence/list-evidence';
import { getIncident } from '../records/incident-queries';
import { assertAllowed } from '../vault/roles';
import type { VaultSession } from '../vault/vault-session';
import { custodyExcerpt, recordDerivations } from './vault-custody-excerpt';
import { exhibitFromVault } from './vault-exhibits';
import { writeDossier, type WriteDossierResult } from './write-dossier';

export interface ExportDossierOptions {
  incidentIds: number[];
  /** Evidence items to include; all live items of the incidents when absent. */
  exhibitIds?: number[];
  recipient: Recipient;
  purpose: string;
  language: DossierLanguage;
  originals: boolean;
  showNames: boolean;
  organisation: string;
  outPath: string;
  /** Sees the disclosure findings before anything is written; returning false stops the export. */
  confirm?: (findings: DisclosureFinding[]) => boolean | Promise<boolean>;
}

export interface ExportDossierResult extends WriteDossierResult {
  sha256: string;
  disclosure: DisclosureFinding[];
}

const EXPORT_ROLES = ['admin', 'legal'];

async function assertMayExport(session: VaultSession): Promise<void> {
  await assertAllowed(session, 'evidence.read', 'dossier');
  if (EXPORT_ROLES.includes(session.user.role)) return;
  await session.db.transaction((tx) =>
    appendCustody(tx, { actor: session.user.name, action: 'denied', subject: 'dossier', details: { permission: 'dossier.export', role: session.user.role } }));
  throw new CustodiaError('E_FORBIDDEN', `${session.user.name} (${session.user.role}) may not export dossiers`);
}

async function chosenEvidence(session: VaultSession, o: ExportDossierOptions): Promise<EvidenceItem[]> {
  const all = (await Promise.all(o.incidentIds.map((id) => listEvidence(session, { incidentId: id })))).flat();
  if (!o.exhibitIds) return all;
  const byId = new Map(all.map((e) => [e.id, e]));
  return o.exhibitIds.map((id) => {
    const item = byId.get(id);
    if (!item) throw new CustodiaError('E_NOT_FOUND', `evidence ${id} is not a live item of the chosen incidents`);
    return item;
  });
}

async function fileSha256(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const c of createReadStream(path)) h.update(c as Buffer);
  return h.digest('hex');
}

export async function exportDossier(session: VaultSession, o: ExportDossierOptions): Promise<ExportDossierResult> {
  await assertMayExport(session);
  if (o.incidentIds.length === 0) throw new CustodiaError('E_USAGE', 'choose at least one incident');
  if (await access(o.outPath).then(() => true, () => false)) throw new CustodiaError('E_EXISTS', `${o.outPath} exists already`);
  const createdAt = new Date().toISOString();
  const id = `D-${createdAt.slice(0, 10)}-${randomBytes(4).toString('hex')}`;
  const incidents = [];
  for (const incidentId of o.incidentIds) {
    const detail = await getIncident(session, incidentId);
    if (detail.deleted) throw new CustodiaError('E_NOT_FOUND', `incident ${incidentId} is deleted`);
    incidents.push({ id: String(incidentId), incident: detail.incident });
  }
  const made = [];
  for (const item of await chosenEvidence(session, o)) made.push(await exhibitFromVault(session, item, `dossier ${id}`));
  const exhibits = made.map((m) => m.exhibit);
  await recordDerivations(session, id, made.filter((m) => m.derived).map((m) => m.exhibit));
  const subjects = [...o.incidentIds.map((i) => `incident:${i}`), ...made.map((m) => `evidence:${m.original.id}`)];
  const { checkpoint, custody } = await custodyExcerpt(session, subjects);
  const signer = await loadSigningKey(session.db, session.user.name);
  const input: DossierInput = {
    id, createdAt, organisation: o.organisation, recipient: o.recipient, purpose: o.purpose, language: o.language,
    showNames: o.showNames, incidents, exhibits, originals: o.originals ? made.map((m) => m.original) : undefined,
    custody, checkpoint, signer,
  };
  const disclosure = disclosureCheck(input);
  if (o.confirm && !(await o.confirm(disclosure))) throw new CustodiaError('E_USAGE', 'export stopped after the disclosure check; nothing was written');
  const written = await writeDossier(input, o.outPath);
  const sha256 = await fileSha256(o.outPath);
  await session.db.transaction((tx) =>
    appendCustody(tx, {
      actor: session.user.name, action: 'export', subject: `dossier:${id}`,
      details: {
        dossierId: id, sha256, recipient: o.recipient, purpose: o.purpose, language: o.language,
        incidents: o.incidentIds, exhibits: exhibits.map((e) => ({ id: e.id, sha256: e.sha256 })),
        originals: o.originals, namesShown: o.showNames, signer: written.signer,
      },
    }));
  await signCheckpoint(session);
  return { ...written, sha256, disclosure };
}
