// The organisation publishes one fingerprint, its admin's (issue 9 item 2, THREATS T6): a dossier
// carries the admin-signed roster excerpt covering its signer, and `dossier verify --key ADMIN`
// accepts a legal user's dossier on that excerpt alone — never a forged or non-admin one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { toHex } from '../../shared/custody/bytes';
import { generateSigningKeyPair, keyFingerprint } from '../../shared/custody/checkpoint';
import { ROSTER_FORMAT, RosterDeriver, memberHash, signRosterBody, type RosterExcerpt, type RosterMember } from '../../shared/custody/roster';
import { checkpointOrigin, latestCheckpoint } from '../../main/custody/checkpoints';
import { latestRoster, rosterIsCurrent, signRoster } from '../../main/custody/roster-log';
import { sealChanges } from '../../main/accounts/sealed-changes';
import { treeSize } from '../../main/custody/custody-log';
import { currentPublicKey, loadSigningKey } from '../../main/custody/signing-keys';
import { addCase } from '../../main/records/cases';
import { addIncident } from '../../main/records/incidents';
import { exportDossier, previewDisclosure, type ExportDossierOptions } from '../../main/dossier/export-from-vault';
import { verdictCode } from '../../main/dossier/dossier-verdict';
import { verifyDossier } from '../../main/dossier/verify-dossier';
import { writeDossier } from '../../main/dossier/write-dossier';
import { INCIDENT, addActiveUser, addRoleUsers, custodyActions, tempVault, type TempVault } from '../vault/fixture';
import { buildDossierInput } from './helpers/dossier-fixture';
import { buildCli, runCli } from '../cli/cli-harness';

type Pair = ReturnType<typeof generateSigningKeyPair>;
const fp = (k: Pair) => keyFingerprint(k.publicKey);

/** Members as the log would announce them, with keys from an hour before the fixture's dossier. */
function members(people: { user: string; role: string; key: Pair }[]): RosterMember[] {
  const d = new RosterDeriver();
  let seq = 0;
  for (const p of people) {
    d.note({ seq: ++seq, at: '2026-10-05T14:00:00.000Z', action: seq === 1 ? 'vault_create' : 'user_add', subject: seq === 1 ? 'vault' : `user:${p.user}`, details: { user: p.user, role: p.role } });
    d.note({ seq: ++seq, at: '2026-10-05T14:00:00.000Z', action: 'key_change', subject: `user:${p.user}`, details: { publicKey: toHex(p.key.publicKey) } });
  }
  return d.members();
}

function rosterSignedBy(signer: Pair, origin: string, all: RosterMember[]) {
  return signRosterBody({
    format: ROSTER_FORMAT, origin, treeSize: all.length * 2, time: '2026-10-05T14:30:00.000Z',
    memberHashes: all.map((m) => memberHash(m)), signer: toHex(signer.publicKey),
  }, signer.secretKey);
}

async function forgedDossier(name: string, signer: Pair, roster: (origin: string) => RosterExcerpt): Promise<string> {
  const { input } = await buildDossierInput();
  const out = join(v.dir, `${name}.zip`);
  await writeDossier({ ...input, signer, roster: roster(input.checkpoint.origin) }, out);
  return out;
}

let v: TempVault;
let adminFingerprint: string;
let legalZip: string;

beforeAll(async () => {
  v = await tempVault('ana');
  await addRoleUsers(v);
  await signRoster(v.session.db, checkpointOrigin(v.session.vaultId), v.session.user);
  adminFingerprint = keyFingerprint((await loadSigningKey(v.session.db, 'ana')).publicKey);
  const { id: caseId } = await addCase(v.session, { title: 'Caso' });
  const { id } = await addIncident(v.session, caseId, INCIDENT);
  const lex = await v.open('lex');
  legalZip = join(v.dir, 'legal.zip');
  const o: ExportDossierOptions = {
    incidentIds: [id], recipient: { kind: 'prosecutor' }, purpose: 'denuncia', language: 'es', originals: false, showNames: false, outPath: legalZip,
  };
  await exportDossier(lex, { ...o, accept: (await previewDisclosure(lex, o)).filter((f) => f.severity === 'high').map((f) => f.id) });
}, 60_000);
afterAll(() => v.cleanup());

