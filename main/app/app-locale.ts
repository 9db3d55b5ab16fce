// Chromium's own locale (native dialogs' buttons, the spellchecker, navigator.language) follows
// the language chosen in Custodia's settings rather than the system's, so a Peruvian officer on an
// English Windows still gets "Cancelar". Read before the app is ready, as Chromium requires;
// a change takes effect at the next start.
import type { Language } from '../../shared/vocabulary/languages';

const CHROMIUM_LOCALES: Record<Language, string> = {
  // Latin American Spanish and Brazilian Portuguese: the users' own variants.
  es: 'es-419',
  pt: 'pt-BR',
  // As the interface's dates read: day first.
  en: 'en-GB',
};

export function chromiumLocale(language: Language): string {
  return CHROMIUM_LOCALES[language];
}
