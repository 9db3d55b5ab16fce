// RFC 8785 (JCS) canonical JSON: the exact bytes the custody log hashes and signs.
// `canonicalize` silently drops undefined members, turns undefined array items into null and
// follows toJSON(); a value that does not survive JSON unchanged would make two different
// records hash alike, so anything that is not plain JSON data is refused before serializing.
import canonicalize from 'canonicalize';
import { CustodiaError } from '../errors/error-codes';

function refuse(path: string, what: string): never {
  throw new CustodiaError('E_INVALID_INPUT', `Not JSON data at ${path}: ${what}.`, { path });
}

function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return true;
    }
  }
  return false;
}

function isPlainObject(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function check(value: unknown, path: string, ancestors: Set<object>): void {
  switch (typeof value) {
    case 'string':
      if (hasLoneSurrogate(value)) refuse(path, 'a string with a lone surrogate');
      return;
    case 'number':
      if (!Number.isFinite(value)) refuse(path, String(value));
      return;
    case 'boolean':
      return;
    case 'object':
      break;
    default:
      refuse(path, typeof value);
  }
  if (value === null) return;
  if (ancestors.has(value)) refuse(path, 'a circular reference');
  ancestors.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) refuse(`${path}[${i}]`, 'a hole in an array');
      check(value[i], `${path}[${i}]`, ancestors);
    }
  } else {
    if (!isPlainObject(value)) refuse(path, `an instance of ${value.constructor?.name ?? 'a class'}`);
    if (Object.getOwnPropertySymbols(value).length > 0) refuse(path, 'a symbol-keyed member');
    for (const [key, member] of Object.entries(value)) {
      if (hasLoneSurrogate(key)) refuse(path, 'a member name with a lone surrogate');
      check(member, `${path}.${key}`, ancestors);
    }
  }
  ancestors.delete(value);
}

/** RFC 8785 canonical JSON text; throws E_INVALID_INPUT for anything that is not plain JSON data. */
export function canonicalJson(value: unknown): string {
  check(value, '$', new Set());
  const text = canonicalize(value);
  if (text === undefined) refuse('$', 'no JSON text');
  return text;
}
