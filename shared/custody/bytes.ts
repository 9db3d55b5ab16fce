// Byte helpers shared by Node and the browser (no Buffer): hex as the custody log writes it.
import { CustodiaError } from '../errors/error-codes';

const HEX_DIGITS = '0123456789abcdef';
const HEX_RE = /^[0-9a-fA-F]*$/;

/** Lowercase hex of the bytes. */
export function toHex(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i++) {
    const v = b[i] as number;
    out += HEX_DIGITS[v >> 4]! + HEX_DIGITS[v & 15]!;
  }
  return out;
}

/** Bytes of a hex string (either case); throws E_INVALID_INPUT on odd length or a non-hex character. */
export function fromHex(s: string): Uint8Array {
  if (typeof s !== 'string' || s.length % 2 !== 0 || !HEX_RE.test(s)) {
    throw new CustodiaError('E_INVALID_INPUT', 'Not a hex string of whole bytes.', {
      length: typeof s === 'string' ? s.length : null,
    });
  }
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/**
 * Strict form for values that are signed or compared as text: lowercase hex of exactly
 * `byteLength` bytes. Returns null instead of throwing so verifiers can answer "false".
 */
export function parseLowerHex(s: unknown, byteLength: number): Uint8Array | null {
  if (typeof s !== 'string' || s.length !== byteLength * 2 || !/^[0-9a-f]*$/.test(s)) return null;
  return fromHex(s);
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a string. */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

/** Byte-wise equality; always walks the whole length so equal-length comparisons take the same time. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}
