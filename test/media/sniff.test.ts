// Media types come from magic bytes, so the vault records the truth whatever the file is called.
import { describe, expect, it } from 'vitest';
import { sniffMediaType } from '../../main/media/sniff';

const b = (s: string): Buffer => Buffer.from(s, 'latin1');

describe('sniffMediaType', () => {
  it.each([
    ['\xff\xd8\xff\xe0', 'image/jpeg', 'jpeg'],
    ['\x89PNG\r\n\x1a\n', 'image/png', 'png'],
    ['GIF89a', 'image/gif', 'gif'],
    ['II*\0', 'image/tiff', 'tiff'],
    ['MM\0*', 'image/tiff', 'tiff'],
    ['RIFF\0\0\0\0WEBPVP8 ', 'image/webp', 'webp'],
    ['\0\0\0\x1cftypavif\0\0\0\0avifmif1miaf', 'image/avif', 'avif'],
    ['\0\0\0\x18ftypheic\0\0\0\0mif1heic', 'image/heic', 'heic'],
    ['\0\0\0\x18ftypmif1\0\0\0\0mif1heic', 'image/heif', 'heic'],
    ['\0\0\0\x18ftypmif1\0\0\0\0mif1avif', 'image/avif', 'avif'],
    ['\0\0\0\x20ftypisom\0\0\x02\0isomiso2avc1mp41', 'video/mp4', 'other'],
    ['\0\0\0\x14ftypqt  \0\0\0\0qt  ', 'video/quicktime', 'other'],
    ['\0\0\0\x1cftypM4A \0\0\0\0M4A mp42isom', 'audio/mp4', 'other'],
    ['%PDF-1.7', 'application/pdf', 'other'],
    ['ID3\x04\0', 'audio/mpeg', 'other'],
    ['OggS\0', 'audio/ogg', 'other'],
    ['RIFF\0\0\0\0WAVEfmt ', 'audio/wav', 'other'],
    ['\x1aE\xdf\xa3\x9fB\x86\x81\x01B\xf7\x81\x01B\xf2\x81\x04B\xf3\x81\x08B\x82\x84webm', 'video/webm', 'other'],
    ['\x1aE\xdf\xa3\x9fB\x86\x81\x01B\x82\x88matroska', 'video/x-matroska', 'other'],
    ['fLaC\0\0\0\x22', 'audio/flac', 'other'],
    ['#!AMR\n<', 'audio/amr', 'other'],
    ['#!AMR-WB\n', 'audio/amr', 'other'],
    ['PK\x03\x04', 'application/zip', 'other'],
    ['plain words\n', 'text/plain', 'other'],
    ['\0\x01\x02\x03', 'application/octet-stream', 'other'],
    ['', 'application/octet-stream', 'other'],
  ])('%j is %s', (head, mediaType, format) => {
    expect(sniffMediaType(b(head))).toEqual({ mediaType, format });
  });
});
