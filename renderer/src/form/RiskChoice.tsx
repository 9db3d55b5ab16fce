// The field protocol's three risk levels, each with its definition beside the choice, so the
// officer weighs the threat against the same words every time.
import { RISK_LEVELS } from '../../../shared/incident/incident-schema';
import { useT } from '../i18n';

export function RiskChoice({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const t = useT();
  return (
    <fieldset className="risk-choice">
      <legend>{t('form.riskLevel')}</legend>
      {RISK_LEVELS.map((r) => (
        <label key={r} className={`risk-option risk-${r}`}>
          <input type="radio" name="riskLevel" value={r} checked={value === r} onChange={() => onChange(r)} aria-describedby={`risk-def-${r}`} />
          <span className="risk-name">{t(`risk.${r}`)}</span>
          <span className="risk-definition" id={`risk-def-${r}`}>{t(`risk.${r}.definition`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
