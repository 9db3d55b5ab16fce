// The three catalogues must say the same things: a key in one and not another would show a raw id.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../../shared/i18n/catalogues';
import type { Language } from '../../../shared/vocabulary/languages';

const languages = Object.keys(CATALOGUES) as Language[];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

describe('i18n catalogues', () => {
  it('exist for es, pt and en', () => {
    expect(languages.sort()).toEqual(['en', 'es', 'pt']);
  });

  it.each(languages)('%s has every key any other catalogue has', (lang) => {
    const mine = new Set(Object.keys(CATALOGUES[lang]));
    const missing = languages.flatMap((other) => Object.keys(CATALOGUES[other]).filter((k) => !mine.has(k)));
    expect([...new Set(missing)]).toEqual([]);
  });

  it.each(languages)('every %s message is valid ICU and not empty', (lang) => {
    for (const [key, message] of Object.entries(CATALOGUES[lang])) {
      expect(message.trim(), key).not.toBe('');
      expect(() => new IntlMessageFormat(message, lang), key).not.toThrow();
    }
  });

  it('every literal message id the renderer uses exists', () => {
    const used = sourceFiles('renderer/src').flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bt\('([\w.]+)'/g)].map((m) => m[1]!));
    expect(used.length).toBeGreaterThan(100);
    const missing = [...new Set(used)].filter((k) => !(k in CATALOGUES.es));
    expect(missing).toEqual([]);
  });
});
