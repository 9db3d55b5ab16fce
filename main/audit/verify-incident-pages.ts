// One paged pass over the incidents for three checks that each used to read every body: every
// version against its custody entry (verify-versions.ts), and the two derived tables built from
// the current version, the list index and the search index (verify-derived.ts). A page is a
// range of incident ids, read from the three tables by primary key; the next page is read by
// SQLite while this one is checked, so the pass costs about one read of the bodies.
import type { Database, SqlValue } from '../vault/database';
import type { Incident } from '../../shared/incident/incident-schema';
import { INDEX_COLUMNS, indexRow } from '../records/incident-index';
import { yieldToIo } from './log-slices';
import type { LogCommitments } from './log-commitments';
import type { ProblemList } from './verify-problems';
import { checkVersion, reportMissingVersions, type VersionRow } from './verify-versions';
import { expectedSearchText, searchRowText, reportStale } from './verify-derived';

/** Versions per page: a few MiB of bodies. */
const PAGE = 4096;
const YIELD_EVERY = 512;

interface PageVersion extends VersionRow { case_id: number | null }

// Each table's page arrives as one JSON array of row arrays built by SQLite: at 100,000
// incidents, node-sqlite3's per-row objects (a JS value per column) cost more than the checks.
// Text columns of the search table (FTS5 tables are not STRICT) are cast, so a blob an insider
// stored there compares as text instead of stopping json_array.
type VersionTuple = [number, number, string, string, string, number | null];
type SearchTuple = [number, string | null, string | null, string | null];

/** search is null when FTS5 cannot read its own tables (an insider broke its config or index). */
interface Page { versions: VersionTuple[]; index: SqlValue[][]; search: SearchTuple[] | null; last: number | null }

// The first page has no lower bound and the last no upper one: a row an insider gave an id
// outside every other table's range is still read.
function range(column: string, lo: number | null, hi: number | null): { where: string; params: number[] } {
  const parts: string[] = [];
  const params: number[] = [];
  if (lo !== null) { parts.push(`${column} > ?`); params.push(lo); }
  if (hi !== null) { parts.push(`${column} <= ?`); params.push(hi); }
  return { where: parts.length === 0 ? '1' : parts.join(' AND '), params };
}

async function rowsOf<T>(db: Database, tuple: string, from: string, where: { where: string; params: number[] }): Promise<T[]> {
  const row = await db.get<{ rows: string | null }>(`SELECT '[' || string_agg(json_array(${tuple}), ',') || ']' AS rows FROM ${from} WHERE ${where.where}`, where.params);
  return row?.rows ? (JSON.parse(row.rows) as T[]) : [];
}

async function readPage(db: Database, lo: number | null): Promise<Page | undefined> {
  const from = range('incident_id', lo, null);
  const bound = await db.get<{ hi: number }>(
    `SELECT incident_id AS hi FROM incident_versions WHERE ${from.where} ORDER BY incident_id, version LIMIT 1 OFFSET ${PAGE - 1}`, from.params);
  const hi = bound?.hi ?? null;
  const v = range('v.incident_id', lo, hi);
  const [versions, index, search] = await Promise.all([
    // The subquery orders the rows, so each incident's versions arrive together and in order.
    rowsOf<VersionTuple>(db, 'incident_id, version, body, sha256, saved_by, case_id',
      `(SELECT v.incident_id, v.version, v.body, v.sha256, v.saved_by, i.case_id
        FROM incident_versions v LEFT JOIN incidents i ON i.id = v.incident_id WHERE ${v.where} ORDER BY v.incident_id, v.version)`,
      { where: '1', params: v.params }),
    rowsOf<SqlValue[]>(db, INDEX_COLUMNS.join(', '), 'incident_index', range('incident_id', lo, hi)),
    // A search index that cannot be read is reported as such; the checks of the versions go on.
    rowsOf<SearchTuple>(db, 'rowid, CAST(place AS TEXT), CAST(verbatim AS TEXT), CAST(body AS TEXT)', 'incident_search', range('rowid', lo, hi)).catch(() => null),
  ]);
  if (lo !== null && versions.length === 0 && index.length === 0 && (search?.length ?? 0) === 0) return undefined;
  return { versions, index, search, last: hi };
}

