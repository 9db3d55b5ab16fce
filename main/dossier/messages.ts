// The report's and VERIFY.md's words, one catalogue per language. Typing es and pt as the shape
// of en makes a missing key a compile error rather than a blank in a court document.
import type { Language } from '../../shared/vocabulary/languages';
import en from './report-messages/en.json' with { type: 'json' };
import es from './report-messages/es.json' with { type: 'json' };
import pt from './report-messages/pt.json' with { type: 'json' };

export type Messages = typeof en;

const CATALOGUES: Record<Language, Messages> = { es, pt, en };

export function messagesFor(language: Language): Messages {
  return CATALOGUES[language];
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
