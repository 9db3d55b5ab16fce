// The format's own walk, chosen by sniffed format.
import type { MediaFormat } from '../../shared/media/media-report';
import { emptyScan, type ContainerScan } from './container-scan';
import { scanGif } from './gif-blocks';
import { scanJpeg } from './jpeg-scan';
import { scanPng } from './png-chunks';
import { scanWebp } from './webp-chunks';

export function scanContainer(buf: Buffer, format: MediaFormat): ContainerScan {
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
