// Tags go to JSON (CLI, IPC, the vault): binary becomes a size, long arrays and strings are cut,
// nesting is bounded, so a hostile file cannot make a report huge.
import type { JsonValue } from '../../shared/media/media-report';

const MAX_ARRAY = 64;
const MAX_STRING = 4096;
const MAX_DEPTH = 6;

export function jsonSafe(value: unknown, depth = 0): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const s = value.replace(/\0+$/, '');
    return s.length > MAX_STRING ? `${s.slice(0, MAX_STRING)}… (${s.length} characters)` : s;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'invalid date' : value.toISOString();
  if (value instanceof Uint8Array) return value.length <= 16 ? [...value] : `<binary, ${value.length} bytes>`;
  if (depth >= MAX_DEPTH) return '<nested too deeply>';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ARRAY).map((v) => jsonSafe(v, depth + 1));
    if (value.length > MAX_ARRAY) items.push(`… ${value.length - MAX_ARRAY} more`);
    return items;
  }
  if (typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    let n = 0;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (n++ >= MAX_ARRAY * 4) break;
      out[k] = jsonSafe(v, depth + 1);
    }
    return out;
  }
  return String(value);
}
