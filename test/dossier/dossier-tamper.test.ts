// Every kind of tampering the issue names is caught and reported on the item it touched
// (T4 "this was altered / added later", T6 a forger's dossier).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../../shared/custody/bytes';
import { generateSigningKeyPair, keyFingerprint } from '../../shared/custody/checkpoint';
import { writeDossier } from '../../main/dossier/write-dossier';
import { verifyDossier } from '../../main/dossier/verify-dossier';
import type { DossierVerdict } from '../../main/dossier/dossier-verdict';
import type { VerifyResult } from '../../shared/dossier/verify-types';
import { buildDossierInput, type DossierFixture } from './helpers/dossier-fixture';
import { buildCustodyLog } from './helpers/custody-fixture';
import { readZip, resign, rootOf, writeZip, type Entries } from './helpers/zip-entries';
import { bundleCli, runCli } from './helpers/cli';

let dir: string;
let fixture: DossierFixture;
let original: Entries;
let root: string;
let cli: string;
let n = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'custodia-tamper-'));
  fixture = await buildDossierInput({ originals: true });
  await writeDossier(fixture.input, join(dir, 'good.zip'));
  original = await readZip(join(dir, 'good.zip'));
  root = rootOf(original);
  cli = await bundleCli();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cli, { force: true });
});

/** Writes a changed copy of the good dossier and verifies it. */
async function tampered(change: (e: Entries) => void, key?: string): Promise<{ path: string; result: DossierVerdict }> {
  const entries = new Map([...original].map(([k, v]) => [k, Buffer.from(v)]));
  change(entries);
  const path = join(dir, `t${++n}.zip`);
  await writeZip(entries, path);
  return { path, result: await verifyDossier(path, { key }) };
}

const failed = (r: VerifyResult): string[] => r.items.filter((i) => !i.ok).map((i) => i.name);
const problem = (r: VerifyResult, name: string): string | undefined => r.items.find((i) => i.name === name && !i.ok)?.problem;
const editJson = (e: Entries, edit: (d: Record<string, unknown>) => void): void => {
  const d = JSON.parse(e.get(`${root}data/dossier.json`)!.toString('utf8')) as Record<string, unknown>;
  edit(d);
  e.set(`${root}data/dossier.json`, Buffer.from(`${JSON.stringify(d, null, 2)}\n`));
};