describe('T6 one published fingerprint: the admin vouches for the signer through the signed roster', () => {
  it("T6: the admin's fingerprint verifies a legal user's dossier through its roster excerpt", async () => {
    const r = await verifyDossier(legalZip, { key: adminFingerprint });
    expect(r.items.filter((i) => !i.ok)).toEqual([]);
    expect(r).toMatchObject({ ok: true, signerChecked: true, vouchedSigner: { user: 'lex', role: 'legal' } });
    expect(r.signer).not.toBe(adminFingerprint);
    // The excerpt names the signer and the admin who signed it, nobody else.
    const again = await verifyDossier(legalZip, { key: keyFingerprint((await loadSigningKey(v.session.db, 'lex')).publicKey) });
    expect(again).toMatchObject({ ok: true, signerChecked: true });
  });

  it('T6: a dossier signed by a key the roster does not list, with a forged member in its excerpt, is refused (E_SIGNER_NOT_IN_ROSTER)', async () => {
    const [admin, legal, forger] = [generateSigningKeyPair(), generateSigningKeyPair(), generateSigningKeyPair()];
    const zip = await forgedDossier('forged-member', forger, (origin) => {
      const genuine = members([{ user: 'ana', role: 'admin', key: admin }, { user: 'lex', role: 'legal', key: legal }]);
      const forged = members([{ user: 'ana', role: 'admin', key: admin }, { user: 'mallory', role: 'legal', key: forger }])[1]!;
      return { roster: rosterSignedBy(admin, origin, genuine), members: [genuine[0]!, forged] };
    });
    const r = await verifyDossier(zip, { key: fp(admin) });
    expect(r.ok).toBe(false);
    expect(r.signerChecked).toBe(false);
    expect(verdictCode(r)).toBe('E_SIGNER_NOT_IN_ROSTER');
    const run = runCli(await buildCli(), ['dossier', 'verify', zip, '--key', fp(admin)]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error E_SIGNER_NOT_IN_ROSTER: /);
  }, 30_000);

  it('T6: a roster excerpt signed by a non-admin is refused (E_ROSTER_INVALID)', async () => {
    const [admin, legal, otherLegal] = [generateSigningKeyPair(), generateSigningKeyPair(), generateSigningKeyPair()];
    const zip = await forgedDossier('legal-vouches', otherLegal, (origin) => {
      const all = members([{ user: 'ana', role: 'admin', key: admin }, { user: 'lex', role: 'legal', key: legal }, { user: 'lea', role: 'legal', key: otherLegal }]);
      return { roster: rosterSignedBy(legal, origin, all), members: all.slice(1) };
    });
    const r = await verifyDossier(zip, { key: fp(legal) });
    expect(r.ok).toBe(false);
    expect(verdictCode(r)).toBe('E_ROSTER_INVALID');
  });
});

describe("T6 the roster follows the log: an admin's seal re-signs it after a colleague activates", () => {
  it("a new lawyer's dossier verifies under the admin's fingerprint after the admin's next action, with no roster command; a non-admin's seal signs no roster", async () => {
    const w = await tempVault('ana');
    try {
      await addActiveUser(w, 'lex', 'legal');
      const lexKey = toHex((await currentPublicKey(w.session.db, 'lex'))!.publicKey);
      // lex's key was made at activation, in lex's own session: no admin has vouched for it yet.
      expect(await rosterIsCurrent(w.session.db)).toBe(false);
      const { id } = await addIncident(w.session, (await addCase(w.session, { title: 'Caso' })).id, INCIDENT);
      await sealChanges(w.session);
      expect(await rosterIsCurrent(w.session.db)).toBe(true);
      expect((await latestRoster(w.session.db))?.members.find((m) => m.user === 'lex')?.keys.map((k) => k.publicKey)).toEqual([lexKey]);
      // The checkpoint of that seal covers the roster entry it signed.
      expect((await latestCheckpoint(w.session.db))?.treeSize).toBe(await treeSize(w.session.db));
      const ana = keyFingerprint((await loadSigningKey(w.session.db, 'ana')).publicKey);

      const lex = await w.open('lex');
      const rosters = async () => (await custodyActions(lex)).filter((a) => a === 'roster').length;
      const before = await rosters();
      const out = join(w.dir, 'lex.zip');
      const o: ExportDossierOptions = { incidentIds: [id], recipient: { kind: 'police' }, purpose: 'denuncia', language: 'es', originals: false, showNames: false, outPath: out };
      await exportDossier(lex, { ...o, accept: (await previewDisclosure(lex, o)).filter((f) => f.severity === 'high').map((f) => f.id) });
      expect(await verifyDossier(out, { key: ana })).toMatchObject({ ok: true, signerChecked: true, vouchedSigner: { user: 'lex', role: 'legal' } });
      await sealChanges(lex);
      expect(await rosters()).toBe(before);
    } finally {
      await w.cleanup();
    }
  }, 60_000);
});
