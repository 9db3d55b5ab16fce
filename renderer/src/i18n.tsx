// Every visible string comes from the ICU catalogues in shared/i18n, in the language chosen in settings.
import { IntlProvider, useIntl } from 'react-intl';
import type { ReactNode } from 'react';
import { CATALOGUES } from '../../shared/i18n/catalogues';
import type { Language } from '../../shared/vocabulary/languages';

/**
 * The locale whose calendar conventions the language's users share: English as in Britain, so a
 * date reads 03/10/2026 (day first) in every language the app speaks.
 */
const intlLocale = (language: Language): string => (language === 'en' ? 'en-GB' : language);

export function I18n({ language, timeZone, children }: { language: Language; timeZone?: string; children: ReactNode }) {
  return (
    <IntlProvider locale={intlLocale(language)} timeZone={timeZone} messages={CATALOGUES[language]} defaultLocale="es">
      {children}
    </IntlProvider>
  );
}

type Values = Record<string, string | number | Date>;

export function useT(): (id: string, values?: Values) => string {
  const intl = useIntl();
  return (id, values) => intl.formatMessage({ id }, values);
}

/** An error's message looked up by its stable code, the generic one for a code the catalogue lacks. */
export function useErrorText(): (code: string) => string {
  const intl = useIntl();
  return (code) => intl.formatMessage({ id: intl.messages[`error.${code}`] ? `error.${code}` : 'error.generic' });
}
