// The standard-tool checks of a dossier, shared by VERIFY.md and the report's last page, so the
// two never disagree. The commands are tested against real sha256sum and openssl.
import { TAG } from '../../shared/dossier/bag-files';
import { LANGUAGES, type Language } from '../../shared/vocabulary/languages';
import { messagesFor, type Messages } from './messages';

export const VERIFY_COMMANDS = {
  manifest: `sha256sum -c ${TAG.manifest256}`,
  signature: `openssl pkeyutl -verify -pubin -inkey ${TAG.publicKey} -rawin -in ${TAG.tagmanifest256} -sigfile ${TAG.signature}`,
  // The raw Ed25519 key is the last 32 bytes of its SPKI DER form.
  fingerprint: `openssl pkey -pubin -in ${TAG.publicKey} -outform DER | tail -c 32 | sha256sum`,
  tagManifest: `sha256sum -c ${TAG.tagmanifest256}`,
  bagit: 'bagit.py --validate .',
} as const;

export interface GuideStep {
  text: string;
  command?: string;
}

export function verifySteps(m: Messages): GuideStep[] {
  const v = m.verify;
  return [
    { text: v.intro },
    { text: v.step1, command: VERIFY_COMMANDS.manifest },
    { text: v.step2, command: VERIFY_COMMANDS.signature },
    { text: v.step3, command: VERIFY_COMMANDS.fingerprint },
    { text: v.step4, command: VERIFY_COMMANDS.tagManifest },
    { text: v.step5, command: VERIFY_COMMANDS.bagit },
    { text: v.custody },
  ];
}

/** VERIFY.md: the dossier's language first, then the other two. */
export function buildVerifyMd(language: Language, fingerprint: string): string {
  const order = [language, ...LANGUAGES.filter((l) => l !== language)];
  return order
    .map((lang) => {
      const m = messagesFor(lang);
      const steps = verifySteps(m)
        .map((s) => (s.command ? `${s.text}\n\n    ${s.command}\n` : `${s.text}\n`))
        .join('\n');
      return `# ${m.verify.title} (${lang})\n\n${steps}\n${m.verify.fingerprint}\n\n    ${fingerprint}\n`;
    })
    .join('\n');
}
