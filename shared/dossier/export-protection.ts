// What an export takes out or keeps to protect people (T5), and the defaults for each kind of
// recipient. Every recipient loses contacts, ID numbers and the organisation's own notes unless
// the export asks to keep them; coordinates are kept exact only for a prosecutor (who may inspect
// the place), rounded for other authorities (a police station may leak), dropped for the public.
import type { RecipientKind } from './dossier-types';
import { REDACTABLE, type CoordinatePolicy, type Redactable, type StaffNaming } from '../vocabulary/export-protection';

export interface ExportProtection {
  /** Taken out of every text; the notes field is left out whole. */
  redact: readonly Redactable[];
  coordinates: CoordinatePolicy;
  staffNames: StaffNaming;
  /** Whether each exhibit's original file name (scrubbed like every text) appears in the report and dossier.json. */
  originalNames: boolean;
  /** A person who did not consent to be on file stays in `affected` under a pseudonym instead of being left out. */
  keepOffFileAsPseudonym: boolean;
}

const COORDINATES: Record<RecipientKind, CoordinatePolicy> = {
  prosecutor: 'keep',
  police: 'round:2',
  protection_mechanism: 'round:3',
  iachr: 'round:2',
  un: 'round:2',
  other: 'drop',
};

export function defaultProtection(kind: RecipientKind): ExportProtection {
  return { redact: [...REDACTABLE], coordinates: COORDINATES[kind], staffNames: 'role', originalNames: false, keepOffFileAsPseudonym: false };
}

/** The recipient's defaults with what the export chose over them; `redact` in one order, once each. */
export function resolveProtection(kind: RecipientKind, chosen: Partial<ExportProtection> = {}): ExportProtection {
  const given = Object.fromEntries(Object.entries(chosen).filter(([, v]) => v !== undefined)) as Partial<ExportProtection>;
  const p = { ...defaultProtection(kind), ...given };
  return { ...p, redact: REDACTABLE.filter((r) => p.redact.includes(r)) };
}
