// An error's message in the user's language, looked up by its stable code.
import { CATALOGUES } from './catalogues';
import type { Language } from '../vocabulary/languages';

export function errorMessage(code: string, language: Language): string {
  const catalogue = CATALOGUES[language];
  return catalogue[`error.${code}`] ?? catalogue['error.generic'] ?? code;
}
