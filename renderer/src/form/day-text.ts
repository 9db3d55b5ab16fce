// Days as people in Peru and Brazil write them, dd/mm/aaaa, whatever language Chromium was
// started in: a date field is a text field with this parser, never <input type="date">.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TYPED_DAY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** yyyy-mm-dd from what was typed (dd/mm/aaaa, d/m/aaaa, dd-mm-aaaa, dd.mm.aaaa or ISO), or null if it names no day of the calendar. */
export function parseDay(typed: string): string | null {
  const s = typed.trim();
  const iso = ISO_DAY.exec(s);
  const m = TYPED_DAY.exec(s);
  const [y, mo, d] = iso ? [iso[1], iso[2], iso[3]] : m ? [m[3], m[2], m[1]] : [];
  if (!y || !mo || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return null;
  return `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** dd/mm/aaaa for a yyyy-mm-dd day; anything else (a half-typed date) as it is. */
export function formatDay(value: string): string {
  const m = ISO_DAY.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}
