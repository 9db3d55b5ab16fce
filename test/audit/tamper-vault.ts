// One vault holding a row in every table that holds records, built once per test file and copied
// (vault file, key header and objects folder) for each tamper case: building costs scrypt and an image, a copy
// costs a file copy and one cheap unlock. The insider then works on the copy with the real key.
import { copyFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEvidence } from '../../main/evidence/read-evidence';
import { writeFile } from 'node:fs/promises';
import { createVault, openVault, type VaultSession } from '../../main/accounts/vault-session';
import { signSessionCheckpoint } from '../../main/accounts/sealed-changes';
import { addCase, setCaseStatus } from '../../main/records/cases';
import { addIncident, deleteIncident, editIncident } from '../../main/records/incidents';
import { saveDraft } from '../../main/records/drafts';
import { importEvidence } from '../../main/evidence/import-evidence';
import { deleteEvidence } from '../../main/evidence/list-evidence';
import { makeExhibit } from '../../main/evidence/make-exhibit';
import { verifyLog } from '../../main/audit/verify-log';
import type { Checkpoint } from '../../shared/custody/checkpoint';
import { makeRichImage } from '../media/fixtures';
import { addActiveUserAt, CHEAP_KDF, INCIDENT, PASSPHRASE } from '../vault/fixture';

/** The ids of what the template holds; tamper cases name rows by these. */
export const IDS = {
  /** Case 2 was closed, reopened and closed again: three status rows. */
  openCase: 1, closedCase: 2,
  /** Incident 1 has two versions; 2 was written by doc; 3 is deleted. */
  edited: 1, byDoc: 2, deleted: 3,
  textEvidence: 1, photo: 2, exhibit: 3, deletedEvidence: 4,
} as const;

export interface TamperTemplate {
  dir: string;
  /** Signed after everything was written, kept outside the vault. */
  checkpoint: Checkpoint;
  cleanup(): Promise<void>;
}

const FILES = ['vault.custodia', 'vault.custodia.keys'];
/** The evidence objects beside them (vault/object-store.ts): a vault is the three together. */
const OBJECTS = 'vault.custodia.objects';

export const ORGANISATION = 'Defensoras de Tambopata';

export async function buildTemplate(): Promise<TamperTemplate> {
  const dir = await mkdtemp(join(tmpdir(), 'custodia-tamper-template-'));
  const path = join(dir, FILES[0] as string);
  let s = await createVault({ path, user: 'ana', passphrase: PASSPHRASE, kdf: CHEAP_KDF, organisation: ORGANISATION });
  await s.close();
  await addActiveUserAt(path, { user: 'ana', passphrase: PASSPHRASE }, 'doc', 'documenter');
  s = await openVault({ path, user: 'ana', passphrase: PASSPHRASE });
  const open = await addCase(s, { title: 'Amenazas km 108' });
  const closed = await addCase(s, { title: 'Vigilancia sede' });
  for (const status of ['closed', 'open', 'closed'] as const) await setCaseStatus(s, closed.id, status);
  const edited = await addIncident(s, open.id, INCIDENT);
  await editIncident(s, edited.id, { ...INCIDENT, riskLevel: 'medium' });
  await s.close();
  s = await openVault({ path, user: 'doc', passphrase: PASSPHRASE });
  await addIncident(s, open.id, { ...INCIDENT, type: 'surveillance', place: 'Puerto Maldonado' });
  await s.close();
  s = await openVault({ path, user: 'ana', passphrase: PASSPHRASE });
  const gone = await addIncident(s, open.id, { ...INCIDENT, verbatim: 'Sabemos donde vives' });
  await deleteIncident(s, gone.id, 'duplicate of incident 1');
  const note = join(dir, 'nota-amenaza.txt');
  await writeFile(note, 'Deja de denunciar. '.repeat(3000));
  await importEvidence(s, edited.id, note, { method: 'received', from: 'Defensora A' }, { chunkSize: 16 * 1024 });
  const photo = await importEvidence(s, edited.id, await makeRichImage(dir, 'jpeg'), { method: 'received', from: 'Defensora B', platform: 'WhatsApp' });
  await makeExhibit(s, photo.id);
  const extra = await importEvidence(s, edited.id, note, { method: 'received', from: 'Defensora C' });
  await deleteEvidence(s, extra.id, 'imported twice');
  await saveDraft(s, `new:${open.id}`, { place: 'Laberinto', verbatim: 'a medio escribir' });
  await saveDraft(s, `incident:${edited.id}`, { riskLevel: 'high', notes: 'llamar a la defensora' });
  // Two reads whose purposes the log commits to by hash, the words kept in custody_texts.
  await readEvidence(s, photo.id, join(dir, 'copia-fiscalia.jpg'), { purpose: 'copia para la fiscalía' });
  await readEvidence(s, photo.id, join(dir, 'copia-abogada.jpg'), { purpose: 'revisión de la abogada' });
  const checkpoint = await signSessionCheckpoint(s);
  const report = await verifyLog(s, { externalCheckpoint: checkpoint });
  if (!report.ok) throw new Error(`the tamper template does not verify: ${JSON.stringify(report.problems)}`);
  await s.close();
  return { dir, checkpoint, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export interface VaultCopy {
  session: VaultSession;
  checkpoint: Checkpoint;
  /** Closes and opens the copy again: verify then reads it afresh, as a later command would. */
  reopen(): Promise<VaultSession>;
  cleanup(): Promise<void>;
}

export async function copyOf(t: TamperTemplate): Promise<VaultCopy> {
  const dir = await mkdtemp(join(tmpdir(), 'custodia-tamper-'));
  for (const f of FILES) await copyFile(join(t.dir, f), join(dir, f));
  await cp(join(t.dir, OBJECTS), join(dir, OBJECTS), { recursive: true, preserveTimestamps: true });
  const open = () => openVault({ path: join(dir, FILES[0] as string), user: 'ana', passphrase: PASSPHRASE });
  const copy: VaultCopy = {
    session: await open(), checkpoint: t.checkpoint,
    async reopen() {
      await copy.session.close();
      copy.session = await open();
      return copy.session;
    },
    async cleanup() {
      await copy.session.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
  return copy;
}
