// Validation of the incident interchange format at the door: one schema for CLI, IPC and forms.
import { incidentSchema, type Incident } from '../../shared/incident/incident-schema';
import { CustodiaError } from '../../shared/errors/error-codes';

export function parseIncident(input: unknown): Incident {
  const parsed = incidentSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(incident)'}: ${i.message}`);
  throw new CustodiaError('E_INVALID_INCIDENT', `invalid incident: ${issues.join('; ')}`, { issues: parsed.error.issues });
}

/** Every string in the incident, for the full-text index (place and verbatim get their own columns). */
export function incidentText(incident: Incident): { place: string; verbatim: string; body: string } {
  const strings: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  const { place, verbatim, ...rest } = incident;
  walk(rest);
  return { place, verbatim, body: strings.join('\n') };
}
