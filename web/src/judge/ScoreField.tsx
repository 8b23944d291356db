import type { Problem } from '../api/types.ts';
import { FieldProblems } from '../components/Problems.tsx';
import { useI18n } from '../i18n.ts';

/**
 * One value to score: a number box (typed to one decimal, the server's step) and a slider beside it
 * for a thumb on a phone. The box is the labelled control (its label is the criterion's name, which
 * tests and screen readers find it by); the slider repeats it for touch and is hidden from both.
 */
export const ScoreField = ({
  name,
  label,
  other,
  weight,
  min,
  max,
  value,
  problems,
  disabled,
  onChange,
}: {
  /** The request path the server's problems name (`criteria.innovation`, `total`). */
  name: string;
  label: string;
  /** The name in the other language, small beside it. */
  other?: string;
  weight?: number;
  min: number;
  max: number;
  value: string;
  problems?: Problem[];
  disabled: boolean;
  onChange: (value: string) => void;
}) => {
  const { t } = useI18n();
  const id = `score-${name.replace(/\W/g, '-')}`;
  const hint = [weight === undefined ? null : t('judge.score.weight', { weight }), t('judge.score.range', { min, max })].filter(Boolean).join(' · ');
  const number = Number(value);
  const placed = value.trim() !== '' && Number.isFinite(number);
  return (
    <div className={`field score-field${problems?.length ? ' has-error' : ''}`} data-testid="score-field" data-criterion={name}>
      <div className="score-field-head">
        <label htmlFor={id}>{label}</label>
        {other && <span className="small muted">{other}</span>}
      </div>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <FieldProblems problems={problems} id={`${id}-problems`} />
      <div className="score-inputs">
        <input
          id={id}
          name={name}
          type="number"
          inputMode="decimal"
          min={min}
          max={max}
          step={0.1}
          value={value}
          disabled={disabled}
          aria-invalid={problems?.length ? true : undefined}
          aria-describedby={`${id}-hint${problems?.length ? ` ${id}-problems` : ''}`}
          onChange={(e) => onChange(e.target.value)}
        />
        <input
          type="range"
          className={placed ? undefined : 'is-unset'}
          min={min}
          max={max}
          step={max - min > 20 ? 1 : 0.5}
          value={placed ? Math.min(max, Math.max(min, number)) : (min + max) / 2}
          disabled={disabled}
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
    </div>
  );
};
