// Names every metadata segment of a JPEG for inspect; the strip decides separately what to keep.
import { clipText, emptyScan, type ContainerScan } from './container-scan';
import { APP0, APP15, COM, appIdentifier, walkJpeg, type JpegSegment } from './jpeg-markers';

function appBlock(buf: Buffer, seg: JpegSegment): string {
  const n = seg.marker - APP0;
  const id = appIdentifier(buf, seg);
  if (n === 0 && id === 'JFIF') return (buf[seg.payload + 12] ?? 0) * (buf[seg.payload + 13] ?? 0) > 0 ? 'JFIF thumbnail' : 'JFIF';
  if (n === 0 && id === 'JFXX') return 'JFXX thumbnail';
  if (n === 1 && id === 'Exif') return 'EXIF';
  if (n === 1 && id.startsWith('http://ns.adobe.com/xap/1.0/')) return 'XMP';
  if (n === 1 && id.startsWith('http://ns.adobe.com/xmp/extension/')) return 'XMP (extended)';
  if (n === 2 && id === 'ICC_PROFILE') return 'ICC';
  if (n === 2 && id === 'MPF') return 'MPF (multi-picture index)';
  if (n === 13 && id.startsWith('Photoshop')) return 'IPTC';
  if (n === 14 && id.startsWith('Adobe')) return 'Adobe APP14';
  return `APP${n}${id ? ` ${id}` : ''}`;
}

export function scanJpeg(buf: Buffer): ContainerScan {
  const layout = walkJpeg(buf);
  const scan = emptyScan(layout.width, layout.height);
  const blocks = new Set<string>();
  for (const seg of layout.segments) {
    if (seg.marker === COM) {
      blocks.add('JPEG comment');
      const n = Object.keys(scan.text).length;
      scan.text[n === 0 ? 'Comment' : `Comment${n + 1}`] = clipText(buf.toString('latin1', seg.payload, seg.end));
    } else if (seg.marker >= APP0 && seg.marker <= APP15) {
      const name = appBlock(buf, seg);
      if (name === 'JFIF thumbnail') blocks.add('JFIF');
      blocks.add(name);
    } else continue;
    scan.metadataBytes += seg.end - seg.start;
  }
  const trailing = buf.length - layout.eoiEnd;
  if (trailing > 0) blocks.add(`trailing data after EOI (${trailing} bytes)`);
  scan.blocks = [...blocks];
  return scan;
}
