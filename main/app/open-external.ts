// The only way a link leaves the app: one of the known help addresses, handed to the system
// browser. Any other URL could carry data out of a compromised page (T8).
import { shell } from 'electron';
import { HELP_LINKS } from './help-links';

export function isAllowedExternalUrl(url: string): boolean {
  return HELP_LINKS.includes(url);
}

export async function openExternal(url: string): Promise<void> {
  if (!isAllowedExternalUrl(url)) return;
  await shell.openExternal(url);
}
