import type { EligibilityRuleView, PersonInput } from '../../api/types.ts';
import { Button } from '../../components/Button.tsx';
import { FieldProblems } from '../../components/Problems.tsx';
import { useI18n } from '../../i18n.ts';
import { emptyPerson, type Layout } from '../registration-form.ts';
import { useForm } from './form-context.ts';
import { PersonFields } from './PersonFields.tsx';

export const RuleHints = ({ rules }: { rules: EligibilityRuleView[] }) => {
  const { pick } = useI18n();
  if (rules.length === 0) return null;
  return (
    <ul className="rule-hints">
      {rules.map((r) => (
        <li key={r.rule} data-rule={r.rule}>
          {pick(r.text)}
        </li>
      ))}
    </ul>
  );
};

/** Repeatable rows of people (成员 or 指导老师), added and removed by the reader. */
export const PeopleSection = ({
  list,
  title,
  rowLabel,
  addLabel,
  rules,
  summary,
  layout,
}: {
  list: 'members' | 'advisors';
  title: string;
  rowLabel: string;
  addLabel: string;
  rules: EligibilityRuleView[];
  summary?: string;
  layout: Layout['person'];
}) => {
  const { t } = useI18n();
  const form = useForm();
  const rows: PersonInput[] = form.input[list];
  const remove = (index: number) =>
    form.change(
      list,
      rows.filter((_, i) => i !== index),
    );
  return (
    <fieldset className="form-section" data-testid={`${list}-section`}>
      <legend>{title}</legend>
      <RuleHints rules={rules} />
      {summary && (
        <p className="muted small" data-testid={`${list}-summary`}>
          {summary}
        </p>
      )}
      <FieldProblems problems={form.problemsAt(list)} />
      {rows.map((_, i) => (
        <div key={i} className="person-row" data-testid={`${list}-row-${i}`}>
          <div className="row-head">
            <h3>{t('form.rowLabel', { label: rowLabel, n: i + 1 })}</h3>
            <Button variant="link" onClick={() => remove(i)} disabled={form.disabled} data-testid={`${list}-remove-${i}`}>
              {t('common.remove')}
            </Button>
          </div>
          <FieldProblems problems={form.problemsAt(`${list}.${i}`)} />
          <PersonFields prefix={`${list}.${i}`} layout={layout} />
        </div>
      ))}
      <Button variant="secondary" onClick={() => form.change(list, [...rows, emptyPerson()])} disabled={form.disabled} data-testid={`${list}-add`}>
        + {addLabel}
      </Button>
    </fieldset>
  );
};
