// How an item came into the organisation's hands (the interchange format, shared/incident/incident-schema.ts).
import { z } from 'zod';
import { CustodiaError } from '../../shared/errors/error-codes';

import { ACQUISITION_METHODS } from '../../shared/vocabulary/acquisition';

export { ACQUISITION_METHODS } from '../../shared/vocabulary/acquisition';

const acquisitionSchema = z.strictObject({
  method: z.enum(ACQUISITION_METHODS),
  /** Who handed it over or whose device it came from. */
  from: z.string().max(1_000).nullable().default(null),
  /** e.g. WhatsApp, Facebook, SMS. */
  platform: z.string().max(200).nullable().default(null),
  capturedAt: z.iso.datetime({ offset: true }).nullable().default(null),
});

export type Acquisition = z.output<typeof acquisitionSchema>;
export type AcquisitionInput = z.input<typeof acquisitionSchema>;

export function parseAcquisition(input: unknown): Acquisition {
  const parsed = acquisitionSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(acquisition)'}: ${i.message}`);
  throw new CustodiaError('E_INVALID_INPUT', `invalid acquisition: ${issues.join('; ')}`);
}
