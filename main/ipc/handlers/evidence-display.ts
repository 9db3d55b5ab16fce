// Evidence bytes for the screen: read through the core (each read is a custody `view`), capped
// so a 4 GiB video is never pulled into memory, and stripped on the fly for the exhibit preview.
import type { Response } from '../../../shared/ipc/contract';
import { CustodiaError, isCustodiaError } from '../../../shared/errors/error-codes';
import { openEvidenceStream } from '../../evidence/read-evidence';
import { inspectBuffer } from '../../media/inspect';
import { stripMediaToBuffer } from '../../media/strip';
import type { VaultSession } from '../../vault/vault-session';

export const MAX_DISPLAY_BYTES = 64 * 1024 * 1024;
type Metadata = Response<'evidence.get'>['metadata'];
type Preview = Response<'evidence.get'>['preview'];

async function readForDisplay(session: VaultSession, id: number, purpose: string): Promise<Buffer> {
  const { item, stream } = await openEvidenceStream(session, id, { purpose });
  if (item.bytes > MAX_DISPLAY_BYTES) {
    stream.destroy();
    throw new CustodiaError('E_TOO_LARGE', `evidence ${id} is too large to show on screen`);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const short = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '').slice(0, 2000);

export async function inspectForDisplay(session: VaultSession, id: number): Promise<{ metadata: Metadata; preview: Preview }> {
  const bytes = await readForDisplay(session, id, 'inspect metadata');
  try {
    const report = await inspectBuffer(bytes);
    const identifying = new Set(report.identifying.map((t) => t.tag));
    const metadata = Object.entries(report.tags).flatMap(([group, tags]) =>
      Object.entries(tags).map(([tag, value]) => ({ group, tag, value: short(value), identifying: identifying.has(`${group}:${tag}`) })),
    );
    const strip = await stripMediaToBuffer(bytes);
    return { metadata, preview: { removed: strip.removed, pixelsIdentical: strip.pixelsIdentical } };
  } catch (e) {
    // Not an image we can read (a PDF, audio): the item is sealed all the same; say so plainly.
    if (isCustodiaError(e)) return { metadata: [], preview: null };
    throw e;
  }
}

export async function displayBytes(session: VaultSession, id: number, mediaType: string, which: 'original' | 'exhibit'): Promise<Response<'evidence.view'>> {
  const bytes = await readForDisplay(session, id, which === 'original' ? 'display original' : 'display exhibit preview');
  if (which === 'original') return { mediaType, base64: bytes.toString('base64') };
  const stripped = await stripMediaToBuffer(bytes);
  return { mediaType, base64: stripped.data.toString('base64') };
}
