// The bag-level checks of a dossier over hashes already computed: bagit.txt, bag-info,
// manifests and tag manifests, the signature and the signer (T4, T6). Pure, so the app can
// run them too; reading the ZIP safely is the caller's job.
import { ed25519 } from '@noble/curves/ed25519.js';
import { fromHex } from '../custody/bytes';
import { keyFingerprint } from '../custody/checkpoint';
import { checkRosterExcerpt } from '../custody/roster';
import { BAGIT_TXT, BAG_INFO_LABEL, DOSSIER_JSON_PATH, TAG, bagInfoValue, parseBagInfo, parseManifest, payloadOxum, type HashAlgorithm } from './bag-files';
import { checkCustody, checkExhibits, checkSignerRecord, parseDossierJson } from './dossier-checks';
import type { DossierJson } from './dossier-json';
import { ed25519PublicKeyFromPem } from './spki-pem';
import { fail, pass, type VerifyItem, type VerifyResult } from './verify-types';

/** Names of the items that are not a file of the bag. */
export const ITEM = { bagitVersion: 'BagIt version', bagInfoFields: 'bag-info fields', signature: 'signature', signerKey: 'signer key' } as const;

export interface BagFileDigest {
  bytes: number;
  sha256: string;
  sha512: string;
}

export interface BagContent {
  /** Every file of the bag by its path relative to the bag's root. */
  files: ReadonlyMap<string, BagFileDigest>;
  /** The bytes of the tag files and of data/dossier.json. */
  texts: ReadonlyMap<string, Uint8Array>;
}

const decode = (b: Uint8Array | undefined): string | null => {
  if (!b) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return null;
  }
};

/** Checks every file against the two manifests that should list it; one item per file. */
function checkManifests(c: BagContent, paths: string[], m256: string, m512: string, items: VerifyItem[]): void {
  const parsed = ([[m256, 'sha256'], [m512, 'sha512']] as Array<[string, HashAlgorithm]>).map(([name, alg]) => {
    const text = decode(c.texts.get(name));
    const r = text === null ? { ok: false as const, problem: 'missing or not UTF-8' } : parseManifest(text, alg);
    if (!r.ok) items.push(fail(name, r.problem));
    return { name, alg, entries: r.ok ? r.entries : null };
  });
  for (const path of paths) {
    const digest = c.files.get(path)!;
    const problems = parsed.flatMap(({ name, alg, entries }) => {
      if (!entries) return [];
      const listed = entries.get(path);
      if (listed === undefined) return [`not listed in ${name}: added to the bag`];
      return listed === digest[alg] ? [] : [`${alg} does not match ${name}: altered`];
    });
    items.push(problems.length ? fail(path, problems.join('; ')) : pass(path));
  }
  for (const { name, entries } of parsed) {
    for (const listed of entries?.keys() ?? []) {
      if (!c.files.has(listed)) items.push(fail(listed, `listed in ${name} but missing from the bag`));
    }
  }
}

function checkBagInfo(c: BagContent, signer: string | null, dossier: DossierJson | null): VerifyItem {
  const text = decode(c.texts.get(TAG.bagInfo));
  const fields = text === null ? null : parseBagInfo(text);
  if (!fields) return fail(ITEM.bagInfoFields, 'bag-info.txt is missing or unreadable');
  const payload = [...c.files.entries()].filter(([p]) => p.startsWith('data/'));
  const oxum = payloadOxum(payload.reduce((n, [, d]) => n + d.bytes, 0), payload.length);
  const value = (label: string): string | undefined => bagInfoValue(fields, label);
  const problems = [
    value(BAG_INFO_LABEL.payloadOxum) !== oxum && `Payload-Oxum is ${value(BAG_INFO_LABEL.payloadOxum) ?? 'missing'}, the payload is ${oxum}`,
    signer !== null && value(BAG_INFO_LABEL.signerFingerprint) !== signer && 'the signer fingerprint is not that of signer.pub.pem',
    dossier && value(BAG_INFO_LABEL.externalIdentifier) !== dossier.id && 'External-Identifier is not the dossier id',
    dossier && (value(BAG_INFO_LABEL.checkpointRootHash) !== dossier.checkpoint.rootHash ||
      value(BAG_INFO_LABEL.checkpointTreeSize) !== String(dossier.checkpoint.treeSize) ||
      value(BAG_INFO_LABEL.checkpointOrigin) !== dossier.checkpoint.origin) && 'the checkpoint fields differ from dossier.json',
  ].filter((p): p is string => typeof p === 'string');
  return problems.length ? fail(ITEM.bagInfoFields, problems.join('; ')) : pass(ITEM.bagInfoFields);
}

