// Derived tables are compared with what they derive from, never trusted: the incident list index
// (lists could hide or misdescribe an incident) and the full-text search index (search could
// hide one). Both are rebuilt, row by row, from the versions and tombstones as they stand in the
// paged pass of verify-incident-pages.ts; those are checked against the log elsewhere. FTS5's
// own integrity check covers the index behind the stored text (its shadow tables).
import type { Database } from '../vault/database';
import type { Incident } from '../../shared/incident/incident-schema';
import { searchRow } from '../records/incidents';
import type { ProblemList } from './verify-problems';

/** A search row as text; the body's strings are sorted, since their order follows the body's key order. */
export function searchRowText(place: unknown, verbatim: unknown, body: unknown): string {
  return JSON.stringify([place, verbatim, String(body).split('\n').sort()]);
}

/** What the search row of a live incident's current version must hold ('' if its body is no incident). */
export function expectedSearchText(id: number, incident: Incident): string {
  try {
    const [, place, verbatim, body] = searchRow(id, incident);
    return searchRowText(place, verbatim, body);
  } catch {
    return '';
  }
}

export function reportStale(index: string, ids: readonly number[], problems: ProblemList): void {
  for (const id of [...ids].sort((a, b) => a - b)) {
    problems.add({ code: 'E_DERIVED_STALE', message: `incident:${id}: its row in the ${index} disagrees with its current version, so it could hide or misdescribe the incident` });
  }
}

/** FTS5's integrity check: the inverted index (shadow tables) must match the text it indexes. */
export async function verifySearchIndexIntegrity(db: Database, problems: ProblemList): Promise<void> {
  try {
    await db.run("INSERT INTO incident_search (incident_search) VALUES ('integrity-check')");
  } catch {
    problems.add({ code: 'E_DERIVED_STALE', message: 'the search index does not match the text it indexes, so search could hide incidents' });
  }
}
