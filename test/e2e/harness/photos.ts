// Photos as a phone would make them: a JPEG carrying GPS position, camera make and model and a
// capture time, written by exiftool (an independent tool) so our reader is not judging itself.
import { execFileSync } from 'node:child_process';
import sharp from 'sharp';

export async function makeGpsPhoto(path: string, o: { lat: number; lon: number; hue: number }): Promise<void> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="hsl(${o.hue},35%,70%)"/><stop offset="1" stop-color="hsl(${o.hue + 30},30%,35%)"/></linearGradient></defs>
    <rect width="800" height="600" fill="url(#g)"/>
    <rect x="0" y="420" width="800" height="180" fill="hsl(110,25%,28%)"/>
    <circle cx="620" cy="140" r="60" fill="hsl(45,70%,80%)"/></svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toFile(path);
  execFileSync('exiftool', [
    '-overwrite_original', '-q',
    `-GPSLatitude=${Math.abs(o.lat)}`, `-GPSLatitudeRef=${o.lat < 0 ? 'S' : 'N'}`,
    `-GPSLongitude=${Math.abs(o.lon)}`, `-GPSLongitudeRef=${o.lon < 0 ? 'W' : 'E'}`,
    '-Make=Samsung', '-Model=SM-A135M', '-DateTimeOriginal=2026:10:02 18:41:07', '-Artist=Defensora A',
    path,
  ]);
}

/** What exiftool finds in a file, as tag → value (e.g. GPSLatitude). */
export function exiftool(path: string): Record<string, unknown> {
  const [tags] = JSON.parse(execFileSync('exiftool', ['-json', '-n', path], { encoding: 'utf8' })) as Record<string, unknown>[];
  return tags ?? {};
}
