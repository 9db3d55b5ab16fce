// Editing in the form must not lose what the CLI or a bulk import recorded (issue 12). Seeded
// generators (fast-check is not installed) build incidents with every optional field, unicode
// and long texts: what the form can author goes through the form and back unchanged, and any
// valid incident opened in the form comes back byte for byte, except the one field edited.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  ACTOR_TYPES, AUTHORITIES, CHANNELS, COORDINATE_SOURCES, INCIDENT_TYPES, PRECISIONS, REPORT_STATUSES, RISK_LEVELS,
  incidentSchema, type Incident,
} from '../../shared/incident/incident-schema';
import { emptyWitness, fromIncident, toIncident, type IncidentFormState } from '../../renderer/src/form/incident-form-model';
import designExample from '../e2e/harness/design-incident.json' with { type: 'json' };

/** mulberry32: a small seeded generator, so a failure names the seed that reproduces it. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
type Rng = ReturnType<typeof random>;

// Spanish, Portuguese, Quechua and Aymara spellings, emoji (surrogate pairs), combining marks,
// right-to-left script, CJK, newlines and tabs inside the text.
const PIECES = ['ñ', 'á', 'ç', 'ã', 'Ñuñoa', 'ch\'aki', 'qhapaq', 'Ashéninka', '🙂', '👩🏽‍🌾', 'e\u0301', 'عربى', '中文', '\n', '\t', ' ', '"', '\\', '<b>', 'km 108', '0', 'Z'];

/** Non-blank text with no blank ends: the form keeps text as typed, and a blank answer is no answer. */
function text(r: Rng, max: number): string {
  const long = r.chance(0.05);
  const target = long ? r.int(Math.min(max, 2_000), max) : r.int(1, Math.min(max, 80));
  let s = r.pick(['A', 'ñ', '🙂', 'Q', '中']);
  while (s.length < target) s += r.chance(0.6) ? r.pick(PIECES) : String.fromCharCode(r.int(0x20, 0x7e));
  s = s.slice(0, max - 1);
  // A cut through a surrogate pair would leave a lone half; end on a letter.
  if (/[\uD800-\uDBFF]$/.test(s)) s = s.slice(0, -1);
  return `${s}x`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const day = (r: Rng) => `${r.int(1990, 2035)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
const offset = (r: Rng) => (r.chance(0.15) ? 'Z' : `${r.pick(['-', '+'])}${pad(r.int(0, 14))}:${r.pick(['00', '30', '45'])}`);
const seconds = (r: Rng) => r.pick([':00', `:${pad(r.int(0, 59))}`, `:${pad(r.int(0, 59))}.${r.int(0, 999_999)}`]);
const clock = (r: Rng) => `${pad(r.int(0, 23))}:${pad(r.int(0, 59))}${seconds(r)}`;
const coordinate = (r: Rng, limit: number) => (r.chance(0.1) ? r.pick([limit, -limit, 0]) : Math.round((r.next() * 2 - 1) * limit * 1e6) / 1e6 || 1.5);
const maybe = <T>(r: Rng, value: () => T, p = 0.85): T | undefined => (r.chance(p) ? value() : undefined);

/** Drops keys whose value is undefined, as JSON would. */
const compact = <T extends object>(o: T): T => JSON.parse(JSON.stringify(o)) as T;

/** An incident as the form itself writes one: every optional field present most of the time (a form row left blank is no row). */
function authorable(seed: number): Incident {
  const r = random(seed);
  const off = offset(r);
  const date = day(r);
  const at = `${date}T${clock(r)}${off}`;
  const reports = maybe(r, () => Array.from({ length: r.int(1, 4) }, () => compact({
    authority: r.pick(AUTHORITIES), reference: maybe(r, () => text(r, 300)), on: maybe(r, () => day(r)), status: r.pick(REPORT_STATUSES),
    response: maybe(r, () => text(r, 20_000)), responseOn: maybe(r, () => day(r)),
  })), 0.6);
  return compact({
    occurredAt: at,
    occurredUntil: maybe(r, () => `${r.int(2036, 2040)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}T${clock(r)}${off}`),
    precision: r.pick(PRECISIONS),
    place: text(r, 1_000),
    placeDetail: maybe(r, () => compact({
      country: maybe(r, () => String.fromCharCode(r.int(65, 90), r.int(65, 90))), region: maybe(r, () => text(r, 300)),
      province: maybe(r, () => text(r, 300)), district: maybe(r, () => text(r, 300)), community: maybe(r, () => text(r, 300)),
      site: r.chance(0.5) ? text(r, 300) : 'km 108',
    })),
    coordinates: maybe(r, () => ({ lat: coordinate(r, 90), lon: coordinate(r, 180), source: r.pick(COORDINATE_SOURCES) })),
    channel: r.pick(CHANNELS),
    perpetrators: maybe(r, () => text(r, 5_000)),
    perpetratorDetails: maybe(r, () => Array.from({ length: r.int(1, 3) }, () => compact({
      description: text(r, 5_000), actorType: maybe(r, () => r.pick(ACTOR_TYPES)), affiliation: maybe(r, () => text(r, 1_000)),
    }))),
    verbatim: r.chance(0.1) ? '' : text(r, 50_000),
    narrative: maybe(r, () => text(r, 100_000)),
    linkToDefenceWork: maybe(r, () => text(r, 20_000)),
    riskLevel: r.pick(RISK_LEVELS),
    type: r.pick(INCIDENT_TYPES),
    affected: maybe(r, () => Array.from({ length: r.int(1, 4) }, () => compact({
      name: maybe(r, () => text(r, 300)), pseudonym: maybe(r, () => text(r, 200)), role: maybe(r, () => text(r, 300)), community: maybe(r, () => text(r, 300)),
      consent: compact({ toFile: r.chance(0.5), toNameToState: r.chance(0.5), toPublicReport: r.chance(0.5), obtainedOn: maybe(r, () => day(r)), obtainedBy: maybe(r, () => text(r, 200)) }),
    }))),
    witnesses: maybe(r, () => Array.from({ length: r.int(1, 4) }, () => compact({
      name: maybe(r, () => text(r, 300)), pseudonym: text(r, 200), willingToTestify: maybe(r, () => r.chance(0.5)),
    }))),
    reportedTo: reports,
    notReportedReason: reports ? undefined : maybe(r, () => text(r, 5_000)),
    measuresRequested: maybe(r, () => text(r, 5_000)),
    notes: maybe(r, () => text(r, 100_000)),
  }) as Incident;
}

/** Any valid incident: also "" and null where the schema allows them, absent consent or status, an end in another offset. */
function anyValid(seed: number): Incident {
  const r = random(seed ^ 0x5eed);
  const x = structuredClone(authorable(seed)) as Record<string, unknown> & Incident;
  const blank = () => r.pick(['', undefined]);
  if (r.chance(0.3)) x.notReportedReason = r.pick([null, '', 'miedo a represalias']);
  if (r.chance(0.2)) x.coordinates = null;
  if (r.chance(0.3)) delete x.precision;
  if (x.occurredUntil && r.chance(0.3)) x.occurredUntil = r.chance(0.5) ? null : new Date(Date.parse(x.occurredUntil)).toISOString();
  if (r.chance(0.3)) x.narrative = blank();
  for (const p of x.affected ?? []) {
    const roll = r.next();
    if (roll < 0.3) delete p.consent;
    else if (p.consent && roll < 0.6) p.consent.obtainedOn = null;
  }
  for (const rep of x.reportedTo ?? []) {
    if (r.chance(0.3)) delete rep.status;
    if (r.chance(0.3)) { rep.response = ''; rep.responseOn = null; }
    if (r.chance(0.2)) rep.on = null;
  }
  if (r.chance(0.2)) x.witnesses = r.pick([[], [{}], [{ name: 'Sin seudónimo' }]]);
  for (const p of x.perpetratorDetails ?? []) if (r.chance(0.3)) delete p.description;
  if (x.coordinates && r.chance(0.3)) delete x.coordinates.source;
  return compact(x);
}

const SEEDS = Array.from({ length: 250 }, (_, i) => i + 1);

/** Every key path the schema defines, e.g. "affected[].consent.obtainedBy". */
function schemaPaths(schema: z.ZodType, prefix = ''): string[] {
  const def = (schema as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType> } } })._zod.def;
  if (def.type === 'optional' || def.type === 'nullable') return schemaPaths(def.innerType!, prefix);
  if (def.type === 'array') return schemaPaths(def.element!, `${prefix}[]`);
  if (def.type === 'object') return Object.entries(def.shape!).flatMap(([k, v]) => { const p = prefix ? `${prefix}.${k}` : k; return [p, ...schemaPaths(v, p)]; });
  return [];
}

function valuePaths(value: unknown, prefix = '', into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => valuePaths(v, `${prefix}[]`, into));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = prefix ? `${prefix}.${k}` : k;
      into.add(p);
      valuePaths(v, p, into);
    }
  }
  return into;
}

describe('incident form round trip', () => {
  it('the generators are valid incidents and exercise every field of the schema', () => {
    const seen = new Set<string>();
    for (const seed of SEEDS) {
      const x = authorable(seed);
      expect(incidentSchema.safeParse(x).error?.issues, `seed ${seed}`).toBeUndefined();
      expect(incidentSchema.safeParse(anyValid(seed)).error?.issues, `seed ${seed}`).toBeUndefined();
      valuePaths(x, '', seen);
    }
    // A field added to the schema must be generated, so that a form which drops it fails below.
    expect(schemaPaths(incidentSchema).filter((p) => !seen.has(p))).toEqual([]);
    expect(SEEDS.some((s) => (authorable(s).narrative?.length ?? 0) > 2_000)).toBe(true);
  });

  it.each(SEEDS)('the form carries every field it can author (seed %i)', (seed) => {
    const x = incidentSchema.parse(authorable(seed));
    const back = toIncident(fromIncident(x));
    expect(compact(back as object)).toStrictEqual(x);
    expect(incidentSchema.parse(back)).toStrictEqual(x);
  });

  it.each(SEEDS)('an incident opened and saved unchanged comes back byte for byte (seed %i)', (seed) => {
    const x = incidentSchema.parse(anyValid(seed));
    expect(JSON.stringify(toIncident(fromIncident(x), x))).toBe(JSON.stringify(x));
  });

  it.each(SEEDS.slice(0, 60))('one edit changes that field and nothing else (seed %i)', (seed) => {
    const x = incidentSchema.parse(anyValid(seed));
    const edit = (change: (f: IncidentFormState) => void) => {
      const f = fromIncident(x);
      change(f);
      return toIncident(f, x) as Incident;
    };
    expect(edit((f) => (f.narrative = 'Relato corregido'))).toStrictEqual({ ...x, narrative: 'Relato corregido' });
    expect(edit((f) => (f.placeDetail.district = 'Inambari'))).toStrictEqual({ ...x, placeDetail: { ...x.placeDetail, district: 'Inambari' } });
    expect(edit((f) => f.witnesses.push(emptyWitness()))).toStrictEqual(x);
    expect(edit((f) => f.witnesses.push({ ...emptyWitness(), pseudonym: 'Testigo 9' }))).toStrictEqual({ ...x, witnesses: [...(x.witnesses ?? []), { pseudonym: 'Testigo 9' }] });
    if (x.affected?.length) {
      // Removing the first person keeps the others exactly, though they moved up a row.
      expect(edit((f) => f.affected.shift())).toStrictEqual(compact({ ...x, affected: x.affected.length > 1 ? x.affected.slice(1) : undefined }));
    }
    if (x.reportedTo?.length) {
      const changed = edit((f) => (f.reportedTo[0]!.status = 'measures_granted'));
      expect(changed).toStrictEqual({ ...x, reportedTo: [{ ...x.reportedTo[0], status: 'measures_granted' }, ...x.reportedTo.slice(1)] });
    }
  });

  it('keeps the design\'s full example, "" and null included, when opened and saved', () => {
    const x = incidentSchema.parse(designExample);
    expect(x.witnesses).toHaveLength(1);
    expect(JSON.stringify(toIncident(fromIncident(x), x))).toBe(JSON.stringify(x));
  });
});
