// Which entries of a bag are worth reading, decided from its tag files before a single payload
// byte is inflated (T7): only files a manifest lists are read, and together no more than the
// payload size bag-info.txt declares (Payload-Oxum). What is left out is reported, not read: an
// unlisted file as added to the bag, a file past the declared size as not read. A hostile
// archive cannot make verify inflate either, and an altered dossier still gets its verdict.
import { BAG_INFO_LABEL, TAG, bagInfoValue, parseBagInfo, parseManifest, type HashAlgorithm } from '../../shared/dossier/bag-files';

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

export interface ReadPlan {
  read: Set<string>;
  /** Listed payload files left unread because the declared payload size was used up. */
  overBudget: string[];
}

/** The entries (other than the known tag files, already read into `texts`) to read, in order. */
export function entriesToRead(entries: readonly BagEntry[], texts: ReadonlyMap<string, Uint8Array>): ReadPlan {
  const payload = listed(texts, [[TAG.manifest256, 'sha256'], [TAG.manifest512, 'sha512']]);
  const tags = listed(texts, [[TAG.tagmanifest256, 'sha256'], [TAG.tagmanifest512, 'sha512']]);
  let budget = declaredPayloadBytes(texts) ?? 0;
  const plan: ReadPlan = { read: new Set(), overBudget: [] };
  for (const e of entries) {
    const isPayload = e.path.startsWith('data/');
    if (!(isPayload ? payload : tags).has(e.path)) continue;
    if (isPayload && e.size > budget) {
      plan.overBudget.push(e.path);
      continue;
    }
    if (isPayload) budget -= e.size;
    plan.read.add(e.path);
  }
  return plan;
}
