// The auditor's log package (issue 9 item 3): a whole session through the CLI, every free-text
// field filled with markers, then `log export`; the package must verify with no vault and no
// passphrase, and name no person, quote no words and give no file name (T3/T4). Then the
// package's own guards: a rewritten, cut-short or re-signed log is refused with its code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVault, openVault } from '../../main/accounts/vault-session';
import { addUser } from '../../main/accounts/users';
import { readHeader } from '../../main/vault/header-file';
import { slotId } from '../../main/vault/key-slots';
import { textCommitment } from '../../main/custody/committed-texts';
import { tamper } from './tamper-fixture';
import { generateSigningKeyPair, signCheckpoint } from '../../shared/custody/checkpoint';
import { toHex } from '../../shared/custody/bytes';
import { addActiveUserAt, CHEAP_KDF } from '../vault/fixture';
import { buildCli, runCli } from '../cli/cli-harness';

const PASS = 'passphrase of everyone here';
const env = { CUSTODIA_PASSPHRASE: PASS };
let cli: string;
let dir: string;
let vault: string;
let pkg: string;
const as = (user: string, args: string[]) => runCli(cli, [...args, '--vault', vault, '--user', user, '--json'], env);
const ok = (r: ReturnType<typeof as>) => {
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r;
};

/** Each marker names the field it fills, so a failure says which field leaked. */
const marker = (field: string) => `MRK-${field}-q7z`;
const person = (k: string) => `Nombre${k} Apellido${k}q7z`;

function fullIncident(v: string) {
  const m = (f: string) => marker(`${v}-${f}`);
  return {
    occurredAt: '2026-10-02T18:30:00-05:00', place: m('place'),
    placeDetail: { country: 'PE', region: m('region'), province: m('province'), district: m('district'), community: m('community'), site: m('site') },
    channel: 'phone', perpetrators: m('perpetrators'),
    perpetratorDetails: [{ description: m('perpetratorDescription'), actorType: 'unknown', affiliation: m('affiliation') }],
    verbatim: m('verbatim'), narrative: m('narrative'), linkToDefenceWork: m('linkToDefenceWork'), riskLevel: 'high', type: 'threat',
    affected: [{ name: person(`Afectada${v}`), pseudonym: m('pseudonym'), role: m('affectedRole'), community: m('affectedCommunity'),
      consent: { toFile: true, toNameToState: false, toPublicReport: false, obtainedBy: person(`Consent${v}`) } }],
    witnesses: [{ name: person(`Testigo${v}`), pseudonym: m('witnessPseudonym'), willingToTestify: true }],
    reportedTo: [{ authority: 'police', reference: m('reference'), response: m('response') }],
    notReportedReason: m('notReportedReason'), measuresRequested: m('measuresRequested'), notes: m('notes'),
  };
}

const FILE_NAME = 'foto-de-MRK-filename-q7z.txt';

