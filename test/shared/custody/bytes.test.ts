// Hex and byte helpers, checked against Node's Buffer as the independent reference.
import { describe, expect, it } from 'vitest';
import { bytesEqual, fromHex, parseLowerHex, toHex, utf8 } from '../../../shared/custody/bytes';

const all = Uint8Array.from({ length: 256 }, (_, i) => i);

describe('bytes', () => {
  it('toHex is lowercase hex of every byte value, as Buffer writes it', () => {
    expect(toHex(all)).toBe(Buffer.from(all).toString('hex'));
    expect(toHex(new Uint8Array(0))).toBe('');
  });

  it('fromHex reads both cases back to the same bytes', () => {
    expect(fromHex(Buffer.from(all).toString('hex'))).toEqual(all);
    expect(fromHex('ABcd')).toEqual(Uint8Array.from([0xab, 0xcd]));
  });

  it.each(['abc', 'zz', '0x00', 'ab cd', 'é0'])('fromHex refuses %j with E_INVALID_INPUT', (s) => {
    expect(() => fromHex(s)).toThrow(expect.objectContaining({ code: 'E_INVALID_INPUT' }));
  });

  it('parseLowerHex takes only lowercase hex of the exact length, and never throws', () => {
    expect(parseLowerHex('00ff', 2)).toEqual(Uint8Array.from([0, 255]));
    expect(parseLowerHex('00FF', 2)).toBeNull();
    expect(parseLowerHex('00ff', 3)).toBeNull();
    expect(parseLowerHex(42, 1)).toBeNull();
  });

  it('utf8 encodes as Buffer does, including characters outside the BMP', () => {
    const s = 'Defensora A — São Félix 😂';
    expect(Buffer.from(utf8(s)).equals(Buffer.from(s, 'utf8'))).toBe(true);
  });

  it('bytesEqual compares length and every byte', () => {
    expect(bytesEqual(all, all.slice())).toBe(true);
    expect(bytesEqual(all, all.slice(0, 255))).toBe(false);
    const changed = all.slice();
    changed[200] = 0;
    expect(bytesEqual(all, changed)).toBe(false);
  });
});
