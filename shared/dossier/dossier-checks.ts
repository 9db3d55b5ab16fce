// Checks on the content of data/dossier.json, once the bag's own hashes are known: custody
// proofs lead to a signed checkpoint (T4), and the exhibits it lists are the files in the bag.
// Pure, so the app can run the same checks.
import { fromHex } from '../custody/bytes';
import { keyFingerprint, verifyCheckpointSignature } from '../custody/checkpoint';
import { entryHash } from '../custody/custody-entry';
import { verifyInclusionProofJson } from '../custody/proof-json';
import { dossierJsonSchema, type DossierJson } from './dossier-json';
import { fail, pass, type VerifyItem } from './verify-types';

export type DossierParse = { ok: true; dossier: DossierJson } | { ok: false; problem: string };

export function parseDossierJson(bytes: Uint8Array): DossierParse {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, problem: 'not valid UTF-8 JSON' };
  }
  const r = dossierJsonSchema.safeParse(value);
  if (!r.success) {
    const first = r.error.issues[0];
    return { ok: false, problem: `not a Custodia dossier: ${first ? `${first.path.join('.')}: ${first.message}` : 'invalid'}` };
  }
  return { ok: true, dossier: r.data };
}

export function checkCustody(d: DossierJson): VerifyItem[] {
  const cp = d.checkpoint;
  const items: VerifyItem[] = [
    verifyCheckpointSignature(cp) ? pass('checkpoint') : fail('checkpoint', 'the checkpoint signature does not verify'),
  ];
  const bySeq = new Map(d.custody.map((c) => [c.entry.seq, c.entry]));
  for (const { entry, proof } of d.custody) {
    const name = `custody entry ${entry.seq}`;
    if (!verifyInclusionProofJson(entry, proof)) items.push(fail(name, 'the inclusion proof does not lead from this entry to its root'));
    else if (proof.treeSize !== cp.treeSize || proof.rootHash !== cp.rootHash) {
      items.push(fail(name, `the proof leads to a tree (size ${proof.treeSize}) other than the signed checkpoint's (size ${cp.treeSize})`));
    } else {
      const before = bySeq.get(entry.seq - 1);
      // Where the excerpt holds neighbours, the hash chain between them must hold too.
      if (before && entryHash(before) !== entry.prev) items.push(fail(name, `does not chain to entry ${entry.seq - 1}`));
      else items.push(pass(name));
    }
  }
  return items;
}

export function checkSignerRecord(d: DossierJson, bagSigner: string | null): VerifyItem {
  const name = 'dossier.json signer';
  let fingerprint: string;
  try {
    fingerprint = keyFingerprint(fromHex(d.signer.publicKey));
  } catch {
    return fail(name, 'the public key is not 32 bytes');
  }
  if (fingerprint !== d.signer.fingerprint) return fail(name, 'the fingerprint is not that of the public key');
  if (bagSigner !== null && fingerprint !== bagSigner) return fail(name, 'names a signer other than signer.pub.pem');
  return pass(name);
}

/**
 * Every exhibit and original listed is a file of the bag with the listed hash, and every file
 * under data/exhibits or data/originals is listed.
 */
export function checkExhibits(d: DossierJson, payloadSha256: ReadonlyMap<string, string>): VerifyItem[] {
  const items: VerifyItem[] = [];
  const listed = new Set<string>();
  const checkFile = (file: string, sha256: string, what: string): string | null => {
    listed.add(file);
    const actual = payloadSha256.get(file);
    if (actual === undefined) return `${what} ${file} is not in the bag`;
    if (actual !== sha256) return `${what} ${file} does not have the sha256 dossier.json lists`;
    return null;
  };
  for (const e of d.exhibits) {
    const problem =
      checkFile(e.file, e.sha256, 'exhibit') ?? (e.originalFile ? checkFile(e.originalFile, e.originalSha256, 'original') : null);
    items.push(problem ? fail(`exhibit ${e.id}`, problem) : pass(`exhibit ${e.id}`));
  }
  const unlisted = [...payloadSha256.keys()].filter((p) => /^data\/(exhibits|originals)\//.test(p) && !listed.has(p));
  items.push(
    unlisted.length === 0
      ? pass('exhibit list')
      : fail('exhibit list', `files in the bag that dossier.json does not list: ${unlisted.join(', ')}`),
  );
  return items;
}
