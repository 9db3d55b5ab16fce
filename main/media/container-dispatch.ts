// The format's own walk, chosen by sniffed format.
import { CustodiaError } from '../../shared/errors/error-codes';
import type { MediaFormat } from '../../shared/media/media-report';
import { emptyScan, type ContainerScan } from './container-scan';
import { scanGif } from './gif-blocks';
import { scanJpeg } from './jpeg-scan';
import { scanPng } from './png-chunks';
import { scanWebp } from './webp-chunks';

export function scanContainer(buf: Buffer, format: MediaFormat): ContainerScan {
  return asMalformed(format, () => scanByFormat(buf, format));
}

/** A walker that trips over bytes it did not expect reports a malformed file, never a crash. */
export function asMalformed<T>(format: MediaFormat, walk: () => T): T {
  try {
    return walk();
  } catch (e) {
    if (e instanceof CustodiaError) throw e;
    throw new CustodiaError('E_MALFORMED_MEDIA', `${format.toUpperCase()} structure is malformed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function scanByFormat(buf: Buffer, format: MediaFormat): ContainerScan {
  switch (format) {
    case 'jpeg':
      return scanJpeg(buf);
    case 'png':
      return scanPng(buf);
    case 'webp':
      return scanWebp(buf);
    case 'gif':
      return scanGif(buf);
    default:
      return emptyScan();
  }
}
