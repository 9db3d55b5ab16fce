// Independent judges for the custody crypto tests: PyNaCl/libsodium and hashlib through
// /usr/bin/python3, and the openssl command line. None of our code runs inside them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./nacl_judge.py', import.meta.url));
const NOTE_SCRIPT = fileURLToPath(new URL('./signed_note_judge.py', import.meta.url));

/** Empty when the judge can run, else why not (used as the skip reason). */
export const naclMissing: string = (() => {
  const r = spawnSync(PYTHON, ['-c', 'import nacl.signing'], { encoding: 'utf8' });
  return r.status === 0 ? '' : `${PYTHON} cannot import nacl (install python3-nacl)`;
})();

export const opensslMissing: string = (() => {
  const r = spawnSync('openssl', ['version'], { encoding: 'utf8' });
  return r.status === 0 ? '' : 'openssl is not installed';
})();

export function nacl<T>(request: Record<string, unknown>): T {
  const r = spawnSync(PYTHON, [SCRIPT], { input: JSON.stringify(request), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`nacl judge failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

export function opensslSha256(data: Uint8Array): string {
  const r = spawnSync('openssl', ['dgst', '-sha256', '-r'], { input: data, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl dgst failed: ${r.stderr}`);
  return r.stdout.split(' ')[0] as string;
}

/** `openssl pkeyutl -verify` of an Ed25519 signature, as VERIFY.md tells outside verifiers to do. */
export function opensslVerifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'custodia-openssl-'));
  try {
    // SubjectPublicKeyInfo for Ed25519 (RFC 8410): fixed 12-byte prefix, then the raw key.
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), publicKey]);
    const pem = `-----BEGIN PUBLIC KEY-----\n${spki.toString('base64')}\n-----END PUBLIC KEY-----\n`;
    writeFileSync(join(dir, 'pub.pem'), pem);
    writeFileSync(join(dir, 'msg'), message);
    writeFileSync(join(dir, 'sig'), signature);
    const r = spawnSync(
      'openssl',
      ['pkeyutl', '-verify', '-pubin', '-inkey', 'pub.pem', '-rawin', '-in', 'msg', '-sigfile', 'sig'],
      { cwd: dir, encoding: 'utf8' },
    );
    return r.status === 0 && r.stdout.includes('Signature Verified Successfully');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The C2SP signed-note checkpoint verifier written from the specs in Python (signed_note_judge.py). */
export function signedNoteJudge(note: string, vkey: string): Record<string, unknown> {
  const r = spawnSync(PYTHON, [NOTE_SCRIPT], { input: JSON.stringify({ note, vkey }), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`signed-note judge failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}
