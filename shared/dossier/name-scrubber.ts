// Replaces each hidden name in a text by its pseudonym, or by a marker made from it ("[Persona 1]"
// in a quote). Whole names before their parts ("la señora Quispe", "dona Rosa"): a surname names
// a family in a small community, and where two people share one, the whole name says who is meant.
import { escapeRegExp, nameParts } from './free-text';
import { NameMatcher } from './name-matcher';

export function nameScrubber(hidden: ReadonlyArray<{ name: string; label: string }>): (marker: (label: string) => string) => (text: string) => string {
  const whole = hidden.filter((h) => h.name.trim().length > 1).map((h) => [h.name, h.label] as const);
  const parts = hidden.flatMap((h) => nameParts(h.name).map((part) => [part, h.label] as const));
  const matcher = new NameMatcher([...whole, ...parts]);
  const labels = [...new Set(hidden.map((h) => h.label))].sort((a, b) => b.length - a.length);
  return (marker) => {
    // "Quispe Mamani" or "Quispe-Mamani" (two parts of one name) reads "Persona 1", not "Persona 1 Persona 1".
    const repeated = labels.length
      ? new RegExp(`(?<![\\p{L}\\p{N}])(${labels.map((l) => escapeRegExp(marker(l))).join('|')})(?:[\\s-]+\\1)+(?![\\p{L}\\p{N}])`, 'gu')
      : null;
    return (text) => {
      const replaced = matcher.replace(text, marker);
      return repeated ? replaced.replace(repeated, '$1') : replaced;
    };
  };
}
