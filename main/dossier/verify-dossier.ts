// `custodia dossier verify`: reads a dossier ZIP safely, hashes every entry in memory, and runs
// the bag and dossier checks item by item. No vault, no temporary files, nothing unpacked.
import { createHash } from 'node:crypto';
import { ALLOWED_TAG_FILES, DOSSIER_JSON_PATH } from '../../shared/dossier/bag-files';
import { checkDossierBag, type BagFileDigest } from '../../shared/dossier/bag-checks';
import { fail } from '../../shared/dossier/verify-types';
import { CustodiaError } from '../../shared/errors/error-codes';
import { withSignerVerdict, type DossierVerdict } from './dossier-verdict';
import { SafeZipReader, type ZipFileEntry } from './safe-zip-reader';
import { HashWorker } from './hash-worker';
import { entriesToRead } from './payload-budget';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-entry-rules';

export interface VerifyDossierOptions {
  /** The fingerprint the organisation published; the signer must match it. Without it the signer is not checked. */
  key?: string;
  limits?: ZipLimits;
}

const MAX_TAG_FILE = 16 * 1024 * 1024;
const MAX_DOSSIER_JSON = 256 * 1024 * 1024;
const SMALL_FILE = 256 * 1024;

/** The bag's folder inside the ZIP: "" when bagit.txt is at the top, else the one folder holding it. */
function bagRoot(files: readonly ZipFileEntry[]): string {
  if (files.some((f) => f.name === 'bagit.txt')) return '';
  const tops = new Set(files.map((f) => f.name.split('/')[0]));
  const candidates = [...tops].filter((t) => files.some((f) => f.name === `${t}/bagit.txt`));
  if (candidates.length !== 1) throw new CustodiaError('E_MALFORMED_DOSSIER', 'not a dossier: the archive holds no single BagIt bag (bagit.txt)');
  return `${candidates[0]}/`;
}

export async function verifyDossier(zipPath: string, opts: VerifyDossierOptions = {}): Promise<DossierVerdict> {
  const zip = await SafeZipReader.open(zipPath, opts.limits ?? DEFAULT_ZIP_LIMITS);
  const sha512 = new HashWorker(['sha512']);
  try {
    const root = bagRoot(zip.files);
    const files = new Map<string, BagFileDigest>();
    const texts = new Map<string, Uint8Array>();
    const outside = zip.files.filter((f) => !f.name.startsWith(root)).map((f) => f.name);
    const inBag = zip.files.filter((f) => f.name.startsWith(root)).map((file) => ({ file, path: file.name.slice(root.length), size: file.size }));
    const readEntry = async ({ file, path }: { file: ZipFileEntry; path: string }): Promise<void> => {
      const keep = path === DOSSIER_JSON_PATH ? MAX_DOSSIER_JSON : path.startsWith('data/') ? 0 : MAX_TAG_FILE;
      if (keep > 0 && file.size > keep) throw new CustodiaError('E_MALFORMED_DOSSIER', `${path} is too large for a dossier`);
      const h256 = createHash('sha256');
      // A worker round trip costs more than hashing a small file: 10,000 tiny entries took seconds.
      const local = file.size <= SMALL_FILE ? createHash('sha512') : null;
      const chunks: Buffer[] = [];
      await zip.read(file, async (chunk) => {
        h256.update(chunk);
        if (keep > 0) chunks.push(Buffer.from(chunk));
        if (local) local.update(chunk);
        else await sha512.update(chunk);
      });
      files.set(path, { bytes: file.size, sha256: h256.digest('hex'), sha512: local ? local.digest('hex') : (await sha512.digest()).sha512 });
      if (keep > 0) texts.set(path, Buffer.concat(chunks));
    };
    // The bag's own tag files first: what they list and declare decides what else is read.
    const known = inBag.filter((e) => ALLOWED_TAG_FILES.includes(e.path));
    for (const e of known) await readEntry(e);
    const rest = inBag.filter((e) => !ALLOWED_TAG_FILES.includes(e.path));
    const plan = entriesToRead(rest, texts);
    for (const e of rest) {
      // Unlisted, or past the declared payload size: reported, its bytes never inflated.
      if (plan.read.has(e.path)) await readEntry(e);
      else files.set(e.path, { bytes: e.size, sha256: '', sha512: '' });
    }
    const result = checkDossierBag({ files, texts }, opts.key);
    const extra = [
      ...plan.overBudget.map((p) => fail(p, 'not read: the payload is larger than the Payload-Oxum of bag-info.txt declares')),
      ...outside.map((n) => fail(n, 'outside the bag folder: added to the archive')),
    ];
    if (extra.length === 0) return withSignerVerdict(result, opts.key);
    // A file left unread has no hashes to compare: its one item says why, not "altered".
    const unread = new Set(plan.overBudget);
    return withSignerVerdict({ ...result, ok: false, items: [...result.items.filter((i) => !unread.has(i.name)), ...extra] }, opts.key);
  } finally {
    await Promise.all([zip.close(), sha512.close()]);
  }
}
