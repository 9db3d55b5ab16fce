// Which entries of a bag are worth reading, decided from its tag files before a single payload
// byte is inflated (T7): only files a manifest lists are read, and together they may not exceed
// the payload size bag-info.txt declares (Payload-Oxum). Unlisted files are reported as added
// to the bag without being read, so a hostile archive cannot make verify inflate them.
import { BAG_INFO_LABEL, TAG, bagInfoValue, parseBagInfo, parseManifest, type HashAlgorithm } from '../../shared/dossier/bag-files';
import { CustodiaError } from '../../shared/errors/error-codes';

export interface BagEntry {
  /** Path relative to the bag's root. */
  path: string;
  size: number;
}

const text = (b: Uint8Array | undefined): string | null => {
  if (!b) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return null;
  }
};

/** Every path listed by any of the manifests that parse; a broken manifest lists nothing. */
function listed(texts: ReadonlyMap<string, Uint8Array>, manifests: ReadonlyArray<[string, HashAlgorithm]>): Set<string> {
  const paths = new Set<string>();
  for (const [name, alg] of manifests) {
    const t = text(texts.get(name));
    const parsed = t === null ? null : parseManifest(t, alg);
    if (parsed?.ok) for (const p of parsed.entries.keys()) paths.add(p);
  }
  return paths;
}

/** The declared payload size in bytes, or null when bag-info.txt holds no valid Payload-Oxum. */
function declaredPayloadBytes(texts: ReadonlyMap<string, Uint8Array>): number | null {
  const info = text(texts.get(TAG.bagInfo));
  const fields = info === null ? null : parseBagInfo(info);
  const oxum = fields ? bagInfoValue(fields, BAG_INFO_LABEL.payloadOxum) : undefined;
  const m = oxum === undefined ? null : /^(\d{1,16})\.(\d{1,9})$/.exec(oxum);
  return m ? Number(m[1]) : null;
}

/**
 * The entries (other than the known tag files, already read into `texts`) to read. Throws
 * E_ZIP_OVER_PAYLOAD when the listed payload is larger than the bag says it is, or when the bag
 * gives no size at all.
 */
export function entriesToRead(entries: readonly BagEntry[], texts: ReadonlyMap<string, Uint8Array>): Set<string> {
  const payload = listed(texts, [[TAG.manifest256, 'sha256'], [TAG.manifest512, 'sha512']]);
  const tags = listed(texts, [[TAG.tagmanifest256, 'sha256'], [TAG.tagmanifest512, 'sha512']]);
  const read = entries.filter((e) => (e.path.startsWith('data/') ? payload : tags).has(e.path));
  const declared = declaredPayloadBytes(texts);
  if (declared === null) throw new CustodiaError('E_ZIP_OVER_PAYLOAD', 'bag-info.txt declares no Payload-Oxum: the size of the payload is unknown, nothing was read');
  const payloadBytes = read.filter((e) => e.path.startsWith('data/')).reduce((n, e) => n + e.size, 0);
  if (payloadBytes > declared) {
    throw new CustodiaError('E_ZIP_OVER_PAYLOAD', `the listed payload holds ${payloadBytes} bytes, more than the ${declared} bag-info.txt declares`);
  }
  return new Set(read.map((e) => e.path));
}
