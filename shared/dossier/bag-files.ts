// The BagIt 1.0 (RFC 8493) text files of a dossier: what they contain and how they are read back.
// Pure, so the writer, the verifier and the app's renderer share one definition.

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

export const TAG = {
  bagit: 'bagit.txt',
  bagInfo: 'bag-info.txt',
  manifest256: 'manifest-sha256.txt',
  manifest512: 'manifest-sha512.txt',
  tagmanifest256: 'tagmanifest-sha256.txt',
  tagmanifest512: 'tagmanifest-sha512.txt',
  verifyMd: 'VERIFY.md',
  publicKey: 'signer.pub.pem',
  signature: 'signature.ed25519',
} as const;

export const DOSSIER_JSON_PATH = 'data/dossier.json';
export const REPORT_PDF_PATH = 'data/report.pdf';

/** Tag files covered by the tag manifests, in the order they are listed. */
export const TAG_FILES_IN_TAGMANIFEST = [TAG.bagit, TAG.bagInfo, TAG.manifest256, TAG.manifest512, TAG.verifyMd, TAG.publicKey];

/** Every file allowed outside data/: the tag files plus the two tag manifests and the signature over one of them. */
export const ALLOWED_TAG_FILES: readonly string[] = [...TAG_FILES_IN_TAGMANIFEST, TAG.tagmanifest256, TAG.tagmanifest512, TAG.signature];

export type HashAlgorithm = 'sha256' | 'sha512';
const HEX_LENGTH: Record<HashAlgorithm, number> = { sha256: 64, sha512: 128 };

// RFC 8493 §2.1.3: CR, LF and % in a path are percent-encoded in manifests.
const encodePath = (p: string): string => p.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const decodePath = (p: string): string => p.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');

/** Two spaces between hash and path, so `sha256sum -c` reads the file as it is. */
export function buildManifest(lines: ReadonlyArray<{ path: string; hex: string }>): string {
  return lines.map((l) => `${l.hex}  ${encodePath(l.path)}\n`).join('');
}

export type ManifestParse = { ok: true; entries: Map<string, string> } | { ok: false; problem: string };

export function parseManifest(text: string, algorithm: HashAlgorithm): ManifestParse {
  const entries = new Map<string, string>();
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const [i, line] of lines.entries()) {
    const m = /^([0-9a-fA-F]+)[ \t]+\*?(.+)$/.exec(line.replace(/\r$/, ''));
    if (!m || m[1]!.length !== HEX_LENGTH[algorithm]) return { ok: false, problem: `line ${i + 1} is not "<${algorithm}> <path>"` };
    const path = decodePath(m[2]!);
    if (entries.has(path)) return { ok: false, problem: `line ${i + 1} lists ${path} twice` };
    entries.set(path, m[1]!.toLowerCase());
  }
  return { ok: true, entries };
}

export interface BagInfoField {
  label: string;
  value: string;
}

const oneLine = (s: string): string => s.replace(/[\r\n]+/g, ' ').trim();

export function buildBagInfo(fields: readonly BagInfoField[]): string {
  return fields.map((f) => `${f.label}: ${oneLine(f.value)}\n`).join('');
}

/** Labels may repeat (RFC 8493 §2.2.2); continuation lines start with white space. */
export function parseBagInfo(text: string): BagInfoField[] | null {
  const fields: BagInfoField[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line === '') continue;
    if (/^[ \t]/.test(line)) {
      const last = fields.at(-1);
      if (!last) return null;
      last.value = `${last.value} ${line.trim()}`;
      continue;
    }
    const m = /^([^:\s][^:]*):\s?(.*)$/.exec(line);
    if (!m) return null;
    fields.push({ label: m[1]!.trim(), value: m[2]!.trim() });
  }
  return fields;
}

export function bagInfoValue(fields: readonly BagInfoField[], label: string): string | undefined {
  return fields.find((f) => f.label.toLowerCase() === label.toLowerCase())?.value;
}

export const payloadOxum = (bytes: number, count: number): string => `${bytes}.${count}`;

export const BAG_INFO_LABEL = {
  signerFingerprint: 'Custodia-Signer-Fingerprint',
  checkpointOrigin: 'Custodia-Checkpoint-Origin',
  checkpointTreeSize: 'Custodia-Checkpoint-Tree-Size',
  checkpointRootHash: 'Custodia-Checkpoint-Root-Hash',
  payloadOxum: 'Payload-Oxum',
  externalIdentifier: 'External-Identifier',
} as const;