beforeAll(async () => {
  cli = await buildCli();
  dir = await mkdtemp(join(tmpdir(), 'custodia-log-package-'));
  vault = join(dir, 'v.custodia');
  const s = await createVault({ path: vault, user: 'ana', passphrase: PASS, kdf: CHEAP_KDF });
  await s.close();
  await addActiveUserAt(vault, { user: 'ana', passphrase: PASS }, 'lex', 'legal', PASS);
  await addActiveUserAt(vault, { user: 'ana', passphrase: PASS }, 'doc', 'documenter', PASS);
  const write = async (name: string, data: unknown) => {
    const p = join(dir, name);
    await writeFile(p, typeof data === 'string' ? data : JSON.stringify(data));
    return p;
  };
  ok(as('ana', ['log', 'roster']));
  ok(as('doc', ['case', 'add', '--title', marker('caseTitle')]));
  ok(as('doc', ['incident', 'add', '--case', '1', '--file', await write('i1.json', fullIncident('v1'))]));
  ok(as('doc', ['incident', 'edit', '--id', '1', '--file', await write('i1b.json', fullIncident('v2'))]));
  ok(as('doc', ['incident', 'add', '--case', '1', '--file', await write('i2.json', fullIncident('v3'))]));
  ok(as('doc', ['incident', 'delete', '--id', '2', '--reason', marker('deleteReason')]));
  const evidence = await write(FILE_NAME, `evidence bytes ${marker('evidenceContent')}`);
  ok(as('doc', ['evidence', 'add', '--incident', '1', '--method', 'received', '--from', person('Entrega'), '--platform', marker('platform'), evidence]));
  ok(as('lex', ['evidence', 'get', '--id', '1', '--out', join(dir, 'copy.txt'), '--purpose', marker('getPurpose')]));
  const choice = ['--incident', '1', '--recipient', 'prosecutor', '--recipient-name', marker('recipientName')];
  const findings = (ok(as('lex', ['dossier', 'check', ...choice])).json().findings as { id: string; severity: string }[]);
  const accept = findings.filter((f) => f.severity === 'high').flatMap((f) => ['--accept', f.id]);
  ok(as('lex', ['dossier', 'export', ...choice, '--out', join(dir, 'd.zip'), '--purpose', marker('dossierPurpose'), '--organisation', marker('organisationCover'), ...accept]));
  ok(as('ana', ['log', 'checkpoint', '--out', join(dir, 'cp.json')]));
  pkg = join(dir, 'audit.json');
  ok(as('lex', ['log', 'export', '--out', pkg]));
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('log export and log verify --package', () => {
  it('T4: a package from a full session verifies with no vault and no passphrase, signed to its last entry', () => {
    const r = runCli(cli, ['log', 'verify', '--package', pkg, '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = r.json();
    // Signed by ana's seals at init and after each user add, then by `log roster` after the activations.
    expect(report).toMatchObject({ ok: true, problems: [], rosters: 4 });
    expect(report.signedUpTo).toBe(report.entries);
  });

  it('the vault itself still verifies both ways with its rosters and the texts committed by hash', () => {
    const r = ok(as('ana', ['log', 'verify']));
    expect(r.json()).toMatchObject({ ok: true, problems: [] });
  });

  it('T3/T4: the package holds no marker, no name of an affected person or witness and no file name', async () => {
    const text = await readFile(pkg, 'utf8');
    expect(text).toContain('"action":"delete"');
    expect(text.match(/[^"\\]*q7z[^"\\]*/g) ?? []).toEqual([]);
    expect(text).not.toContain('foto-de');
    expect(text).not.toContain('Nombre');
  });

  it('T3: an auditor holds no slot, so no passphrase of theirs exports or opens anything (exit 3)', async () => {
    const admin = await openVault({ path: vault, user: 'ana', passphrase: PASS });
    expect((await addUser(admin, { name: 'aud', role: 'auditor' })).oneTimePassphrase).toBeNull();
    await admin.close();
    const header = await readHeader(vault);
    expect(header.slots.map((s) => s.id)).not.toContain(slotId(header.vaultId, 'aud'));
    const r = as('aud', ['log', 'export', '--out', join(dir, 'aud.json')]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^error E_BAD_PASSPHRASE: /);
  });

  it('T3: an entry rewritten in the package breaks the chain and the signed roots (exit 1)', async () => {
    const text = await readFile(pkg, 'utf8');
    const forged = join(dir, 'forged.json');
    await writeFile(forged, text.replace('"action":"delete"', '"action":"verify"'));
    const r = runCli(cli, ['log', 'verify', '--package', forged, '--json']);
    expect(r.status).toBe(1);
    const codes = (r.json().problems as { code: string }[]).map((p) => p.code);
    expect(codes).toContain('E_CHAIN_BROKEN');
    expect(codes).toContain('E_ROOT_MISMATCH');
  });

  it('T3: a package cut short is refused against the checkpoint kept outside (E_CONSISTENCY)', async () => {
    const lines = (await readFile(pkg, 'utf8')).split('\n');
    const header = JSON.parse(`${lines[0]}]}`) as { treeSize: number; checkpoints: { treeSize: number }[] };
    const keep = 5;
    const entries = lines.slice(1, 1 + keep).map((l, i) => (i === keep - 1 ? l.replace(/,$/, '') : l));
    const { rootHash } = JSON.parse(runCli(cli, ['log', 'verify', '--package', pkg, '--json']).stdout) as { rootHash: string };
    expect(rootHash).toMatch(/^[0-9a-f]{64}$/);
    const cut = { ...header, treeSize: keep, checkpoints: header.checkpoints.filter((c) => c.treeSize <= keep) };
    const cutFile = join(dir, 'cut.json');
    await writeFile(cutFile, [`${JSON.stringify(cut).slice(0, -1).replace(/,"entries":\[\]$/, '')},"entries":[`, ...entries, ']}', ''].join('\n'));
    const r = runCli(cli, ['log', 'verify', '--package', cutFile, '--checkpoint', join(dir, 'cp.json'), '--json']);
    expect(r.status).toBe(1);
    expect((r.json().problems as { code: string }[]).map((p) => p.code)).toContain('E_CONSISTENCY');
    // And against the earlier, longer package itself.
    const again = runCli(cli, ['log', 'verify', '--package', cutFile, '--checkpoint', pkg, '--json']);
    expect(again.status).toBe(1);
    expect((again.json().problems as { code: string }[]).map((p) => p.code)).toContain('E_CONSISTENCY');
  });

  it('T6: a checkpoint signed by a key the log never announced is refused (E_CHECKPOINT_KEY_UNKNOWN)', async () => {
    const lines = (await readFile(pkg, 'utf8')).split('\n');
    const header = JSON.parse(`${lines[0]}]}`) as { origin: string; treeSize: number; rootHash: string; checkpoints: unknown[] };
    const outsider = generateSigningKeyPair();
    const cp = signCheckpoint({ origin: header.origin, treeSize: header.treeSize, rootHash: header.rootHash, time: new Date().toISOString(), signer: toHex(outsider.publicKey) }, outsider.secretKey);
    const forged = { ...header, checkpoints: [...header.checkpoints, cp] };
    const file = join(dir, 'outsider.json');
    await writeFile(file, [`${JSON.stringify(forged).slice(0, -1).replace(/,"entries":\[\]$/, '')},"entries":[`, ...lines.slice(1)].join('\n'));
    const r = runCli(cli, ['log', 'verify', '--package', file, '--json']);
    expect(r.status).toBe(1);
    expect((r.json().problems as { code: string }[]).map((p) => p.code)).toEqual(['E_CHECKPOINT_KEY_UNKNOWN']);
  });

  it('refuses a file that is not a package, with exit 4 (E_BAD_LOG_PACKAGE)', async () => {
    const bad = join(dir, 'not-a-package.json');
    await writeFile(bad, '{"format":"something else"}\n');
    const r = runCli(cli, ['log', 'verify', '--package', bad]);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/^error E_BAD_LOG_PACKAGE: /);
  });

  it('T3: a committed text altered or removed in the vault is caught by log verify (E_RECORD_HASH_MISMATCH, E_RECORD_MISSING)', async () => {
    const s = await openVault({ path: vault, user: 'ana', passphrase: PASS });
    const purpose = textCommitment(marker('getPurpose'));
    await tamper(s.db, `UPDATE custody_texts SET text = 'otra cosa' WHERE sha256 = '${purpose}'`);
    await s.close();
    const altered = as('ana', ['log', 'verify']);
    expect(altered.status).toBe(1);
    expect((altered.json().problems as { code: string }[]).map((p) => p.code)).toEqual(['E_RECORD_HASH_MISMATCH']);
    const again = await openVault({ path: vault, user: 'ana', passphrase: PASS });
    await tamper(again.db, `DELETE FROM custody_texts WHERE sha256 = '${purpose}'`);
    await again.close();
    const removed = as('ana', ['log', 'verify']);
    expect(removed.status).toBe(1);
    expect((removed.json().problems as { code: string }[]).map((p) => p.code)).toEqual(['E_RECORD_MISSING']);
  });
});
