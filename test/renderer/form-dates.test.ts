// Dates typed and shown day first whatever Chromium's language, offsets from the organisation's
// time zone, and the dashboard's y-axis steps.
import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../../renderer/src/form/day-text';
import { inOffset, joinInstant, offsetIn, splitInstant } from '../../renderer/src/form/instant-parts';
import { ticksUpTo } from '../../renderer/src/components/Charts';

describe('days typed as dd/mm/aaaa', () => {
  it('reads 03/10/2026 as the 3rd of October, never as the 10th of March', () => {
    expect(parseDay('03/10/2026')).toBe('2026-10-03');
    expect(parseDay('3/10/2026')).toBe('2026-10-03');
    expect(parseDay('03-10-2026')).toBe('2026-10-03');
    expect(parseDay(' 03.10.2026 ')).toBe('2026-10-03');
    expect(parseDay('2026-10-03')).toBe('2026-10-03');
    expect(formatDay('2026-10-03')).toBe('03/10/2026');
  });

  it('refuses what names no day, and shows a half-typed date as typed', () => {
    for (const bad of ['31/02/2026', '00/10/2026', '03/13/2026', '03/10/26', '3 de octubre', '']) expect(parseDay(bad), bad).toBeNull();
    expect(parseDay('29/02/2028')).toBe('2028-02-29');
    expect(parseDay('29/02/2027')).toBeNull();
    expect(formatDay('03/1')).toBe('03/1');
  });
});

describe('instants in the form', () => {
  it('keeps seconds, fractions and Z as recorded', () => {
    expect(splitInstant('2026-10-02T18:30:00-05:00')).toEqual({ date: '2026-10-02', time: '18:30', offset: '-05:00' });
    expect(splitInstant('2026-10-02T18:30:07.25Z')).toEqual({ date: '2026-10-02', time: '18:30:07.25', offset: 'Z' });
    expect(joinInstant({ date: '2026-10-02', time: '9:05', offset: '-05:00' })).toBe('2026-10-02T09:05:00-05:00');
    expect(joinInstant({ date: '2026-10-02', time: '', offset: '-05:00' })).toBe('2026-10-02T00:00:00-05:00');
    expect(inOffset('2026-10-03T00:30:00Z', '-05:00')).toBe('2026-10-02T19:30:00-05:00');
  });

  it('takes the offset of the organisation\'s time zone on the day', () => {
    expect(offsetIn('America/Lima', new Date('2026-10-02T12:00:00Z'))).toBe('-05:00');
    expect(offsetIn('America/Sao_Paulo', new Date('2026-10-02T12:00:00Z'))).toBe('-03:00');
    expect(offsetIn('Europe/Madrid', new Date('2026-07-01T12:00:00Z'))).toBe('+02:00');
    expect(offsetIn('UTC', new Date('2026-07-01T12:00:00Z'))).toBe('+00:00');
  });
});

describe('dashboard y-axis', () => {
  it('steps by 1, 2 or 5 times a power of ten up to at least the tallest column', () => {
    expect(ticksUpTo(0)).toEqual([0, 1]);
    expect(ticksUpTo(3)).toEqual([0, 1, 2, 3]);
    expect(ticksUpTo(7)).toEqual([0, 2, 4, 6, 8]);
    expect(ticksUpTo(37)).toEqual([0, 10, 20, 30, 40]);
    expect(ticksUpTo(1_234)).toEqual([0, 500, 1_000, 1_500]);
  });
});
