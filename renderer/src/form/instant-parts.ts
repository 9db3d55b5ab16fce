// An instant of the interchange format (2026-10-02T18:30:00-05:00) as the form shows it: a
// day, a time of day and the offset it was recorded in. Seconds and fractions, when the
// instant has them, stay in the time so that reading and writing back changes nothing.

export interface InstantParts { date: string; time: string; offset: string }

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function splitInstant(instant: string): InstantParts | null {
  const m = INSTANT.exec(instant);
  if (!m) return null;
  const seconds = m[3] === ':00' ? '' : (m[3] ?? '');
  return { date: m[1]!, time: `${m[2]!}${seconds}`, offset: m[4]! };
}

/** The instant the parts name; an empty time is the start of the day, and 9:05 is 09:05. */
export function joinInstant(p: InstantParts): string {
  const typed = p.time.trim() || '00:00';
  const time = /^\d:/.test(typed) ? `0${typed}` : typed;
  return `${p.date.trim()}T${/^\d{2}:\d{2}$/.test(time) ? `${time}:00` : time}${p.offset.trim()}`;
}

/** The same instant written in another offset (±hh:mm or Z), for an end time recorded in a different offset than the start. */
export function inOffset(instant: string, offset: string): string {
  const ms = Date.parse(instant);
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (Number.isNaN(ms) || (!m && offset !== 'Z')) return instant;
  const shift = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  const local = new Date(ms + shift * 60_000).toISOString();
  const fraction = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)/.exec(instant)?.[1] ?? '';
  return `${local.slice(0, 19)}${fraction}${offset}`;
}

export function localOffset(date = new Date()): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The UTC offset (±hh:mm) of a time zone at an instant: -05:00 for America/Lima. */
export function offsetIn(timeZone: string, at = new Date()): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
  return /GMT([+-]\d{2}:\d{2})/.exec(name)?.[1] ?? '+00:00';
}
