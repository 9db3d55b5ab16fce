// RFC 8785 (JCS) canonical JSON: the exact bytes the custody log hashes and signs.
// `canonicalize` silently drops undefined members, turns undefined array items into null and
// follows toJSON(); a value that does not survive JSON unchanged would make two different
// records hash alike, so anything that is not plain JSON data is refused before serializing.
import canonicalize from 'canonicalize';
import { CustodiaError } from '../errors/error-codes';

/** Member names and array indexes from the root to the value being checked. */
type Trail = (string | number)[];

function refuse(trail: Trail, what: string): never {
  const path = '$' + trail.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');
  throw new CustodiaError('E_INVALID_INPUT', `Not JSON data at ${path}: ${what}.`, { path });
}

// With the u flag a surrogate pair is one code point, so \p{Cs} matches only lone surrogates.
const LONE_SURROGATE = /\p{Cs}/u;

// Deeper than any record we write; also how a circular reference is caught without a Set.
const MAX_DEPTH = 200;

function isPlainObject(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function check(value: unknown, trail: Trail): void {
  switch (typeof value) {
    case 'string':
      if (LONE_SURROGATE.test(value)) refuse(trail, 'a string with a lone surrogate');
      return;
    case 'number':
      if (!Number.isFinite(value)) refuse(trail, String(value));
      return;
    case 'boolean':
      return;
    case 'object':
      break;
    default:
      refuse(trail, typeof value);
  }
  if (value === null) return;
  if (trail.length >= MAX_DEPTH) refuse(trail, 'nesting too deep, or a circular reference');
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      trail.push(i);
      if (!(i in value)) refuse(trail, 'a hole in an array');
      check(value[i], trail);
      trail.pop();
    }
    return;
  }
  if (!isPlainObject(value)) refuse(trail, `an instance of ${value.constructor?.name ?? 'a class'}`);
  if (Object.getOwnPropertySymbols(value).length > 0) refuse(trail, 'a symbol-keyed member');
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (LONE_SURROGATE.test(key)) refuse(trail, 'a member name with a lone surrogate');
    trail.push(key);
    check(record[key], trail);
    trail.pop();
  }
}

/** RFC 8785 canonical JSON text; throws E_INVALID_INPUT for anything that is not plain JSON data. */
export function canonicalJson(value: unknown): string {
  check(value, []);
  const text = canonicalize(value);
  if (text === undefined) refuse([], 'no JSON text');
  return text;
}
