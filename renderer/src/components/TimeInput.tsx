// A time of day typed as hh:mm, 24-hour, whatever language Chromium was started in.
import type { InputHTMLAttributes } from 'react';
import { useT } from '../i18n';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & { value: string; onChange: (value: string) => void };

export function TimeInput({ value, onChange, ...rest }: Props) {
  const t = useT();
  return (
    <input
      {...rest}
      type="text"
      className="time-input"
      inputMode="numeric"
      autoComplete="off"
      placeholder={t('time.placeholder')}
      pattern="\d{2}:\d{2}(:\d{2}(\.\d+)?)?"
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
