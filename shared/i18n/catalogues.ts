// One ICU catalogue per language; Spanish first because most users work in Spanish.
import en from './en.json';
import es from './es.json';
import pt from './pt.json';

export type Language = 'es' | 'pt' | 'en';
export const DEFAULT_LANGUAGE: Language = 'es';
export const CATALOGUES: Record<Language, Record<string, string>> = { es, pt, en };
