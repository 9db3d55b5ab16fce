// Days, instants and sizes in the user's calendar and numbers. A day of the interchange format
// (2026-10-03) is a calendar day, not an instant: it is shown as written, in no time zone.
import { useIntl } from 'react-intl';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function useFormats() {
  const intl = useIntl();
  return {
    /** 03/10/2026 in es, pt and en alike. */
    day: (iso: string) => (DAY.test(iso) ? intl.formatDate(`${iso}T12:00:00Z`, { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }) : iso),
    /** An instant in the organisation's time zone (the IntlProvider's). */
    instant: (iso: string) => intl.formatDate(iso, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
    /** 9,3 kB, 2,4 MB: sizes as people read them. */
    bytes: (n: number) => {
      const [value, unit] = n < 1_000 ? [n, 'byte'] : n < 1_000_000 ? [n / 1_000, 'kilobyte'] : n < 1_000_000_000 ? [n / 1_000_000, 'megabyte'] : [n / 1_000_000_000, 'gigabyte'];
      return intl.formatNumber(value, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: unit === 'byte' ? 0 : 1 });
    },
  };
}
