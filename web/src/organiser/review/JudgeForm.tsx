import { useState, type FormEvent } from 'react';
import type { ContestView, JudgeRequest } from '../../api/types.ts';
import { Button } from '../../components/Button.tsx';
import { useI18n, type MessageKey } from '../../i18n.ts';
import { ActionProblems } from './ActionProblems.tsx';
import type { ActionError } from './action.ts';
import { coverChoices, judgeRequestOf, toggled, type JudgeFormValues } from './judge-form.ts';

type ScopeKey = 'rounds' | 'covers';
type TextKey = Exclude<keyof JudgeFormValues, ScopeKey>;

const textFields: { key: TextKey; label: MessageKey; type?: string; required?: boolean; hint?: MessageKey }[] = [
  { key: 'name', label: 'review.judges.name', required: true },
  { key: 'title', label: 'review.judges.title' },
  { key: 'organisation', label: 'review.judges.organisation', hint: 'review.judges.organisationHint' },
  { key: 'employer', label: 'review.judges.employer' },
  { key: 'school', label: 'review.judges.school' },
  { key: 'expertise', label: 'review.judges.expertise', hint: 'review.judges.expertiseHint' },
  { key: 'email', label: 'review.judges.email', type: 'email' },
  { key: 'phone', label: 'review.judges.phone', type: 'tel' },
  { key: 'idNumber', label: 'review.judges.idNumber', hint: 'review.judges.idNumberHint' },
  { key: 'cap', label: 'review.judges.cap', hint: 'review.judges.capHint' },
];

/**
 * 邀请评委 / 编辑评委: a judge's profile (what conflicts of interest are found from), the rounds they
 * serve and what they cover (none ticked: all), and their cap. An edit starts from the judge as
 * listed, contacts masked; sent back unchanged, the server keeps them.
 */
export const JudgeForm = ({
  contest,
  initial,
  submitLabel,
  busy,
  error,
  onSubmit,
  onCancel,
  testId,
}: {
  contest: ContestView;
  initial: JudgeFormValues;
  submitLabel: string;
  busy: boolean;
  error: ActionError | null;
  onSubmit: (request: JudgeRequest) => Promise<boolean>;
  onCancel?: () => void;
  testId: string;
}) => {
  const { t, name } = useI18n();
  const [values, setValues] = useState(initial);
  const [capRefused, setCapRefused] = useState(false);
  // What the judge serves, each ticked from its choices in order: none ticked means all.
  const scopes: { key: ScopeKey; legend: MessageKey; choices: { id: string; label: string }[] }[] = [
    { key: 'rounds', legend: 'review.judges.rounds', choices: contest.review.rounds.map((r) => ({ id: r.id, label: name(r) })) },
    {
      key: 'covers',
      legend: 'review.judges.covers',
      choices: coverChoices(contest).map((c) => ({ id: c.id, label: c.isTrack ? t('review.judges.wholeTrack', { track: name(c) }) : name(c) })),
    },
  ];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const request = judgeRequestOf(values);
    setCapRefused(request === null);
    if (request && (await onSubmit(request))) setValues(initial);
  };
  const tick = (key: ScopeKey, order: string[]) => (id: string, on: boolean) => setValues({ ...values, [key]: toggled(values[key], id, on, order) });
  return (
    <form className="judge-form" onSubmit={submit} data-testid={testId}>
      <ActionProblems error={error} />
      <div className="judge-form-grid">
        {textFields.map(({ key, label, type, required, hint }) => (
          <div key={key} className={`field${key === 'cap' && capRefused ? ' has-error' : ''}`}>
            <label htmlFor={`${testId}-${key}`}>
              {t(label)}
              {!required && <span className="optional"> {t('common.optionalParen')}</span>}
            </label>
            {hint && <div className="hint">{t(hint)}</div>}
            {key === 'cap' && capRefused && <p className="field-problems">{t('review.judges.capInvalid')}</p>}
            <input
              id={`${testId}-${key}`}
              name={key}
              type={type ?? 'text'}
              inputMode={key === 'cap' ? 'numeric' : undefined}
              required={required}
              maxLength={key === 'expertise' ? 400 : 100}
              value={values[key]}
              onChange={(e) => setValues({ ...values, [key]: e.target.value })}
              disabled={busy}
            />
          </div>
        ))}
      </div>
      {scopes.map(({ key, legend, choices }) => (
        <fieldset key={key} className="form-section judge-scope">
          <legend>{t(legend)}</legend>
          <p className="hint">{t('review.judges.noneMeansAll')}</p>
          <Checks
            choices={choices}
            chosen={values[key]}
            onTick={tick(
              key,
              choices.map((c) => c.id),
            )}
            group={key}
            disabled={busy}
          />
        </fieldset>
      ))}
      <div className="form-actions">
        <Button type="submit" busy={busy} data-testid={`${testId}-submit`}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
};

const Checks = ({
  choices,
  chosen,
  onTick,
  group,
  disabled,
}: {
  choices: { id: string; label: string }[];
  chosen: string[];
  onTick: (id: string, on: boolean) => void;
  group: string;
  disabled: boolean;
}) => (
  <div className="check-grid">
    {choices.map((choice) => (
      <label key={choice.id} className="check-label">
        <input
          type="checkbox"
          name={group}
          value={choice.id}
          checked={chosen.includes(choice.id)}
          onChange={(e) => onTick(choice.id, e.target.checked)}
          disabled={disabled}
        />
        <span>{choice.label}</span>
      </label>
    ))}
  </div>
);