describe('T4 tampering with a dossier is caught item by item', () => {
  it('a changed exhibit byte', async () => {
    const { path, result } = await tampered((e) => {
      const b = e.get(`${root}data/exhibits/E-01.jpg`)!;
      const at = b.length >> 1;
      b.writeUInt8(b.readUInt8(at) ^ 0x01, at);
    });
    expect(result.ok).toBe(false);
    expect(problem(result, 'data/exhibits/E-01.jpg')).toMatch(/sha256 does not match manifest-sha256.txt/);
    expect(problem(result, 'exhibit ev-11')).toMatch(/does not have the sha256/);
    const run = runCli(cli, ['dossier', 'verify', path, '--json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error E_DOSSIER_TAMPERED:/);
    expect(JSON.parse(run.stdout).ok).toBe(false);
  });

  it('a changed dossier.json field', async () => {
    const { result } = await tampered((e) => editJson(e, (d) => {
      (d.incidents as Array<{ incident: { riskLevel: string } }>)[0]!.incident.riskLevel = 'low';
    }));
    expect(failed(result)).toContain('data/dossier.json');
    expect(problem(result, 'data/dossier.json')).toMatch(/altered/);
  });

  it('a removed file', async () => {
    const { result } = await tampered((e) => e.delete(`${root}data/exhibits/E-03.ogg`));
    expect(problem(result, 'data/exhibits/E-03.ogg')).toMatch(/listed in manifest-sha256.txt but missing/);
    expect(problem(result, 'exhibit ev-13')).toMatch(/not in the bag/);
    expect(failed(result)).toContain('bag-info fields');
  });

  it('an added file', async () => {
    const { path, result } = await tampered((e) => e.set(`${root}data/exhibits/04-planted.jpg`, Buffer.from('planted evidence')));
    expect(problem(result, 'data/exhibits/04-planted.jpg')).toMatch(/not listed in manifest-sha256.txt/);
    expect(problem(result, 'exhibit list')).toMatch(/04-planted.jpg/);
    expect(runCli(cli, ['dossier', 'verify', path]).status).toBe(1);
  });

  it('an added file outside the bag folder', async () => {
    const { result } = await tampered((e) => e.set('README.txt', Buffer.from('note')));
    expect(problem(result, 'README.txt')).toMatch(/outside the bag folder/);
  });

  it('an edited manifest line', async () => {
    const { result } = await tampered((e) => {
      const m = e.get(`${root}manifest-sha256.txt`)!.toString('utf8');
      const line = m.split('\n').find((l) => l.endsWith('E-01.jpg'))!;
      e.set(`${root}manifest-sha256.txt`, Buffer.from(m.replace(line, `${'0'.repeat(64)}  data/exhibits/E-01.jpg`)));
    });
    expect(problem(result, 'manifest-sha256.txt')).toMatch(/sha256 does not match tagmanifest-sha256.txt/);
    expect(problem(result, 'data/exhibits/E-01.jpg')).toMatch(/sha256 does not match/);
  });

  it('an edited bag-info', async () => {
    const { result } = await tampered((e) => {
      const info = e.get(`${root}bag-info.txt`)!.toString('utf8');
      e.set(`${root}bag-info.txt`, Buffer.from(info.replace(/Source-Organization: .*/, 'Source-Organization: Empresa Minera SAC')));
    });
    expect(failed(result)).toEqual(['bag-info.txt']);
    expect(problem(result, 'bag-info.txt')).toMatch(/does not match tagmanifest-sha256.txt/);
  });
});

describe('T6 a forged or re-signed dossier names its real signer', () => {
  it('a replaced signature', async () => {
    const { path, result } = await tampered((e) => e.set(`${root}signature.ed25519`, Buffer.alloc(64, 7)));
    expect(problem(result, 'signature')).toMatch(/does not verify/);
    const run = runCli(cli, ['dossier', 'verify', path]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error E_SIGNATURE_INVALID:/);
  });

  const forger = generateSigningKeyPair();
  const forged = keyFingerprint(forger.publicKey);
  const genuine = (): string => keyFingerprint(fixture.input.signer.publicKey);
  /** What a forger does: change a statement, name their own key as signer, sign again. */
  const forge = (e: Entries): void => {
    editJson(e, (d) => {
      (d.incidents as Array<{ incident: { verbatim: string } }>)[0]!.incident.verbatim = 'nunca hubo amenaza';
      d.signer = { publicKey: toHex(forger.publicKey), fingerprint: forged };
    });
    resign(e, forger);
  };

  it('without --key a forger\'s self-consistent dossier is intact, but never verified: the signer is reported not checked', async () => {
    const { path, result } = await tampered(forge);
    expect(failed(result)).toEqual([]);
    expect(result).toMatchObject({ ok: true, signerChecked: false, signer: forged });
    const text = runCli(cli, ['dossier', 'verify', path]);
    expect(text.status).toBe(0);
    expect(text.stdout).not.toMatch(/^VERIFIED/m);
    expect(text.stdout).toContain(`INTACT, but the signer was NOT CHECKED: compare the signer's fingerprint ${forged} with one your organisation published (--key ${forged})`);
    const json = runCli(cli, ['dossier', 'verify', path, '--json']);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, signerChecked: false, signer: forged });
  });

  it('the signer counts as checked only when --key names it', async () => {
    const { path } = await tampered(forge);
    const text = runCli(cli, ['dossier', 'verify', path, '--key', forged]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`^VERIFIED: every check passed, signed by the published key ${forged}$`, 'm'));
    expect(JSON.parse(runCli(cli, ['dossier', 'verify', path, '--key', forged, '--json']).stdout)).toMatchObject({ ok: true, signerChecked: true });
    const wrong = runCli(cli, ['dossier', 'verify', path, '--key', genuine(), '--json']);
    expect(wrong.status).toBe(1);
    expect(JSON.parse(wrong.stdout)).toMatchObject({ ok: false, signerChecked: false });
  });

  it('a bag re-signed with another key is caught with --key', async () => {
    const { path, result: withKey } = await tampered(forge, genuine());
    expect(failed(withKey)).toEqual(['signer key']);
    expect(problem(withKey, 'signer key')).toContain(`not by the expected ${genuine()}`);
    const run = runCli(cli, ['dossier', 'verify', path, '--key', genuine()]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error E_KEY_MISMATCH:/);
  });

  it('a wrong inclusion proof, even in a bag re-signed with the genuine key', async () => {
    const { result } = await tampered((e) => {
      editJson(e, (d) => {
        const proof = (d.custody as Array<{ proof: { proof: string[] } }>)[2]!.proof;
        proof.proof[0] = proof.proof[0]!.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
      });
      resign(e, fixture.input.signer);
    });
    expect(failed(result)).toEqual(['custody entry 4']);
    expect(problem(result, 'custody entry 4')).toMatch(/inclusion proof does not lead/);
  });

  it('a checkpoint from another vault, even in a bag re-signed with the genuine key', async () => {
    const other = buildCustodyLog(fixture.custody.entries.map((x) => ({ action: x.action, subject: x.subject, details: { other: true } })), 'vault-elsewhere', fixture.input.signer);
    const { result } = await tampered((e) => {
      editJson(e, (d) => {
        d.checkpoint = other.checkpoint;
      });
      const info = e.get(`${root}bag-info.txt`)!.toString('utf8')
        .replace(/Custodia-Checkpoint-Origin: .*/, `Custodia-Checkpoint-Origin: ${other.checkpoint.origin}`)
        .replace(/Custodia-Checkpoint-Root-Hash: .*/, `Custodia-Checkpoint-Root-Hash: ${other.checkpoint.rootHash}`);
      e.set(`${root}bag-info.txt`, Buffer.from(info));
      resign(e, fixture.input.signer);
    });
    expect(result.items.find((i) => i.name === 'checkpoint')?.ok).toBe(true);
    const custody = result.items.filter((i) => i.name.startsWith('custody entry'));
    expect(custody.length).toBe(7);
    for (const item of custody) expect(item.problem).toMatch(/other than the signed checkpoint/);
  });

  it('a checkpoint whose signature was forged', async () => {
    const { result } = await tampered((e) => {
      editJson(e, (d) => {
        (d.checkpoint as { time: string }).time = '2027-01-01T00:00:00Z';
      });
      resign(e, fixture.input.signer);
    });
    expect(problem(result, 'checkpoint')).toMatch(/signature does not verify/);
  });
});

