// Derived tables are compared with what they derive from, never trusted: the incident list index
// (lists could hide or misdescribe an incident) and the full-text search index (search could
// hide one). Both are rebuilt from the versions and tombstones as they stand; those are checked
// against the log elsewhere. FTS5's own integrity check covers the index behind the stored text.
import type { Database } from '../vault/database';
import type { Incident } from '../../shared/incident/incident-schema';
import { staleIndexRows } from '../records/incident-index';
import { searchRow } from '../records/incidents';
import type { ProblemList } from './verify-problems';

const LIVE_CURRENT = `
  SELECT v.incident_id AS id, v.body FROM incident_versions v
  WHERE v.version = (SELECT max(w.version) FROM incident_versions w WHERE w.incident_id = v.incident_id)
    AND NOT EXISTS (SELECT 1 FROM tombstones t WHERE t.subject_type = 'incident' AND t.subject_id = v.incident_id)`;

/** A search row as text; the body's strings are sorted, since their order follows the body's key order. */
function rowText(place: unknown, verbatim: unknown, body: unknown): string {
  return JSON.stringify([place, verbatim, String(body).split('\n').sort()]);
}

async function staleSearchRows(db: Database): Promise<number[]> {
  const stored = new Map<number, string>();
  await db.each<{ id: number; place: string; verbatim: string; body: string }>('SELECT rowid AS id, place, verbatim, body FROM incident_search', [], (r) => {
    stored.set(r.id, rowText(r.place, r.verbatim, r.body));
  });
  const stale: number[] = [];
  await db.each<{ id: number; body: string }>(LIVE_CURRENT, [], (r) => {
    let expected = '';
    try {
      const [, place, verbatim, body] = searchRow(r.id, JSON.parse(r.body) as Incident);
      expected = rowText(place, verbatim, body);
    } catch {
      // A body that is not an incident any more is reported by the version check; its row is stale too.
    }
    if (stored.get(r.id) !== expected) stale.push(r.id);
    stored.delete(r.id);
  });
  return [...stale, ...stored.keys()].sort((a, b) => a - b);
}

async function searchIndexIntact(db: Database): Promise<boolean> {
  try {
    await db.run("INSERT INTO incident_search (incident_search) VALUES ('integrity-check')");
    return true;
  } catch {
    return false;
  }
}

/** Ids out of step, or a problem when the table cannot even be compared (a body that is not JSON any more). */
async function compare(index: string, find: () => Promise<number[]>, problems: ProblemList): Promise<void> {
  let stale: number[];
  try {
    stale = await find();
  } catch (e) {
    problems.add({ code: 'E_DERIVED_STALE', message: `the ${index} cannot be compared with the incidents: ${(e as Error).message}` });
    return;
  }
  for (const id of stale) {
    problems.add({ code: 'E_DERIVED_STALE', message: `incident:${id}: its row in the ${index} disagrees with its current version, so it could hide or misdescribe the incident` });
  }
}

export async function verifyDerived(db: Database, problems: ProblemList): Promise<void> {
  await compare('incident list', () => staleIndexRows(db), problems);
  await compare('search index', () => staleSearchRows(db), problems);
  if (!(await searchIndexIntact(db))) {
    problems.add({ code: 'E_DERIVED_STALE', message: 'the search index does not match the text it indexes, so search could hide incidents' });
  }
}
