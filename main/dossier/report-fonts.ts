// The report embeds DejaVu (assets/fonts, free licence beside it) so names in any Latin script
// print correctly and the text stays extractable. This file sits two folders below the
// repository root, as the bundled CLI (dist/cli) does, so one relative path serves both.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CustodiaError } from '../../shared/errors/error-codes';

export const REPORT_FONTS = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;

export function fontPath(file: string): string {
  const path = fileURLToPath(new URL(`../../assets/fonts/${file}`, import.meta.url));
  if (!existsSync(path)) throw new CustodiaError('E_INTERNAL', `report font missing: ${path}`);
  return path;
}
