// Incident files are read strictly (T7): UTF-8 only (a BOM is skipped), no deeper than a nesting
// cap, no key twice in one object. JSON.parse alone turns invalid UTF-8 into U+FFFD and keeps
// the last of two equal keys without a word: what the user reviewed may not be what is stored.
import { createScanner, type SyntaxKind } from 'jsonc-parser';
import { CustodiaError } from '../../shared/errors/error-codes';

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read: its values here.
const T = { openBrace: 1, closeBrace: 2, openBracket: 3, closeBracket: 4, comma: 5, string: 10, eof: 17 } as const satisfies Record<string, SyntaxKind>;

/** An incident is a few levels deep; an import adds one. Far above that is an attack. */
export const MAX_JSON_DEPTH = 32;

// fatal: invalid UTF-8 throws. A leading BOM is dropped where a file starts (ignoreBOM false),
// kept (and then refused by JSON.parse) anywhere else.
const atStart = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const inside = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeUtf8(bytes: Uint8Array, what: string, startsFile = true): string {
  try {
    return (startsFile ? atStart : inside).decode(bytes);
  } catch {
    throw new CustodiaError('E_INVALID_ENCODING', `${what} is not valid UTF-8`);
  }
}

/** Nesting and duplicate keys, walked token by token (no recursion, so no stack to exhaust). */
function checkStructure(text: string, what: string): void {
  const scanner = createScanner(text, true);
  const objects: Array<Set<string> | null> = [];
  let expectKey = false;
  for (let token: number = scanner.scan(); token !== T.eof; token = scanner.scan()) {
    if (token === T.openBrace || token === T.openBracket) {
      objects.push(token === T.openBrace ? new Set() : null);
      if (objects.length > MAX_JSON_DEPTH) throw new CustodiaError('E_JSON_TOO_DEEP', `${what} nests deeper than ${MAX_JSON_DEPTH} levels`);
      expectKey = token === T.openBrace;
    } else if (token === T.closeBrace || token === T.closeBracket) {
      objects.pop();
      expectKey = false;
    } else if (token === T.comma) {
      expectKey = objects.at(-1) instanceof Set;
    } else if (token === T.string && expectKey) {
      const keys = objects.at(-1)!;
      const key = scanner.getTokenValue();
      if (keys.has(key)) throw new CustodiaError('E_JSON_DUPLICATE_KEY', `${what} holds the key ${JSON.stringify(key.slice(0, 80))} twice in one object`);
      keys.add(key);
      expectKey = false;
    }
  }
}

/** Parses JSON text that was already decoded strictly; E_INVALID_JSON, E_JSON_TOO_DEEP or E_JSON_DUPLICATE_KEY. */
export function parseStrictJson(text: string, what: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new CustodiaError('E_INVALID_JSON', `${what} is not valid JSON: ${(e as Error).message.slice(0, 200)}`);
  }
  checkStructure(text, what);
  return value;
}
