// The app's and CLI's export, in steps: gather what was chosen and plan its exhibits (reads only),
// check disclosure on that plan (the app's preview stops here, having written nothing), then —
// once confirmed — make the missing exhibits, prove their custody, write the dossier, and record
// the export (who, what, for whom, the ZIP's sha256) in the custody log.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import type { DossierIncidentInput, DossierInput, Recipient } from '../../shared/dossier/dossier-types';
import type { Language } from '../../shared/vocabulary/languages';
import { disclosureCheck } from '../../shared/dossier/disclosure-check';
import { resolveProtection, type ExportProtection } from '../../shared/dossier/export-protection';
import { exhibitLabel } from '../../shared/dossier/exhibit-labels';
import { keyFingerprint } from '../../shared/custody/checkpoint';
import { CustodiaError } from '../../shared/errors/error-codes';
import { canonicalJson } from '../../shared/custody/canonical-json';
import { appendCustody } from '../custody/custody-log';
import { commitText } from '../custody/committed-texts';
import { organisationName } from '../accounts/organisation';
import { signSessionCheckpoint } from '../accounts/sealed-changes';
import { loadSigningKey } from '../custody/signing-keys';
import { checkpointOrigin } from '../custody/checkpoints';
import { rosterExcerptFor, rosterIsCurrent, signRoster } from '../custody/roster-log';
import { toHex } from '../../shared/custody/bytes';
import { tempPathFor } from '../platform/atomic-write';
import { crashPoint } from '../platform/crash-point';
import { forgetPendingFile, markPendingPublish, notePendingFile } from '../vault/pending-files';
import { listEvidence, type EvidenceItem } from '../evidence/list-evidence';
import { getIncident } from '../records/incident-queries';
import { assertAllowed } from '../accounts/roles';
import type { VaultSession } from '../accounts/vault-session';
import { custodyExcerpt } from './vault-custody-excerpt';
import { requireConsent } from './require-consent';
import { staffRoles } from './staff-roles';
import type { Role } from '../../shared/vocabulary/roles';
import { findingsReportSha256, identifyFindings, requireAccepted, type IdentifiedFinding } from './disclosure-findings';
import { disclosedExhibit, materialiseExhibit, planExhibit, type PlannedExhibit } from './vault-exhibits';
import { writeDossier, type WriteDossierResult } from './write-dossier';

export interface ExportDossierOptions {
  incidentIds: number[];
  /** Evidence items to include; all live items of the incidents when absent. */
  exhibitIds?: number[];
  recipient: Recipient;
  purpose: string;
  language: Language;
  originals: boolean;
  showNames: boolean;
  /** What to take out or keep beyond names; each choice left out takes the recipient's default (export-protection.ts). */
  protection?: Partial<ExportProtection>;
  /** The sender as the cover names it; by default the vault's own organisation (organisationName). */
  organisation?: string;
  outPath: string;
  /** Ids of the high findings the user accepted; any other high finding stops the export before anything is written. */
  accept?: readonly string[];
  /** Payload bytes written so far and in all, after each exhibit and original. */
  onProgress?: (done: number, total: number) => void;
}

export interface ExportDossierResult extends WriteDossierResult {
  sha256: string;
  disclosure: IdentifiedFinding[];
}

/** The originals chosen; naming an exhibit chooses the original it was made from. */
async function chosenEvidence(session: VaultSession, o: DossierChoice): Promise<EvidenceItem[]> {
  const all = (await Promise.all(o.incidentIds.map((id) => listEvidence(session, { incidentId: id })))).flat();
  const originals = all.filter((e) => e.derivedFrom === null);
  if (!o.exhibitIds) return originals;
  const byId = new Map(all.map((e) => [e.id, e]));
  const chosen = new Map<number, EvidenceItem>();
  for (const id of o.exhibitIds) {
    const item = byId.get(id);
    if (!item) throw new CustodiaError('E_NOT_FOUND', `evidence ${id} is not a live item of the chosen incidents`);
    const original = item.derivedFrom === null ? item : byId.get(item.derivedFrom);
    if (!original) throw new CustodiaError('E_NOT_FOUND', `the original of evidence ${id} is not a live item of the chosen incidents`);
    chosen.set(original.id, original);
  }
  return [...chosen.values()];
}

async function fileSha256(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const c of createReadStream(path)) h.update(c as Buffer);
  return h.digest('hex');
}

/** What to put in a dossier: the same choice for the preview and the export. */
export type DossierChoice = Pick<ExportDossierOptions, 'incidentIds' | 'exhibitIds' | 'recipient' | 'language' | 'originals' | 'showNames' | 'protection'>;

interface Gathered {
  incidents: DossierIncidentInput[];
  protection: ExportProtection;
  staff: Record<string, Role>;
  /** What the dossier carries: every cleanable item, and the others only when it carries originals. */
  planned: PlannedExhibit[];
  /** Items that cannot be cleaned and are left out, since the export carries no originals. */
  leftOut: number;
}

/** Reads the chosen incidents and plans their exhibits; writes nothing (a refused role aside, which the core records). */
async function gather(session: VaultSession, o: DossierChoice): Promise<Gathered> {
  await assertAllowed(session, 'dossier.export', 'dossier');
  if (o.incidentIds.length === 0) throw new CustodiaError('E_USAGE', 'choose at least one incident');
  const incidents: DossierIncidentInput[] = [];
  for (const incidentId of o.incidentIds) {
    const detail = await getIncident(session, incidentId);
    if (detail.deleted) throw new CustodiaError('E_NOT_FOUND', `incident ${incidentId} is deleted`);
    incidents.push({ id: String(incidentId), incident: detail.incident });
  }
  requireConsent(incidents, o);
  const all = [];
  for (const item of await chosenEvidence(session, o)) all.push(await planExhibit(session, item));
  // What cannot be proved clean is never an exhibit (T5).
  const planned = all.filter((p) => p.cleanable || o.originals);
  return { incidents, planned, leftOut: all.length - planned.length, protection: resolveProtection(o.recipient.kind, o.protection), staff: await staffRoles(session) };
}

