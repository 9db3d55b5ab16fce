// A PDF without identifying metadata, written afresh with pdf-lib: the Info dictionary, the file
// IDs, every XMP /Metadata stream (on the catalog, pages, images, fonts), page thumbnails,
// application private data (PieceInfo) and annotation authors are removed, then every object
// no longer reachable from the catalog is dropped, so old revisions of an incremental update
// (an earlier Author, deleted pages) are not in the output at all. Page content streams are kept
// byte for byte. Encrypted PDFs and attached files are refused: their content cannot be checked.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';
import { CustodiaError } from '../../shared/errors/error-codes';

/** Keys removed from every dictionary, wherever they appear. */
const DROPPED_KEYS = ['Metadata', 'Thumb', 'PieceInfo', 'LastModified'];
/** Annotation keys naming who made a comment and when. */
const ANNOTATION_KEYS = ['T', 'M', 'CreationDate', 'RC', 'Popup'];

export interface PdfCleanResult {
  data: Buffer;
  removed: string[];
}

export async function cleanPdf(buf: Buffer): Promise<PdfCleanResult> {
  const doc = await load(buf);
  const removed = new Set<string>();
  const ctx = doc.context;
  if (ctx.trailerInfo.Info) removed.add('Info dictionary');
  if (ctx.trailerInfo.ID) removed.add('file identifiers');
  ctx.trailerInfo.Info = undefined;
  ctx.trailerInfo.ID = undefined;
  const names = doc.catalog.lookup(PDFName.of('Names'));
  if (names instanceof PDFDict && names.has(PDFName.of('EmbeddedFiles'))) {
    throw new CustodiaError('E_UNCLEANABLE_CONTENT', 'the PDF carries attached files, which cannot be checked for identifying data');
  }
  for (const [ref, obj] of ctx.enumerateIndirectObjects()) {
    const dict = obj instanceof PDFDict ? obj : obj instanceof PDFStream ? obj.dict : undefined;
    if (!dict) continue;
    // An XMP stream however it is reached (under another key, from an array): gone, its references left dangling (null).
    if (dict.get(PDFName.of('Type')) === PDFName.of('Metadata')) {
      removed.add('XMP metadata');
      ctx.delete(ref);
      continue;
    }
    for (const key of DROPPED_KEYS) {
      if (dict.has(PDFName.of(key))) {
        removed.add(key === 'Metadata' ? 'XMP metadata' : key === 'Thumb' ? 'thumbnails' : key);
        dict.delete(PDFName.of(key));
      }
    }
    if (dict.get(PDFName.of('Type')) === PDFName.of('Annot') || dict.has(PDFName.of('Subtype')) && dict.has(PDFName.of('Rect'))) {
      for (const key of ANNOTATION_KEYS) {
        if (dict.has(PDFName.of(key))) {
          removed.add('annotation authors and dates');
          dict.delete(PDFName.of(key));
        }
      }
    }
  }
  if (dropUnreachable(doc) > 0 || countRevisions(buf) > 1) removed.add('earlier revisions (incremental updates)');
  const data = Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }));
  return { data, removed: [...removed].sort() };
}

async function load(buf: Buffer): Promise<PDFDocument> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(buf, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/encrypt/i.test(message)) throw new CustodiaError('E_UNCLEANABLE_CONTENT', 'the PDF is encrypted; its content cannot be checked');
    throw new CustodiaError('E_MALFORMED_MEDIA', `PDF structure is malformed: ${message}`);
  }
  if (doc.isEncrypted) throw new CustodiaError('E_UNCLEANABLE_CONTENT', 'the PDF is encrypted; its content cannot be checked');
  return doc;
}

/** Deletes every object the catalog does not reach; returns how many there were. */
function dropUnreachable(doc: PDFDocument): number {
  const ctx = doc.context;
  const seen = new Set<string>();
  const stack: PDFObject[] = ctx.trailerInfo.Root ? [ctx.trailerInfo.Root] : [];
  while (stack.length > 0) {
    const o = stack.pop();
    if (o instanceof PDFRef) {
      if (seen.has(o.tag)) continue;
      seen.add(o.tag);
      const target = ctx.lookup(o);
      if (target) stack.push(target);
    } else if (o instanceof PDFDict) {
      for (const [, v] of o.entries()) stack.push(v);
    } else if (o instanceof PDFArray) {
      for (let i = 0; i < o.size(); i++) stack.push(o.get(i));
    } else if (o instanceof PDFStream || o instanceof PDFRawStream) {
      stack.push(o.dict);
    }
  }
  let dropped = 0;
  for (const [ref] of ctx.enumerateIndirectObjects()) {
    if (!seen.has(ref.tag)) {
      ctx.delete(ref);
      dropped += 1;
    }
  }
  return dropped;
}

/** Revisions in the bytes: one `startxref` per save, incremental updates append more. */
export function countRevisions(buf: Buffer): number {
  let n = 0;
  for (let at = buf.indexOf('startxref'); at >= 0; at = buf.indexOf('startxref', at + 9)) n += 1;
  return n;
}

/** The re-inspection of a cleaned PDF: what it still carries (nothing, for an exhibit). */
export async function pdfLeaks(buf: Buffer): Promise<string[]> {
  const doc = await load(buf);
  const leaks: string[] = [];
  if (doc.context.trailerInfo.Info) leaks.push('Info dictionary');
  if (countRevisions(buf) !== 1) leaks.push('more than one revision');
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    const dict = obj instanceof PDFDict ? obj : obj instanceof PDFStream ? obj.dict : undefined;
    for (const key of DROPPED_KEYS) if (dict?.has(PDFName.of(key))) leaks.push(`${key} in object ${ref.tag}`);
    if (dict?.get(PDFName.of('Type')) === PDFName.of('Metadata')) leaks.push(`XMP stream ${ref.tag}`);
  }
  return leaks;
}
