// Every visible string comes from the ICU catalogues in shared/i18n, in the language chosen in settings.
import { IntlProvider, useIntl } from 'react-intl';
import type { ReactNode } from 'react';
import { CATALOGUES } from '../../shared/i18n/catalogues';
import type { Language } from '../../shared/vocabulary/languages';

export function I18n({ language, children }: { language: Language; children: ReactNode }) {
  return (
    <IntlProvider locale={language} messages={CATALOGUES[language]} defaultLocale="es">
      {children}
    </IntlProvider>
  );
}

type Values = Record<string, string | number | Date>;

export function useT(): (id: string, values?: Values) => string {
  const intl = useIntl();
  return (id, values) => intl.formatMessage({ id }, values);
}