/** Each item under the label the dossier gives it (E-01…), never its file name in the vault. */
const labelled = <T extends { name: string }>(items: readonly T[]): T[] => items.map((x, i) => ({ ...x, name: exhibitLabel(i, items.length) }));

function disclosureOf(session: VaultSession, o: DossierChoice, g: Gathered): IdentifiedFinding[] {
  return identifyFindings(session, disclosureCheck({
    recipient: o.recipient, language: o.language, showNames: o.showNames, incidents: g.incidents, protection: g.protection, staff: g.staff,
    exhibits: labelled(g.planned.map(disclosedExhibit)),
    originals: o.originals ? labelled(g.planned.map((p) => p.original)) : undefined, leftOut: g.leftOut,
  }));
}

/** The disclosure check of a dossier not yet made: no exhibit is made, no byte read, nothing logged. */
export async function previewDisclosure(session: VaultSession, o: DossierChoice): Promise<IdentifiedFinding[]> {
  return disclosureOf(session, o, await gather(session, o));
}

export async function exportDossier(session: VaultSession, o: ExportDossierOptions): Promise<ExportDossierResult> {
  const gathered = await gather(session, o);
  if (await access(o.outPath).then(() => true, () => false)) throw new CustodiaError('E_EXISTS', `${o.outPath} exists already`);
  // One rule for every face: checked on the plan, before any exhibit is made or byte written;
  // an unaccepted high finding leaves the vault and the disk as they were.
  const disclosure = disclosureOf(session, o, gathered);
  const accepted = [...new Set(o.accept ?? [])].filter((a) => disclosure.some((f) => f.id === a && f.severity === 'high')).sort();
  requireAccepted(disclosure, accepted);
  const createdAt = new Date().toISOString();
  const id = `D-${createdAt.slice(0, 10)}-${randomBytes(4).toString('hex')}`;
  const made = [];
  for (const p of gathered.planned) made.push(await materialiseExhibit(session, p, `dossier ${id}`));
  const exhibits = labelled(made.map((m) => m.exhibit));
  const subjects = [...o.incidentIds.map((i) => `incident:${i}`), ...made.flatMap((m) => m.subjects)];
  const signer = await loadSigningKey(session.db, session.user.name);
  // The roster excerpt lets a verifier who knows only the admin's fingerprint check this signer
  // (T6). An admin signs a fresh roster when users or keys changed since the last one; for anyone
  // else the latest roster listing their key is carried (none: only their own fingerprint verifies).
  if (session.user.role === 'admin' && !(await rosterIsCurrent(session.db))) {
    await signRoster(session.db, checkpointOrigin(session.vaultId), session.user);
  }
  const roster = await rosterExcerptFor(session.db, toHex(signer.publicKey));
  const { checkpoint, custody } = await custodyExcerpt(session, subjects);
  const input: DossierInput = {
    id, createdAt, organisation: o.organisation ?? (await organisationName(session)), recipient: o.recipient, purpose: o.purpose, language: o.language,
    showNames: o.showNames, incidents: gathered.incidents, protection: gathered.protection, staff: gathered.staff, exhibits, originals: o.originals ? labelled(made.map((m) => m.original)) : undefined,
    custody, checkpoint, signer, ...(roster ? { roster } : {}),
  };
  // The dossier is noted before its temp file exists and logged before it takes its name: a
  // crash at any point leaves either no dossier and no entry, or both (vault/pending-files.ts).
  const tempPath = tempPathFor(o.outPath);
  await notePendingFile(session.db, tempPath, o.outPath);
  let sha256 = '';
  let written: WriteDossierResult;
  try {
    written = await writeDossier(input, o.outPath, {
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
      tempPath,
      beforePublish: async (temp) => {
        crashPoint('dossier:written');
        sha256 = await fileSha256(temp);
        await session.db.transaction(async (tx) => {
          await appendCustody(tx, {
            actor: session.user.name, action: 'export', subject: `dossier:${id}`,
            details: {
              // Who it went to and why are words (a prosecutor's name): committed by hash, kept in the vault.
              dossierId: id, sha256, recipientKind: o.recipient.kind, recipientSha256: await commitText(tx, canonicalJson(o.recipient)),
              purposeSha256: await commitText(tx, o.purpose), language: o.language,
              incidents: o.incidentIds, exhibits: exhibits.map((e) => ({ id: e.id, sha256: e.sha256 })),
              originals: o.originals, namesShown: o.showNames, signer: keyFingerprint(signer.publicKey),
              // The protection chosen is words from a fixed list, safe in the clear.
              protection: gathered.protection,
              // What was knowingly disclosed: the high findings accepted, and the findings as listed.
              acceptedFindings: accepted, findingsSha256: findingsReportSha256(disclosure),
            },
          });
          await markPendingPublish(tx, temp);
        });
        crashPoint('dossier:logged');
      },
    });
  } finally {
    await forgetPendingFile(session.db, tempPath);
  }
  await signSessionCheckpoint(session);
  return { ...written, sha256, disclosure };
}
