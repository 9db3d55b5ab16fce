// The interface's, the dossiers' and the verification guide's languages: one list everywhere.
export const LANGUAGES = ['es', 'pt', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Most of the people Custodia is for read Spanish first. */
export const DEFAULT_LANGUAGE: Language = 'es';
