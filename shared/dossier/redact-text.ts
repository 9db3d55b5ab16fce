// Takes contacts, ID document numbers and coordinates out of one text, as the export chose
// (export-protection.ts). E-mail addresses go first (they hold digits), then coordinates and ID
// numbers, whose digits would otherwise be read as phone numbers.
import { roundingOf, type CoordinatePolicy, type Redactable } from '../vocabulary/export-protection';
import type { ExportWords } from './export-words';
import { findCoordinates, findEmailAddresses, findIdNumbers, findPhoneNumbers } from './free-text';

export interface TextRedaction {
  redact: readonly Redactable[];
  coordinates: CoordinatePolicy;
  words: ExportWords;
}

const replaceAll = (text: string, found: readonly string[], by: (s: string) => string): string =>
  found.reduce((t, s) => t.split(s).join(by(s)), text);

/** A point rounded to the policy's decimals, or null when the policy drops it. */
export function roundPoint<P extends { lat: number; lon: number }>(p: P, policy: CoordinatePolicy): P | null {
  if (policy === 'keep') return p;
  const n = roundingOf(policy);
  if (n === null) return null;
  const round = (x: number): number => Number(x.toFixed(n));
  return { ...p, lat: round(p.lat), lon: round(p.lon) };
}

export function redactText(text: string, r: TextRedaction): string {
  let t = r.redact.includes('emails') ? replaceAll(text, findEmailAddresses(text), () => `[${r.words.email}]`) : text;
  if (r.coordinates !== 'keep') {
    for (const c of findCoordinates(t)) {
      const p = roundPoint(c, r.coordinates);
      const n = roundingOf(r.coordinates) ?? 0;
      t = t.split(c.text).join(p ? `${p.lat.toFixed(n)}, ${p.lon.toFixed(n)}` : `[${r.words.coordinates}]`);
    }
  }
  if (r.redact.includes('ids')) t = replaceAll(t, findIdNumbers(t), () => `[${r.words.id}]`);
  if (r.redact.includes('phones')) t = replaceAll(t, findPhoneNumbers(t), () => `[${r.words.phone}]`);
  return t;
}
