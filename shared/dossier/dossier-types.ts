// What a dossier is made of (main/dossier/README.md). The writer takes a DossierInput that the vault
// adapter has already gathered, so the format can be built and tested without a vault.
import type { Language } from '../vocabulary/languages';
import type { CustodyEntry } from '../custody/custody-entry';
import type { Checkpoint } from '../custody/checkpoint';
import type { RosterExcerpt } from '../custody/roster';
import type { InclusionProofJson } from '../custody/proof-json';
import type { Incident } from '../incident/incident-schema';
import type { Role } from '../vocabulary/roles';
import type { ExportProtection } from './export-protection';


export const RECIPIENT_KINDS = ['police', 'prosecutor', 'protection_mechanism', 'iachr', 'un', 'other'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export interface Recipient {
  kind: RecipientKind;
  name?: string;
}

/** Bytes in memory, or a factory for a fresh stream (large videos stream in constant memory). */
export type ByteSource = Uint8Array | (() => AsyncIterable<Uint8Array>);

/** One identifying metadata item found by media inspection. */
export interface IdentifyingTag {
  kind: 'person' | 'device' | 'place' | 'time';
  tag: string;
  value: string;
}

export interface ExhibitInput {
  /** Vault id of the exhibit (the derivative). */
  id: string;
  /** What messages and the disclosure check call it (the vault adapter gives its label, E-01); never a file name: the writer makes those. */
  name: string;
  mediaType: string;
  size: number;
  /** SHA-256 of the exhibit bytes; the writer re-hashes while writing and refuses a mismatch. */
  sha256: string;
  /** SHA-256 of the sealed original the exhibit was derived from. */
  originalSha256: string;
  originalId?: string;
  incidentId?: string;
  /** Metadata the strip removed (tag names). */
  removedMetadata: string[];
  pixelsIdentical?: boolean;
  originalPixelSha256?: string;
  exhibitPixelSha256?: string;
  /** Identifying metadata an inspection of the exhibit still found (should be none). */
  identifying?: IdentifyingTag[];
  /** False when the file kind cannot be cleaned (audio, video, documents): the exhibit is the original. */
  stripped?: boolean;
  /** The original's file name as sealed in the vault; written (scrubbed) only when the export's protection asks for original names. */
  originalName?: string;
  content: ByteSource;
}

export interface OriginalInput {
  /** SHA-256 of the sealed original; links it to exhibits by their originalSha256. */
  sha256: string;
  id?: string;
  /** As ExhibitInput.name: for messages only, never written. */
  name: string;
  mediaType: string;
  size: number;
  identifying: IdentifyingTag[];
  gps?: { lat: number; lon: number };
  content: ByteSource;
}

export interface DossierIncidentInput {
  id: string;
  incident: Incident;
}

export interface CustodyExcerptItem {
  entry: CustodyEntry;
  proof: InclusionProofJson;
}

export interface DossierSigner {
  /** 32-byte Ed25519 seed. */
  secretKey: Uint8Array;
  /** 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
}

export interface DossierInput {
  id: string;
  /** ISO 8601 time of the export. */
  createdAt: string;
  organisation: string;
  recipient: Recipient;
  purpose: string;
  language: Language;
  /** The export asks to show real names; each person's consent still decides. */
  showNames: boolean;
  incidents: DossierIncidentInput[];
  exhibits: ExhibitInput[];
  /** Sealed originals; present only when the export asked for them. */
  originals?: OriginalInput[];
  custody: CustodyExcerptItem[];
  checkpoint: Checkpoint;
  signer: DossierSigner;
  /** The admin-signed roster excerpt covering the signer, when the vault has one. */
  roster?: RosterExcerpt;
  /** What the export takes out or keeps (export-protection.ts); the recipient's defaults when absent. */
  protection?: ExportProtection;
  /** The vault's users by name: staff shown by role get theirs. */
  staff?: Readonly<Record<string, Role>>;
}