function checkSignature(c: BagContent): { item: VerifyItem; signer: string | null } {
  const pem = decode(c.texts.get(TAG.publicKey));
  const key = pem === null ? null : ed25519PublicKeyFromPem(pem);
  if (!key) return { item: fail(ITEM.signature, 'signer.pub.pem is missing or not an Ed25519 public key'), signer: null };
  const signer = keyFingerprint(key);
  const sig = c.texts.get(TAG.signature);
  const signed = c.texts.get(TAG.tagmanifest256);
  if (!sig || sig.length !== 64 || !signed) return { item: fail(ITEM.signature, 'signature.ed25519 or tagmanifest-sha256.txt is missing'), signer };
  let ok: boolean;
  try {
    ok = ed25519.verify(sig, signed, key, { zip215: false });
  } catch {
    ok = false;
  }
  return { item: ok ? pass(ITEM.signature) : fail(ITEM.signature, 'the Ed25519 signature over tagmanifest-sha256.txt does not verify'), signer };
}

export const normaliseFingerprint = (f: string): string => f.toLowerCase().replace(/[^0-9a-f]/g, '');

export function checkDossierBag(c: BagContent, expectedKey?: string): VerifyResult {
  const items: VerifyItem[] = [];
  const bagit = decode(c.texts.get(TAG.bagit));
  items.push(bagit?.replace(/\r\n/g, '\n') === BAGIT_TXT ? pass(ITEM.bagitVersion) : fail(ITEM.bagitVersion, 'bagit.txt is not a BagIt 1.0 declaration'));

  const { item: sigItem, signer } = checkSignature(c);
  items.push(sigItem);
  const parsed = c.texts.has(DOSSIER_JSON_PATH) ? parseDossierJson(c.texts.get(DOSSIER_JSON_PATH)!) : { ok: false as const, problem: 'missing' };
  const dossier = parsed.ok ? parsed.dossier : null;
  let vouchedSigner: VerifyResult['vouchedSigner'];
  if (expectedKey !== undefined) {
    const check = checkSignerKey(normaliseFingerprint(expectedKey), signer, dossier);
    items.push(check.item);
    vouchedSigner = check.vouched;
  }

  const paths = [...c.files.keys()].sort();
  checkManifests(c, paths.filter((p) => p.startsWith('data/')), TAG.manifest256, TAG.manifest512, items);
  const signedTags = paths.filter((p) => !p.startsWith('data/') && p !== TAG.tagmanifest256 && p !== TAG.tagmanifest512 && p !== TAG.signature);
  checkManifests(c, signedTags, TAG.tagmanifest256, TAG.tagmanifest512, items);

  items.push(checkBagInfo(c, signer, dossier));
  if (!parsed.ok) items.push(fail(DOSSIER_JSON_PATH, parsed.problem));
  else {
    const payloadSha256 = new Map([...c.files.entries()].filter(([p]) => p.startsWith('data/')).map(([p, d]) => [p, d.sha256]));
    items.push(checkSignerRecord(parsed.dossier, signer), ...checkCustody(parsed.dossier), ...checkExhibits(parsed.dossier, payloadSha256));
  }
  return {
    ok: items.every((i) => i.ok),
    signer,
    dossierId: dossier?.id ?? null,
    checkpointSigner: dossier ? checkpointSignerFingerprint(dossier) : null,
    ...(vouchedSigner ? { vouchedSigner } : {}),
    items,
  };
}

/**
 * The published fingerprint is the signer's own, or an admin's whose signed roster excerpt (in
 * dossier.json, itself covered by the bag's signature) shows the signer's key held the legal or
 * admin role when the dossier was made (T6).
 */
function checkSignerKey(want: string, signer: string | null, d: DossierJson | null): { item: VerifyItem; vouched?: { user: string; role: string } } {
  if (signer === want) return { item: pass(ITEM.signerKey) };
  const mismatch = fail(ITEM.signerKey, `signed by ${signer ?? 'an unreadable key'}, not by the expected ${want}`);
  const excerpt = d?.roster;
  if (!excerpt || signer === null || signer !== d.signer.fingerprint || excerpt.roster.origin !== d.checkpoint.origin ||
    rosterSignerFingerprint(excerpt.roster.signer) !== want) return { item: mismatch };
  const verdict = checkRosterExcerpt(excerpt, d.signer.publicKey, d.createdAt);
  if (!verdict.ok) return { item: fail(ITEM.signerKey, verdict.problem, verdict.code) };
  return { item: pass(ITEM.signerKey), vouched: { user: verdict.member.user, role: verdict.member.role } };
}

function rosterSignerFingerprint(publicKey: string): string | null {
  try {
    return keyFingerprint(fromHex(publicKey));
  } catch {
    return null;
  }
}

function checkpointSignerFingerprint(d: DossierJson): string | null {
  try {
    return keyFingerprint(fromHex(d.checkpoint.signer));
  } catch {
    return null;
  }
}
