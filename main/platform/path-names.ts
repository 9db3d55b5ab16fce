// Names taken from paths the user chose (a dialog, a drop, a command line), the same on every
// system: Windows drive letters and UNC shares, non-ASCII folders, and macOS's decomposed (NFD)
// file names all give the NFC name a user typed. Pure functions, so each system's rules are
// tested on any machine.
import { posix, win32 } from 'node:path';

export type PathFlavour = 'posix' | 'win32';

export function hostFlavour(platform: NodeJS.Platform = process.platform): PathFlavour {
  return platform === 'win32' ? 'win32' : 'posix';
}

const pathModule = (f: PathFlavour) => (f === 'win32' ? win32 : posix);

/** The file's own name, without its folders. */
export function fileName(path: string, flavour: PathFlavour = hostFlavour()): string {
  return pathModule(flavour).basename(path).normalize('NFC');
}

/** The name without its last extension (a vault's label in the app's list). */
export function fileStem(path: string, flavour: PathFlavour = hostFlavour()): string {
  const name = fileName(path, flavour);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/**
 * Whether two paths name the same file as the system would resolve them: Windows ignores case
 * and accepts either separator; macOS may hand back a name decomposed. Links are not followed.
 */
export function samePath(a: string, b: string, flavour: PathFlavour = hostFlavour()): boolean {
  const m = pathModule(flavour);
  const canonical = (p: string) => {
    const n = m.normalize(p).normalize('NFC');
    return flavour === 'win32' ? n.toLowerCase() : n;
  };
  return canonical(a) === canonical(b);
}
