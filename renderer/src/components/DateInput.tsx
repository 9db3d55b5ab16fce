// A day typed as dd/mm/aaaa. The form receives yyyy-mm-dd once the text names a day, or the
// text itself while it does not, so the schema names the field until it is right.
import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { formatDay, parseDay } from '../form/day-text';
import { useT } from '../i18n';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & { value: string; onChange: (value: string) => void };

export function DateInput({ value, onChange, className, ...rest }: Props) {
  const t = useT();
  const [text, setText] = useState(() => formatDay(value));
  // A value set from outside (a draft, an opened incident) replaces what is shown.
  useEffect(() => {
    setText((shown) => ((parseDay(shown) ?? shown) === value ? shown : formatDay(value)));
  }, [value]);
  return (
    <input
      {...rest}
      type="text"
      className={className ? `date-input ${className}` : 'date-input'}
      inputMode="numeric"
      autoComplete="off"
      placeholder={t('date.placeholder')}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseDay(e.target.value) ?? e.target.value);
      }}
    />
  );
}
