// Lossless GIF strip: frames, timing and the loop count are copied byte for byte; comments,
// XMP, ICC, plain-text and unknown extensions and anything after the trailer are dropped.
// GIF has no orientation tag viewers honour, so there is nothing to apply.
import { walkGif } from './gif-blocks';

const KEEP = new Set(['image', 'control', 'loop']);

export function stripGif(buf: Buffer): { data: Buffer; removed: string[] } {
  const layout = walkGif(buf);
  const parts = [buf.subarray(0, layout.headerEnd)];
  const removed = new Set<string>();
  layout.blocks.forEach((b, i) => {
    // A graphic control block governs the next graphic: it goes with a dropped plain-text block.
    const governsDropped = b.kind === 'control' && layout.blocks[i + 1]?.kind === 'plain-text';
    if (KEEP.has(b.kind) && !governsDropped) parts.push(buf.subarray(b.start, b.end));
    else if (!KEEP.has(b.kind)) removed.add(b.label);
  });
  parts.push(Buffer.from([0x3b]));
  if (buf.length > layout.end) removed.add(`trailing data after GIF trailer (${buf.length - layout.end} bytes)`);
  return { data: Buffer.concat(parts), removed: [...removed] };
}
