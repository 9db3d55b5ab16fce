// One ICU catalogue per language; Spanish first because most users work in Spanish.
import en from './en.json' with { type: 'json' };
import es from './es.json' with { type: 'json' };
import pt from './pt.json' with { type: 'json' };
import type { Language } from '../vocabulary/languages';

export const CATALOGUES: Record<Language, Record<string, string>> = { es, pt, en };
