// Pseudonymisation benchmark (T5): an incident naming the schema's maximum of 500 people, each
// mentioned throughout 250 KB of text (narrative, notes, quote), against a baseline from the same
// run: folding the same texts once (NFD, accents off, lower case), the least any accent-blind
// reading of them costs. The matcher reads each text word by word, so the ratio should stay
// within a small multiple of the baseline however many names there are.
// Then the finders of contacts, ID numbers and coordinates on hostile texts of 100 K characters
// (one long word, long runs of spaces or digits after what starts a match), against folding them.
// Usage: node --import tsx test/bench/pseudonymise.bench.ts [names=500]
import { findCoordinates, findEmailAddresses, findIdNumbers, findPhoneNumbers } from '../../shared/dossier/free-text';
import { pseudonymise } from '../../shared/dossier/pseudonymise';
import type { Incident } from '../../shared/incident/incident-schema';

const NAMES = Number(process.argv[2] ?? 500);
const first = ['Rosa', 'Lucía', 'Julián', 'María', 'José', 'Ana', 'Luis', 'Carmen', 'Pedro', 'Elena'];
const last = ['Quispe', 'Mamani', 'Condori', 'Huamán', 'Ccori', 'Torres', 'Flores', 'Rojas', 'Vargas', 'Cruz'];
const names = Array.from({ length: NAMES }, (_, i) => `${first[i % 10]} ${last[Math.floor(i / 10) % 10]} ${last[(i * 7) % 10]}${i}`);
const mentions = `${names.map((n, i) => (i % 3 === 0 ? `la señora ${n.split(' ')[1]}` : n)).join(', ')}. `;
const narrative = mentions.repeat(Math.ceil(100_000 / mentions.length)).slice(0, 100_000);
const incident: Incident = {
  occurredAt: '2026-10-02T18:30:00-05:00', place: 'Tres Islas', channel: 'phone', verbatim: narrative.slice(0, 50_000), narrative, notes: narrative,
  riskLevel: 'high', type: 'threat', affected: names.map((name) => ({ name })),
};
const texts = [incident.verbatim, narrative, narrative];

const best = (f: () => void): number => {
  let min = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    f();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
};

const baseline = best(() => {
  for (const t of texts) t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
});
const keepAll = { redact: [], coordinates: 'keep', staffNames: 'name', originalNames: false, keepOffFileAsPseudonym: false } as const;
const scrub = best(() => {
  pseudonymise(incident, { showNames: false, recipient: 'police', language: 'es', protection: keepAll });
});
const kb = texts.reduce((n, t) => n + t.length, 0) / 1000;
console.log(`${NAMES} names in ${kb.toFixed(0)} K characters of text`);
console.log(`baseline (fold the texts once): ${baseline.toFixed(1)} ms`);
console.log(`pseudonymise (every name and part, every field): ${scrub.toFixed(1)} ms = ${(scrub / baseline).toFixed(1)}× the baseline`);

const HOSTILE: Record<string, string> = {
  'one word of 100 K letters': 'a'.repeat(100_000),
  'DNI and 100 K spaces': `DNI${' '.repeat(100_000)}`,
  'a coordinate and 100 K spaces': `-12.5912${' '.repeat(100_000)}`,
  '100 K digits': '1'.repeat(100_000),
  '"1." 50 K times': '1.'.repeat(50_000),
};
for (const [what, text] of Object.entries(HOSTILE)) {
  const fold = best(() => void text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
  const find = best(() => {
    for (const f of [findEmailAddresses, findPhoneNumbers, findIdNumbers, findCoordinates]) f(text);
  });
  console.log(`${what}: contacts, IDs and coordinates found in ${find.toFixed(1)} ms = ${(find / fold).toFixed(1)}× folding it (${fold.toFixed(1)} ms)`);
}
