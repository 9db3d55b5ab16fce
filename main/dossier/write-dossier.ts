// Writes a signed dossier (main/dossier/README.md) from inputs already gathered, with no vault:
// the vault adapter (export-from-vault.ts) gathers, this writes, and tests drive it directly.
import { keyFingerprint } from '../../shared/custody/checkpoint';
import { utf8 } from '../../shared/custody/bytes';
import { BAGIT_TXT, DOSSIER_JSON_PATH, REPORT_PDF_PATH, TAG, payloadOxum } from '../../shared/dossier/bag-files';
import type { DossierInput } from '../../shared/dossier/dossier-types';
import { CustodiaError } from '../../shared/errors/error-codes';
import { bagRootName, isCompressible } from './bag-names';
import { exhibitFileName } from '../../shared/dossier/exhibit-labels';
import { buildTagFiles, buildTagManifests } from './bag-tag-files';
import { BagZipWriter, type FileDigest } from './bag-zip-writer';
import { buildDossierJson, dossierJsonBytes } from './dossier-json-builder';
import { renderReport } from './report/render-report';
import { validateDossierInput } from './validate-input';

export interface WriteDossierResult {
  path: string;
  dossierId: string;
  /** Fingerprint of the signing key. */
  signer: string;
  payloadOxum: string;
  files: string[];
}

function checkDigest(d: FileDigest, what: string, size: number, sha256: string): void {
  if (d.bytes !== size || d.sha256 !== sha256) {
    throw new CustodiaError('E_EVIDENCE_HASH_MISMATCH', `${what} does not have the size and sha256 the vault recorded`, {
      file: d.path,
      expected: sha256,
      actual: d.sha256,
    });
  }
}

export interface WriteDossierOptions {
  /** Called after each exhibit and original is written, with payload bytes done and in all. */
  onProgress?: (done: number, total: number) => void;
  /** Where the archive is written before it takes its name (noted by the caller beforehand). */
  tempPath?: string;
  /** Runs on the complete, durable temp file, before it takes its name: the export is logged here. */
  beforePublish?: (tempPath: string) => Promise<void>;
  /** Whether an existing file at outPath may be replaced (default: no). */
  replace?: boolean;
}

export async function writeDossier(input: DossierInput, outPath: string, opts: WriteDossierOptions = {}): Promise<WriteDossierResult> {
  validateDossierInput(input);
  const originals = input.originals ?? [];
  const toWrite = [...input.exhibits.filter((e) => e.stripped !== false), ...originals].reduce((n, f) => n + f.size, 0);
  let written = 0;
  const advance = (bytes: number) => {
    written += bytes;
    opts.onProgress?.(written, toWrite);
  };
  // Generated names only: an original's file name may name the person it protects (T5). An
  // original takes the label of the exhibit made from it, so E-02 is one piece of evidence.
  const count = input.exhibits.length;
  // An item that could not be cleaned is no exhibit: its only file is the sealed original.
  const exhibitFiles = input.exhibits.map((e, i) => `data/${e.stripped === false ? 'originals' : 'exhibits'}/${exhibitFileName(i, count, e.mediaType)}`);
  const labelOf = new Map(input.exhibits.map((e, i) => [e.originalSha256, i]));
  const originalPaths = originals.map((o) => `data/originals/${exhibitFileName(labelOf.get(o.sha256) ?? 0, count, o.mediaType)}`);
  const originalFiles = new Map(originals.map((o, i) => [o.sha256, originalPaths[i]!]));
  const dossier = buildDossierJson(input, { exhibitFiles, originalFiles });
  const report = await renderReport(input, dossier);

  const writer = BagZipWriter.create(outPath, bagRootName(input.id), new Date(input.createdAt), opts.tempPath);
  try {
    const tags = new Map<string, FileDigest>([[TAG.bagit, writer.addBuffer(TAG.bagit, utf8(BAGIT_TXT), false)]]);
    const payload: FileDigest[] = [
      writer.addBuffer(DOSSIER_JSON_PATH, dossierJsonBytes(dossier), true),
      writer.addBuffer(REPORT_PDF_PATH, report, false),
    ];
    for (const [i, e] of input.exhibits.entries()) {
      if (e.stripped === false) continue;
      const d = await writer.addSource(exhibitFiles[i]!, e.content, isCompressible(e.mediaType));
      checkDigest(d, `exhibit ${e.id}`, e.size, e.sha256);
      payload.push(d);
      advance(d.bytes);
    }
    for (const [i, o] of originals.entries()) {
      const d = await writer.addSource(originalPaths[i]!, o.content, isCompressible(o.mediaType));
      checkDigest(d, `original ${o.name}`, o.size, o.sha256);
      payload.push(d);
      advance(d.bytes);
    }
    for (const [path, bytes] of buildTagFiles({ ...input, purpose: dossier.purpose }, payload)) tags.set(path, writer.addBuffer(path, bytes, false));
    const signed = buildTagManifests(tags, input.signer.secretKey);
    for (const [path, bytes] of signed) writer.addBuffer(path, bytes, false);
    const publish = opts.beforePublish;
    await writer.commit(outPath, { replace: opts.replace ?? false, ...(publish ? { beforePlace: () => publish(writer.tempPath) } : {}) });
    const total = payload.reduce((n, f) => n + f.bytes, 0);
    return {
      path: outPath,
      dossierId: input.id,
      signer: keyFingerprint(input.signer.publicKey),
      payloadOxum: payloadOxum(total, payload.length),
      files: [...payload.map((f) => f.path), ...tags.keys(), ...signed.map(([path]) => path)],
    };
  } catch (e) {
    await writer.abort();
    throw e;
  }
}
