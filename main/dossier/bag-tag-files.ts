// The tag files written after the payload: bag-info, manifests, VERIFY.md, the key, the tag
// manifests and the Ed25519 signature over the exact bytes of tagmanifest-sha256.txt.
import { ed25519 } from '@noble/curves/ed25519.js';
import { keyFingerprint } from '../../shared/custody/checkpoint';
import { utf8 } from '../../shared/custody/bytes';
import {
  BAG_INFO_LABEL, TAG, TAG_FILES_IN_TAGMANIFEST, buildBagInfo, buildManifest, payloadOxum, type BagInfoField,
} from '../../shared/dossier/bag-files';
import type { DossierInput } from '../../shared/dossier/dossier-types';
import { ed25519PublicKeyToPem } from '../../shared/dossier/spki-pem';
import type { FileDigest } from './bag-zip-writer';
import { buildVerifyMd } from './verify-guide';

export const SOFTWARE_AGENT = 'Custodia 0.1.0';

function bagInfoFields(input: DossierInput, payload: readonly FileDigest[]): BagInfoField[] {
  const total = payload.reduce((n, f) => n + f.bytes, 0);
  const recipient = input.recipient.name ? `${input.recipient.kind}: ${input.recipient.name}` : input.recipient.kind;
  return [
    { label: 'Source-Organization', value: input.organisation },
    { label: 'Bagging-Date', value: input.createdAt.slice(0, 10) },
    { label: BAG_INFO_LABEL.payloadOxum, value: payloadOxum(total, payload.length) },
    { label: BAG_INFO_LABEL.externalIdentifier, value: input.id },
    { label: 'External-Description', value: input.purpose },
    { label: 'Bag-Software-Agent', value: SOFTWARE_AGENT },
    { label: 'Custodia-Recipient', value: recipient },
    { label: 'Custodia-Language', value: input.language },
    { label: BAG_INFO_LABEL.signerFingerprint, value: keyFingerprint(input.signer.publicKey) },
    { label: BAG_INFO_LABEL.checkpointOrigin, value: input.checkpoint.origin },
    { label: BAG_INFO_LABEL.checkpointTreeSize, value: String(input.checkpoint.treeSize) },
    { label: BAG_INFO_LABEL.checkpointRootHash, value: input.checkpoint.rootHash },
  ];
}

/** Every tag file in writing order, with its bytes. */
export function buildTagFiles(input: DossierInput, payload: readonly FileDigest[]): Array<[string, Uint8Array]> {
  const sorted = [...payload].sort((a, b) => (a.path < b.path ? -1 : 1));
  const files = new Map<string, Uint8Array>([
    [TAG.bagInfo, utf8(buildBagInfo(bagInfoFields(input, payload)))],
    [TAG.manifest256, utf8(buildManifest(sorted.map((f) => ({ path: f.path, hex: f.sha256 }))))],
    [TAG.manifest512, utf8(buildManifest(sorted.map((f) => ({ path: f.path, hex: f.sha512 }))))],
    [TAG.verifyMd, utf8(buildVerifyMd(input.language, keyFingerprint(input.signer.publicKey)))],
    [TAG.publicKey, utf8(ed25519PublicKeyToPem(input.signer.publicKey))],
  ]);
  return [...files.entries()];
}

/** Tag manifests over bagit.txt plus the tag files above, and the signature. */
export function buildTagManifests(
  digests: ReadonlyMap<string, FileDigest>,
  secretKey: Uint8Array,
): Array<[string, Uint8Array]> {
  const listed = TAG_FILES_IN_TAGMANIFEST.map((p) => {
    const d = digests.get(p);
    if (!d) throw new Error(`tag file ${p} missing`);
    return d;
  });
  const tm256 = utf8(buildManifest(listed.map((d) => ({ path: d.path, hex: d.sha256 }))));
  const tm512 = utf8(buildManifest(listed.map((d) => ({ path: d.path, hex: d.sha512 }))));
  return [
    [TAG.tagmanifest256, tm256],
    [TAG.tagmanifest512, tm512],
    [TAG.signature, ed25519.sign(tm256, secretKey)],
  ];
}
