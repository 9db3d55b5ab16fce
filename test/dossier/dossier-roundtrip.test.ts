// A dossier written from real parts verifies with Custodia and with independent tools:
// sha256sum, openssl, pdftotext (T4: a verifier the other side can run with their own tools).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyFingerprint } from '../../shared/custody/checkpoint';
import { writeDossier, type WriteDossierResult } from '../../main/dossier/write-dossier';
import { verifyDossier } from '../../main/dossier/verify-dossier';
import { buildDossierInput, type DossierFixture } from './helpers/dossier-fixture';
import { bundleCli, runCli } from './helpers/cli';

let dir: string;
let fixture: DossierFixture;
let written: WriteDossierResult;
let zipPath: string;
let bag: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'custodia-dossier-'));
  fixture = await buildDossierInput({ originals: true });
  zipPath = join(dir, 'dossier.zip');
  written = await writeDossier(fixture.input, zipPath);
  execFileSync('unzip', ['-q', zipPath, '-d', join(dir, 'unpacked')]);
  bag = join(dir, 'unpacked', 'dossier-D-2026-0007');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('T4 a dossier proves itself with standard tools', () => {
  it('is a BagIt bag with every required file, in one top-level folder', () => {
    expect(readdirSync(join(dir, 'unpacked'))).toEqual(['dossier-D-2026-0007']);
    expect(readdirSync(bag).sort()).toEqual([
      'VERIFY.md', 'bag-info.txt', 'bagit.txt', 'data', 'manifest-sha256.txt', 'manifest-sha512.txt',
      'signature.ed25519', 'signer.pub.pem', 'tagmanifest-sha256.txt', 'tagmanifest-sha512.txt',
    ]);
    expect(readFileSync(join(bag, 'bagit.txt'), 'utf8')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    const info = readFileSync(join(bag, 'bag-info.txt'), 'utf8');
    for (const label of ['Source-Organization', 'Bagging-Date', 'Payload-Oxum', 'External-Identifier: D-2026-0007']) expect(info).toContain(label);
    expect(info).toContain(`Custodia-Signer-Fingerprint: ${written.signer}`);
    expect(info).toContain(`Custodia-Checkpoint-Root-Hash: ${fixture.input.checkpoint.rootHash}`);
    expect(readFileSync(join(bag, 'signature.ed25519')).length).toBe(64);
  });

  it('is a ZIP whose CRCs unzip -t accepts', () => {
    expect(execFileSync('unzip', ['-t', zipPath], { encoding: 'utf8' })).toContain('No errors detected');
  });

  it('passes sha256sum -c on the manifest and the tag manifest, and sha512sum -c', () => {
    const payload = execFileSync('sha256sum', ['-c', 'manifest-sha256.txt'], { cwd: bag, encoding: 'utf8' });
    expect(payload.trim().split('\n')).toHaveLength(6);
    expect(payload).not.toMatch(/FAILED/);
    execFileSync('sha256sum', ['-c', 'tagmanifest-sha256.txt'], { cwd: bag });
    execFileSync('sha512sum', ['-c', 'manifest-sha512.txt'], { cwd: bag });
    execFileSync('sha512sum', ['-c', 'tagmanifest-sha512.txt'], { cwd: bag });
  });

  it('has a signature openssl accepts, and a fingerprint the VERIFY.md command reproduces', () => {
    const out = execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', 'signer.pub.pem', '-rawin', '-in', 'tagmanifest-sha256.txt', '-sigfile', 'signature.ed25519'], { cwd: bag, encoding: 'utf8' });
    expect(out).toContain('Signature Verified Successfully');
    const fp = execFileSync('sh', ['-c', 'openssl pkey -pubin -in signer.pub.pem -outform DER | tail -c 32 | sha256sum'], { cwd: bag, encoding: 'utf8' });
    expect(fp.slice(0, 64)).toBe(keyFingerprint(fixture.input.signer.publicKey));
    const guide = readFileSync(join(bag, 'VERIFY.md'), 'utf8');
    expect(guide).toContain('openssl pkeyutl -verify -pubin -inkey signer.pub.pem -rawin -in tagmanifest-sha256.txt -sigfile signature.ed25519');
    expect(guide).toContain('sha256sum -c manifest-sha256.txt');
    for (const title of ['Cómo verificar este expediente', 'Como verificar este dossiê', 'How to verify this dossier']) expect(guide).toContain(title);
  });

  it('has a report whose text holds every exhibit sha256 and the signer fingerprint', () => {
    const text = execFileSync('pdftotext', ['-layout', join(bag, 'data', 'report.pdf'), '-'], { encoding: 'utf8' });
    for (const e of fixture.input.exhibits) {
      expect(text).toContain(e.sha256);
      expect(text).toContain(e.originalSha256);
    }
    expect(text).toContain(written.signer);
    expect(text).toContain('Custodia documenta la custodia');
    expect(text).toContain('ALTO: amenaza con violencia física');
  });

  it('keeps real names out unless consent and the export allow them (T5)', () => {
    const json = readFileSync(join(bag, 'data', 'dossier.json'), 'utf8');
    const pdf = execFileSync('pdftotext', [join(bag, 'data', 'report.pdf'), '-'], { encoding: 'utf8' });
    for (const text of [json, pdf]) {
      expect(text).not.toContain('María Quispe');
      expect(text).not.toContain('Jorge Huamán');
      expect(text).toContain('Defensora A');
      expect(text).toContain('Testigo 1');
    }
  });

  it('verifies item by item with Custodia, as a library and through the CLI', async () => {
    const r = await verifyDossier(zipPath, { key: written.signer });
    expect(r.items.filter((i) => !i.ok)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.signer).toBe(written.signer);
    expect(r.items.map((i) => i.name)).toEqual(expect.arrayContaining([
      'signature', 'signer key', 'checkpoint', 'custody entry 6', 'exhibit ev-11', 'data/exhibits/E-01.jpg', 'data/originals/E-01.jpg',
    ]));
    const cli = await bundleCli();
    const run = runCli(cli, ['dossier', 'verify', zipPath, '--key', written.signer, '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, signerChecked: true, signer: written.signer });
  });
});

describe('dossier report languages and originals', () => {
  it.each([
    ['pt', 'Dossiê de evidências', 'Como verificar este dossiê'],
    ['en', 'Evidence dossier', 'How to verify this dossier'],
  ] as const)('writes the report in %s', async (language, title, verifyTitle) => {
    const f = await buildDossierInput({ language });
    const out = join(dir, `${language}.zip`);
    await writeDossier(f.input, out);
    expect((await verifyDossier(out)).ok).toBe(true);
    const root = join(dir, `unpacked-${language}`);
    execFileSync('unzip', ['-q', out, 'dossier-D-2026-0007/data/report.pdf', '-d', root]);
    const text = execFileSync('pdftotext', [join(root, 'dossier-D-2026-0007', 'data', 'report.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain(title);
    expect(text).toContain(verifyTitle);
  });

  it('leaves data/originals out unless the export asked for them (T5)', async () => {
    const f = await buildDossierInput();
    const out = join(dir, 'no-originals.zip');
    const r = await writeDossier(f.input, out);
    expect(r.files.filter((p) => p.startsWith('data/originals/'))).toEqual([]);
    expect(written.files.filter((p) => p.startsWith('data/originals/'))).toEqual(['data/originals/E-01.jpg']);
  });
});
