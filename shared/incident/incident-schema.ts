// The incident interchange format, one schema for CLI, IPC, bulk import and forms.
import { z } from 'zod';

export const PRECISIONS = ['exact', 'hour', 'day', 'month', 'approximate'] as const;
export const CHANNELS = ['in_person', 'phone', 'email', 'text_message', 'social_media', 'written_note', 'other'] as const;
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const INCIDENT_TYPES = [
  'threat', 'harassment', 'surveillance', 'physical_attack', 'criminalisation', 'stigmatisation',
  'property_damage', 'kidnapping_or_detention', 'killing', 'other',
] as const;
export const ACTOR_TYPES = ['state', 'company', 'illegal_economy', 'community', 'unknown', 'other'] as const;
export const AUTHORITIES = ['police', 'prosecutor', 'protection_mechanism', 'ombudsman', 'court', 'iachr', 'un', 'other'] as const;
export const REPORT_STATUSES = ['filed', 'acknowledged', 'measures_granted', 'dismissed', 'no_response'] as const;
export const COORDINATE_SOURCES = ['gps', 'map', 'estimated'] as const;

// An offset is required so that "18:30" means one instant wherever the vault is opened.
const instant = z.iso.datetime({ offset: true });
const day = z.iso.date();
const text = (max: number) => z.string().max(max);

const consent = z.strictObject({
  toFile: z.boolean(),
  toNameToState: z.boolean(),
  toPublicReport: z.boolean(),
  obtainedOn: day.nullable().optional(),
  obtainedBy: text(200).optional(),
});

const affectedPerson = z.strictObject({
  name: text(300).optional(),
  pseudonym: text(200).optional(),
  role: text(300).optional(),
  community: text(300).optional(),
  consent: consent.optional(),
});

const witness = z.strictObject({
  name: text(300).optional(),
  pseudonym: text(200).optional(),
  willingToTestify: z.boolean().optional(),
});

const report = z.strictObject({
  authority: z.enum(AUTHORITIES),
  reference: text(300).optional(),
  on: day.nullable().optional(),
  status: z.enum(REPORT_STATUSES).optional(),
  response: text(20_000).optional(),
  responseOn: day.nullable().optional(),
});

const perpetrator = z.strictObject({
  description: text(5_000).optional(),
  actorType: z.enum(ACTOR_TYPES).optional(),
  affiliation: text(1_000).optional(),
});

export const incidentSchema = z
  .strictObject({
    occurredAt: instant,
    occurredUntil: instant.nullable().optional(),
    precision: z.enum(PRECISIONS).optional(),
    place: text(1_000).min(1),
    placeDetail: z
      .strictObject({
        country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 country code').optional(),
        region: text(300).optional(),
        province: text(300).optional(),
        district: text(300).optional(),
        community: text(300).optional(),
        site: text(300).optional(),
      })
      .optional(),
    coordinates: z
      .strictObject({
        lat: z.number().min(-90).max(90),
        lon: z.number().min(-180).max(180),
        source: z.enum(COORDINATE_SOURCES).optional(),
      })
      .nullable()
      .optional(),
    channel: z.enum(CHANNELS),
    perpetrators: text(5_000).optional(),
    perpetratorDetails: z.array(perpetrator).max(100).optional(),
    // May be empty: a physical attack has no words to record.
    verbatim: text(50_000),
    narrative: text(100_000).optional(),
    linkToDefenceWork: text(20_000).optional(),
    riskLevel: z.enum(RISK_LEVELS),
    type: z.enum(INCIDENT_TYPES),
    affected: z.array(affectedPerson).max(500).optional(),
    witnesses: z.array(witness).max(500).optional(),
    reportedTo: z.array(report).max(100).optional(),
    notReportedReason: text(5_000).nullable().optional(),
    measuresRequested: text(5_000).optional(),
    notes: text(100_000).optional(),
  })
  .refine((i) => !i.occurredUntil || Date.parse(i.occurredUntil) >= Date.parse(i.occurredAt), {
    message: 'occurredUntil is before occurredAt',
    path: ['occurredUntil'],
  });

export type Incident = z.infer<typeof incidentSchema>;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export type IncidentType = (typeof INCIDENT_TYPES)[number];
export type Channel = (typeof CHANNELS)[number];
