// Some labels are looked up by a code the core sends (a disclosure finding's kind, a verification
// line's kind): every such code needs a message in every catalogue, or the screen shows an id.
import { describe, expect, it } from 'vitest';
import es from '../../shared/i18n/es.json';
import pt from '../../shared/i18n/pt.json';
import en from '../../shared/i18n/en.json';
import { DISCLOSURE_KINDS } from '../../shared/dossier/disclosure-check';
import { VERIFY_ITEM_KINDS } from '../../shared/dossier/verify-item-kind';

const catalogues: Record<string, Record<string, string>> = { es, pt, en };
const ids = [
  ...DISCLOSURE_KINDS.map((k) => `disclosure.kind.${k}`),
  ...VERIFY_ITEM_KINDS.map((k) => `verifyDossier.check.${k}`),
  'verifyDossier.detail',
];

describe('messages looked up by a code from the core', () => {
  for (const [lang, messages] of Object.entries(catalogues)) {
    it(`exist in ${lang}.json`, () => {
      expect(ids.filter((id) => !messages[id])).toEqual([]);
    });
  }
});
