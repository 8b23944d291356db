import { useEffect, useState } from 'react';
import { ApiError, works } from '../../api/index.ts';
import type { CheckProblem, FieldItem, WorksView } from '../../api/types.ts';
import { Button } from '../../components/Button.tsx';
import { useI18n } from '../../i18n.ts';
import { countCharacters } from '../../lib/chars.ts';
import { fieldRules } from '../../lib/works.ts';
import { CheckProblems } from './FileProblems.tsx';
import { StageLine } from './StageLine.tsx';
import { StatusBadge } from './StatusBadge.tsx';

/** A text or link field of the works: typed here, counted in 字 as the server counts, saved with PUT. */
export const FieldRequirementItem = ({
  item,
  registrationId,
  timeZone,
  editable,
  onSaved,
}: {
  item: FieldItem;
  registrationId: string;
  timeZone: string;
  /** Who may change the entry, while this requirement's stage is open. */
  editable: boolean;
  onSaved: (works: WorksView) => void;
}) => {
  const { t, lang } = useI18n();
  const { requirement } = item;
  const saved = item.value ?? '';
  const [value, setValue] = useState(saved);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<CheckProblem[] | null>(null);
  const [justSaved, setJustSaved] = useState(false);
  useEffect(() => setValue(saved), [saved]);

  const id = `field-${requirement.id}`;
  const count = countCharacters(value);
  const over = requirement.maxChars !== undefined && count > requirement.maxChars;
  const under = requirement.minChars !== undefined && count > 0 && count < requirement.minChars;
  const changed = value.trim() !== saved.trim();

  const save = async () => {
    setBusy(true);
    setRefusal(null);
    setJustSaved(false);
    try {
      const reply = await works.setField(registrationId, requirement.id, value);
      setJustSaved(true);
      onSaved(reply.works);
    } catch (e) {
      setRefusal(
        e instanceof ApiError
          ? e.problems.length > 0
            ? e.problems
            : [{ code: e.code, message: e.messages }]
          : [{ code: 'unexpected', message: { zh: t('error.unexpected'), en: t('error.unexpected') } }],
      );
    } finally {
      setBusy(false);
    }
  };

  const problems = refusal ?? (changed ? [] : item.problems.map((p) => (item.status === 'missing' ? { ...p, severity: 'warning' as const } : p)));
  const counter = requirement.maxChars ? t('field.count', { n: count, max: requirement.maxChars }) : t('field.countOnly', { n: count });
  const common = {
    id,
    name: requirement.id,
    value,
    readOnly: !editable,
    'aria-invalid': over || refusal ? true : undefined,
    'aria-describedby': `${id}-count`,
    'data-testid': id,
    onChange: (e: { currentTarget: { value: string } }) => {
      setValue(e.currentTarget.value);
      setJustSaved(false);
    },
  };
  return (
    <li className={`card works-item item-${item.status}`} data-testid={`works-item-${requirement.id}`} data-status={item.status}>
      <div className="works-item-head">
        <h2>
          <label htmlFor={id}>{requirement.name}</label>
          {!requirement.required && <span className="optional"> {t('common.optionalParen')}</span>}
        </h2>
        <StatusBadge status={item.status} />
      </div>
      <StageLine stage={item.stage} timeZone={timeZone} />
      <p className="works-rules">
        {fieldRules(requirement, lang).map((rule) => (
          <span key={rule}>{rule}</span>
        ))}
      </p>
      {requirement.quote && (
        <blockquote className="quote" lang="zh-CN">
          {requirement.quote}
        </blockquote>
      )}
      <div className={`field works-field${over || refusal ? ' has-error' : ''}`}>
        {requirement.type === 'url' ? (
          <input type="url" inputMode="url" autoComplete="url" placeholder="https://" {...common} />
        ) : (
          <textarea rows={requirement.maxChars && requirement.maxChars <= 30 ? 2 : 5} {...common} />
        )}
        <div className="field-foot">
          <span
            id={`${id}-count`}
            className={`char-count${over ? ' is-over' : under ? ' is-under' : ''}`}
            data-testid={`field-count-${requirement.id}`}
            aria-live="polite"
          >
            {counter}
          </span>
          {editable && (
            <span className="muted small" data-testid={`field-state-${requirement.id}`}>
              {changed ? t('field.unsaved') : justSaved ? t('field.saved') : ''}
            </span>
          )}
        </div>
        <CheckProblems problems={problems} testId={`field-problems-${requirement.id}`} />
      </div>
      {editable && (
        <Button busy={busy} disabled={!changed} onClick={save} data-testid={`field-save-${requirement.id}`}>
          {t('field.save')}
        </Button>
      )}
    </li>
  );
};