/** A list-index row as text, so a stored and an expected row compare as one string. */
function indexText(row: readonly SqlValue[]): string {
  return JSON.stringify(row);
}

class IncidentPass {
  readonly seen = new Set<string>();
  readonly staleIndex: number[] = [];
  readonly staleSearch: number[] = [];
  searchUnreadable = false;

  constructor(private readonly log: LogCommitments, private readonly deleted: ReadonlySet<number>, private readonly problems: ProblemList) {}

  async check(page: Page): Promise<void> {
    const storedIndex = new Map<number, string>();
    for (const r of page.index) storedIndex.set(Number(r[0]), indexText(r));
    const storedSearch = new Map<number, string>();
    if (page.search === null) this.searchUnreadable = true;
    for (const [id, place, verbatim, body] of page.search ?? []) storedSearch.set(id, searchRowText(place, verbatim, body));
    const { versions } = page;
    for (let k = 0; k < versions.length; k += 1) {
      if (k % YIELD_EVERY === 0) await yieldToIo();
      const [incidentId, version, body, sha256, savedBy, caseId] = versions[k] as VersionTuple;
      const r: PageVersion = { incident_id: incidentId, version, body, sha256, saved_by: savedBy, case_id: caseId };
      const latest = versions[k + 1]?.[0] !== incidentId;
      checkVersion(r, latest, this.log, this.problems, this.seen);
      if (latest) this.current(r, storedIndex, storedSearch);
    }
    // Rows for incidents that have no version at all.
    this.staleIndex.push(...storedIndex.keys());
    this.staleSearch.push(...storedSearch.keys());
  }

  /** The derived rows of an incident's current version (a body that is not an incident has none). */
  private current(r: PageVersion, storedIndex: Map<number, string>, storedSearch: Map<number, string>): void {
    const id = r.incident_id;
    let incident: Incident | undefined;
    try {
      incident = JSON.parse(r.body) as Incident;
    } catch {
      // Reported by the version check; both derived rows are then stale.
    }
    const deleted = this.deleted.has(id);
    // The list index mirrors incidents that have a head row; search holds live ones only.
    if (r.case_id !== null) {
      const expected = incident === undefined ? undefined : tryText(() => indexText(indexRow(id, r.case_id as number, r.version, r.sha256, incident, deleted)));
      if (expected === undefined || storedIndex.get(id) !== expected) this.staleIndex.push(id);
      storedIndex.delete(id);
    }
    if (!deleted && !this.searchUnreadable) {
      const expected = incident === undefined ? '' : expectedSearchText(id, incident);
      if (storedSearch.get(id) !== expected) this.staleSearch.push(id);
      storedSearch.delete(id);
    }
  }
}

function tryText(f: () => string): string | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

export async function verifyIncidentPages(db: Database, log: LogCommitments, problems: ProblemList): Promise<void> {
  const tombstoned = await db.all<{ id: number }>("SELECT subject_id AS id FROM tombstones WHERE subject_type = 'incident'");
  const pass = new IncidentPass(log, new Set(tombstoned.map((t) => t.id)), problems);
  let pending = readPage(db, null);
  for (;;) {
    const page = await pending;
    if (!page) break;
    if (page.last !== null) pending = readPage(db, page.last);
    try {
      await pass.check(page);
    } catch (e) {
      await pending.catch(() => undefined);
      throw e;
    }
    if (page.last === null) break;
  }
  reportMissingVersions(log, pass.seen, problems);
  reportStale('incident list', pass.staleIndex, problems);
  if (pass.searchUnreadable) problems.add({ code: 'E_DERIVED_STALE', message: 'the search index cannot be read (its FTS5 tables were altered), so search could hide incidents' });
  else reportStale('search index', pass.staleSearch, problems);
}
