// Bounds on when incidents occurred, as lists, search and the programme's figures filter them:
// instants compared in UTC, whatever offset each incident was recorded with.
import { CustodiaError } from '../../shared/errors/error-codes';

/** An ISO date or instant as a UTC instant with milliseconds (how incident_index sorts), or E_INVALID_INPUT. */
export function instantBound(bound: string): string {
  const t = Date.parse(bound);
  if (Number.isNaN(t)) throw new CustodiaError('E_INVALID_INPUT', `not a date: ${bound}`);
  return new Date(t).toISOString();
}

/** Whole days (YYYY-MM-DD, UTC) as the forms and the CLI take them: from the first instant of `from` to the last of `to`. */
export function wholeDays(p: { from?: string; to?: string }): { from?: string; to?: string } {
  return { ...(p.from ? { from: `${p.from}T00:00:00Z` } : {}), ...(p.to ? { to: `${p.to}T23:59:59.999Z` } : {}) };
}
