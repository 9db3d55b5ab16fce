// Position and capture time, as the device wrote them.
import type { GpsPosition } from '../../shared/media/media-report';
import type { TagGroups } from './metadata-parse';

/** XMP writes coordinates as "DDD,MM.mmmK" or "DDD,MM,SSK" (K = N, S, E or W). */
function xmpCoordinate(value: unknown): number | undefined {
  const m = typeof value === 'string' ? /^(\d{1,3}),(\d{1,2}(?:\.\d+)?)(?:,(\d{1,2}(?:\.\d+)?))?([NSEW])$/.exec(value.trim()) : null;
  if (!m) return undefined;
  const deg = Number(m[1]) + Number(m[2]) / 60 + Number(m[3] ?? 0) / 3600;
  return m[4] === 'S' || m[4] === 'W' ? -deg : deg;
}

function xmpPosition(groups: TagGroups): GpsPosition | undefined {
  const x = groups['xmp-exif'] ?? {};
  const lat = xmpCoordinate(x.GPSLatitude);
  const lon = xmpCoordinate(x.GPSLongitude);
  return lat !== undefined && lon !== undefined && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : undefined;
}

export function gpsPosition(groups: TagGroups): GpsPosition | undefined {
  const gps = groups.gps;
  if (!gps) return xmpPosition(groups);
  const lat = gps.latitude;
  const lon = gps.longitude;
  if (typeof lat !== 'number' || typeof lon !== 'number' || Math.abs(lat) > 90 || Math.abs(lon) > 180) return xmpPosition(groups);
  const pos: GpsPosition = { lat, lon };
  if (typeof gps.GPSAltitude === 'number') {
    const below = gps.GPSAltitudeRef === 1 || (typeof gps.GPSAltitudeRef === 'string' && /below/i.test(gps.GPSAltitudeRef));
    pos.alt = below ? -gps.GPSAltitude : gps.GPSAltitude;
  }
  return pos;
}

/** EXIF `YYYY:MM:DD HH:MM:SS` as ISO local time, with the offset only when the file states one. */
export function capturedAt(groups: TagGroups): string | undefined {
  const exif = groups.exif ?? {};
  const raw = exif.DateTimeOriginal ?? exif.CreateDate ?? exif.DateTimeDigitized;
  if (typeof raw === 'string') {
    const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(raw);
    if (m) {
      const offset = exif.OffsetTimeOriginal ?? exif.OffsetTime;
      const zone = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : '';
      return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`;
    }
  }
  for (const group of ['xmp-exif', 'xmp-photoshop', 'xmp-xmp']) {
    const g = groups[group] ?? {};
    const v = g.DateTimeOriginal ?? g.DateCreated ?? g.CreateDate;
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) return v;
  }
  return undefined;
}
