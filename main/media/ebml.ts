// EBML (RFC 8794), the element format of Matroska and WebM: an ID and a size, both variable-length
// integers, then the payload. Every size is checked against the space that holds it before
// anything is read, so a hostile size (up to 2^56) costs nothing; sizes are summed as numbers, not
// 32-bit integers. An all-ones size is "unknown" (a live recording's Segment and Clusters).
import { CustodiaError } from '../../shared/errors/error-codes';

export interface EbmlElement {
  id: number;
  at: number;
  idLength: number;
  dataStart: number;
  /** Undefined when the size is unknown: the element runs until its parent or a sibling says so. */
  size: number | undefined;
}

export function readElement(buf: Buffer, at: number, end: number, what: string): EbmlElement {
  const b0 = buf[at]!;
  if (end - at < 2) throw new CustodiaError('E_MEDIA_TRUNCATED', `${what} ends inside an element header at byte ${at}`, { offset: at });
  if (b0 < 0x10) throw new CustodiaError('E_MALFORMED_MEDIA', `${what}: byte ${at} does not start an element ID`, { offset: at });
  const idLength = b0 >= 0x80 ? 1 : b0 >= 0x40 ? 2 : b0 >= 0x20 ? 3 : 4;
  const s = at + idLength;
  if (s >= end) throw new CustodiaError('E_MEDIA_TRUNCATED', `${what} ends inside an element header at byte ${at}`, { offset: at });
  const s0 = buf[s]!;
  if (s0 === 0) throw new CustodiaError('E_MALFORMED_MEDIA', `${what}: the element at byte ${at} has a size longer than 8 bytes`, { offset: at });
  const sizeLength = Math.clz32(s0) - 23;
  if (s + sizeLength > end) throw new CustodiaError('E_MEDIA_TRUNCATED', `${what} ends inside an element header at byte ${at}`, { offset: at });
  const mask = 0xff >> sizeLength;
  let value = s0 & mask;
  let allOnes = value === mask;
  for (let i = 1; i < sizeLength; i++) {
    value = value * 256 + buf[s + i]!;
    allOnes &&= buf[s + i] === 0xff;
  }
  const dataStart = s + sizeLength;
  const id = buf.readUIntBE(at, idLength);
  if (!allOnes && value > end - dataStart) {
    throw new CustodiaError('E_MEDIA_BAD_LENGTH', `${what}: element 0x${id.toString(16)} at byte ${at} declares ${value} bytes, more than what holds it`, { offset: at });
  }
  return { id, at, idLength, dataStart, size: allOnes ? undefined : value };
}

/** Writes a Void element (ID 0xEC) of exactly `length` bytes, at least 2, at `at`, its payload zero. */
export function writeVoid(buf: Buffer, at: number, length: number): void {
  let width = 1;
  while (width < 8 && length - 1 - width >= 2 ** (7 * width) - 1) width += 1;
  buf[at] = 0xec;
  writeVint(buf, at + 1, width, length - 1 - width);
  buf.fill(0, at + 1 + width, at + length);
}

export function writeVint(buf: Buffer, at: number, width: number, value: number): void {
  let v = value;
  for (let i = width - 1; i >= 0; i--) {
    buf[at + i] = v % 256;
    v = Math.floor(v / 256);
  }
  buf[at] = buf[at]! | (0x80 >> (width - 1));
}
