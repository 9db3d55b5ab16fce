// Chromium's locale comes from the user's language, for every language the app speaks.
import { describe, expect, it } from 'vitest';
import { chromiumLocale } from '../../main/app/app-locale';
import { LANGUAGES } from '../../shared/vocabulary/languages';

describe("the app's locale", () => {
  it('is a BCP 47 tag of the chosen language for each language', () => {
    expect(LANGUAGES.map(chromiumLocale)).toEqual(['es-419', 'pt-BR', 'en-GB']);
    for (const l of LANGUAGES) expect(Intl.getCanonicalLocales(chromiumLocale(l))[0]!.startsWith(l)).toBe(true);
  });
});
