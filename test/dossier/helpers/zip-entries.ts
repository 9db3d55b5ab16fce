// Test helpers to take a dossier ZIP apart in memory and put a changed copy back together,
// optionally re-signed: the tampering tests need a forger's tools.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { ed25519 } from '@noble/curves/ed25519.js';
import { open as openZip } from 'yauzl';
import { ZipFile } from 'yazl';
import { keyFingerprint } from '../../../shared/custody/checkpoint';
import {
  BAG_INFO_LABEL, TAG, TAG_FILES_IN_TAGMANIFEST, buildManifest, parseBagInfo, buildBagInfo, payloadOxum,
} from '../../../shared/dossier/bag-files';
import { ed25519PublicKeyToPem } from '../../../shared/dossier/spki-pem';
import type { KeyPair } from './custody-fixture';

export type Entries = Map<string, Buffer>;

export function readZip(path: string): Promise<Entries> {
  return new Promise((resolve, reject) => {
    openZip(path, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const out: Entries = new Map();
      zip.on('entry', (entry) => {
        zip.openReadStream(entry, (e, s) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          s.on('data', (c: Buffer) => chunks.push(c));
          s.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

export function writeZip(entries: Entries, path: string): Promise<void> {
  const zip = new ZipFile();
  for (const [name, bytes] of entries) zip.addBuffer(bytes, name, { compress: false });
  zip.end();
  return new Promise((resolve, reject) => {
    zip.outputStream.pipe(createWriteStream(path)).on('close', resolve).on('error', reject);
  });
}

/** The bag root folder of a dossier's entries ("dossier-<id>/"). */
export function rootOf(entries: Entries): string {
  const bagit = [...entries.keys()].find((n) => n.endsWith('bagit.txt'))!;
  return bagit.slice(0, -'bagit.txt'.length);
}

const hex = (alg: string, b: Buffer): string => createHash(alg).update(b).digest('hex');

/** Recomputes manifests, Payload-Oxum, tag manifests and the signature, as a forger holding `key` would. */
export function resign(entries: Entries, key: KeyPair): Entries {
  const root = rootOf(entries);
  const get = (p: string): Buffer => entries.get(root + p)!;
  const set = (p: string, b: Buffer | string): void => void entries.set(root + p, Buffer.from(b));
  const payload = [...entries.keys()].filter((n) => n.startsWith(`${root}data/`)).map((n) => n.slice(root.length)).sort();
  set(TAG.manifest256, buildManifest(payload.map((p) => ({ path: p, hex: hex('sha256', get(p)) }))));
  set(TAG.manifest512, buildManifest(payload.map((p) => ({ path: p, hex: hex('sha512', get(p)) }))));
  const info = parseBagInfo(get(TAG.bagInfo).toString('utf8'))!;
  const total = payload.reduce((n, p) => n + get(p).length, 0);
  for (const f of info) {
    if (f.label === BAG_INFO_LABEL.payloadOxum) f.value = payloadOxum(total, payload.length);
    if (f.label === BAG_INFO_LABEL.signerFingerprint) f.value = keyFingerprint(key.publicKey);
  }
  set(TAG.bagInfo, buildBagInfo(info));
  set(TAG.publicKey, ed25519PublicKeyToPem(key.publicKey));
  const tm256 = buildManifest(TAG_FILES_IN_TAGMANIFEST.map((p) => ({ path: p, hex: hex('sha256', get(p)) })));
  set(TAG.tagmanifest256, tm256);
  set(TAG.tagmanifest512, buildManifest(TAG_FILES_IN_TAGMANIFEST.map((p) => ({ path: p, hex: hex('sha512', get(p)) }))));
  set(TAG.signature, Buffer.from(ed25519.sign(Buffer.from(tm256), key.secretKey)));
  return entries;
}
