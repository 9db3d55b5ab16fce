// T5: a protected name is taken out of every free-text field of an incident, whole and by each
// part of three letters or more, whatever its case or accents, in the forms people use ("la
// señora Quispe", "dona Rosa", "don Julián", "sr. Ccori"); the quote keeps a visible marker.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { NameMatcher } from '../../../shared/dossier/name-matcher';
import { pseudonymise } from '../../../shared/dossier/pseudonymise';
import { incidentSchema, type Incident } from '../../../shared/incident/incident-schema';

const FORMS = 'Rosa Quispe Mamani, la señora Quispe, dona Rosa, ROSA QUISPE, Quíspe-Mamani, sra. MAMANI; Lucia Condori, LUCÍA; don Julian, sr. Ccori, JULIÁN';
const PARTS = ['rosa', 'quispe', 'mamani', 'lucia', 'condori', 'julian', 'ccori'];
// Names and pseudonyms are the fields pseudonymisation sets; obtainedBy names staff (export-protection.ts).
const NOT_FREE_TEXT = new Set(['affected[].name', 'affected[].pseudonym', 'witnesses[].name', 'witnesses[].pseudonym', 'affected[].consent.obtainedBy']);

type Def = { type: string; format?: string; checks?: Array<{ _zod: { def: { check: string } } }>; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType> };

/** Every string field of the schema a person types freely: no format (dates), no pattern (country codes). */
function freeTextPaths(schema: z.ZodType, prefix = ''): string[] {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  if (def.type === 'optional' || def.type === 'nullable') return freeTextPaths(def.innerType!, prefix);
  if (def.type === 'array') return freeTextPaths(def.element!, `${prefix}[]`);
  if (def.type === 'object') return Object.entries(def.shape!).flatMap(([k, v]) => freeTextPaths(v, prefix ? `${prefix}.${k}` : k));
  const patterned = def.checks?.some((c) => c._zod.def.check === 'string_format');
  return def.type === 'string' && !def.format && !patterned && !NOT_FREE_TEXT.has(prefix) ? [prefix] : [];
}

function strings(value: unknown, prefix = '', into = new Map<string, string[]>()): Map<string, string[]> {
  if (typeof value === 'string') into.set(prefix, [...(into.get(prefix) ?? []), value]);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, `${prefix}[]`, into));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, prefix ? `${prefix}.${k}` : k, into);
  return into;
}

function incident(): Incident {
  return {
    occurredAt: '2026-10-02T18:30:00-05:00',
    place: FORMS,
    placeDetail: { country: 'PE', region: FORMS, province: FORMS, district: FORMS, community: FORMS, site: FORMS },
    channel: 'in_person',
    perpetrators: FORMS,
    perpetratorDetails: [{ description: FORMS, actorType: 'illegal_economy', affiliation: FORMS }],
    verbatim: FORMS,
    narrative: FORMS,
    linkToDefenceWork: FORMS,
    riskLevel: 'high',
    type: 'threat',
    affected: [
      { name: 'Rosa Quispe Mamani', role: FORMS, community: FORMS, consent: { toFile: true, toNameToState: false, toPublicReport: false, obtainedBy: 'doc' } },
      { name: 'Lucía Condori', role: FORMS, community: FORMS, consent: { toFile: false, toNameToState: true, toPublicReport: true } },
    ],
    witnesses: [{ name: 'Julián Ccori', willingToTestify: true }],
    reportedTo: [{ authority: 'police', reference: FORMS, response: FORMS }],
    notReportedReason: FORMS,
    measuresRequested: FORMS,
    notes: FORMS,
  };
}

const bare = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

describe('T5 free-text pseudonymisation covers every string field', () => {
  it('the test incident fills every free-text field the schema defines', () => {
    const filled = [...strings(incident()).entries()].filter(([, vs]) => vs.includes(FORMS)).map(([p]) => p);
    expect(filled.sort()).toEqual(freeTextPaths(incidentSchema).sort());
  });

  it.each(['police', 'prosecutor', 'other'] as const)('no field exported to %s keeps any part of a protected name, in any case or accent', (recipient) => {
    const keepAll = { redact: [], coordinates: 'keep', staffNames: 'role', originalNames: false, keepOffFileAsPseudonym: true } as const;
    for (const protection of [undefined, keepAll]) {
      const p = pseudonymise(incident(), { showNames: false, recipient, language: 'es', protection });
      for (const [path, values] of strings(p.incident)) {
        for (const value of values) for (const part of PARTS) expect(bare(value), `${path}: ${value}`).not.toContain(part);
      }
    }
  });

  it('keeps the words around a name: honorifics and articles stay, the name becomes its pseudonym', () => {
    const p = pseudonymise(incident(), { showNames: false, recipient: 'police', language: 'es' });
    expect(p.incident.narrative).toBe('Persona 1, la señora Persona 1, dona Persona 1, Persona 1, Persona 1, sra. Persona 1; Persona 2, Persona 2; don Testigo 1, sr. Testigo 1, Testigo 1');
  });

  it('the verbatim quote keeps a visible marker wherever a name was replaced', () => {
    const p = pseudonymise(incident(), { showNames: false, recipient: 'police', language: 'es' });
    expect(p.incident.verbatim).toBe('[Persona 1], la señora [Persona 1], dona [Persona 1], [Persona 1], [Persona 1], sra. [Persona 1]; [Persona 2], [Persona 2]; don [Testigo 1], sr. [Testigo 1], [Testigo 1]');
  });

  it('a name part shorter than three letters or a particle is not taken for a name', () => {
    const i: Incident = { ...incident(), affected: [{ name: 'Li de los Ríos' }], witnesses: [], verbatim: 'Li vio a los guardias de Ríos', narrative: 'los de siempre' };
    const p = pseudonymise(i, { showNames: false, recipient: 'police', language: 'en' }).incident;
    expect(p.verbatim).toBe('Li vio a los guardias de [Person 1]');
    expect(p.narrative).toBe('los de siempre');
  });
});

describe('T5 the name matcher reads a text once for all names', () => {
  const m = new NameMatcher([['Ana María Quispe', 'A'], ['Ana', 'B'], ['Quispe', 'C'], ['O’Brien', 'D'], ['ANA', 'E']] as const);

  it('takes the longest name starting at a word, whole words only, whatever the case or accents', () => {
    expect(m.replace('ana maria QUISPE vio a Ana y a Mariana; Quíspe-Ana', (v) => `<${v}>`)).toBe('<A> vio a <B> y a Mariana; <C>-<B>');
    expect(m.found('Mariana y Anaís')).toEqual([]);
  });

  it('matches the marks between the words of a name as given, and leaves a name split across a line to its parts', () => {
    expect(m.replace('o’brien, O’BRIEN, O Brien', (v) => `<${v}>`)).toBe('<D>, <D>, O Brien');
    expect(m.found('Ana María\nQuispe')).toEqual(['B', 'C']);
  });

  it('uses the first entry of names that read the same once folded', () => {
    expect(m.found('ÁNA')).toEqual(['B']);
  });

  it('collapses a repeated label only when whole: "Persona 1 Persona 10" stays', () => {
    const i: Incident = { ...incident(), affected: Array.from({ length: 10 }, (_, n) => ({ name: `Nombre${n + 1} Apellido${n + 1}` })), witnesses: [], narrative: 'Nombre1 Apellido10 y Nombre1 Apellido1' };
    const p = pseudonymise(i, { showNames: false, recipient: 'police', language: 'es' }).incident;
    expect(p.narrative).toBe('Persona 1 Persona 10 y Persona 1');
  });
});
