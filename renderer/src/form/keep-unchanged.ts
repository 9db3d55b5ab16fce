// What the user did not change goes back exactly as it was stored. The form maps strings to
// the interchange format, and that mapping cannot tell "" from null from absent, nor knows a
// field added to the format after the form was written; comparing the edited candidate with
// the candidate the untouched form would have given, value by value, finds what was edited,
// and every other value is taken from the stored incident, byte for byte.

type Plain = Record<string, unknown>;

const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep equality of JSON-like values; a key whose value is undefined counts as absent. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (isPlain(a) && isPlain(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue(a[k], b[k]));
  }
  return false;
}

/** The value with every key whose value is undefined left out, as the stored JSON would have it. */
export function withoutUndefined(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutUndefined);
  if (!isPlain(v)) return v;
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, withoutUndefined(x)]));
}

/**
 * For rows of a list, where each edited row came from (its index in the stored list), or
 * undefined for a row the user added. Keyed by the path of the list, e.g. "witnesses".
 */
export type RowOrigins = Record<string, (number | undefined)[]>;

/**
 * The edited candidate, with every value equal to the untouched candidate replaced by the
 * stored one. `edited` and `untouched` come from the same mapping; `stored` is the incident.
 */
export function keepUnchanged(edited: unknown, untouched: unknown, stored: unknown, origins: RowOrigins = {}, path = ''): unknown {
  if (sameValue(edited, untouched)) return stored;
  const rows = origins[path];
  if (Array.isArray(edited) && rows) {
    const from = (list: unknown, at: number | undefined) => (at === undefined || !Array.isArray(list) ? undefined : list[at]);
    return edited.map((row, i) => (rows[i] === undefined ? row : keepUnchanged(row, from(untouched, rows[i]), from(stored, rows[i]), origins, `${path}[]`)));
  }
  if (isPlain(edited) && isPlain(stored)) {
    const u = isPlain(untouched) ? untouched : {};
    const out: Plain = {};
    for (const k of new Set([...Object.keys(edited), ...Object.keys(stored)])) {
      const v = keepUnchanged(edited[k], u[k], stored[k], origins, path ? `${path}.${k}` : k);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  return edited;
}
