import { organisationTypes, type EligibilityRuleView, type OrganisationType } from '../../api/types.ts';
import { Button } from '../../components/Button.tsx';
import { FieldProblems } from '../../components/Problems.tsx';
import { useI18n } from '../../i18n.ts';
import { emptyOrganisation } from '../registration-form.ts';
import { fieldId, useForm } from './form-context.ts';
import { CheckboxField, SelectField, TextField } from './fields.tsx';
import { RuleHints } from './PeopleSection.tsx';

/** The organisations of an organisation entry: one lead (牵头单位) and its partners. */
export const OrganisationsSection = ({ rules, allowedTypes }: { rules: EligibilityRuleView[]; allowedTypes?: OrganisationType[] }) => {
  const { t } = useI18n();
  const form = useForm();
  const rows = form.input.organisations;
  const types = allowedTypes && allowedTypes.length > 0 ? allowedTypes : organisationTypes;
  const setLead = (index: number) => {
    form.touch(`organisations.${index}.isLead`);
    form.change(
      'organisations',
      rows.map((o, i) => ({ ...o, isLead: i === index })),
    );
  };
  const remove = (index: number) => {
    const left = rows.filter((_, i) => i !== index);
    if (left.length > 0 && !left.some((o) => o.isLead)) left[0] = { ...left[0], isLead: true };
    form.change('organisations', left);
  };
  return (
    <fieldset className="form-section" data-testid="organisations-section">
      <legend>{t('form.organisations')}</legend>
      <RuleHints rules={rules} />
      <FieldProblems problems={form.problemsAt('organisations')} />
      {rows.map((org, i) => {
        const leadId = fieldId(`organisations.${i}.isLead`);
        return (
          <div key={i} className="person-row" data-testid={`organisations-row-${i}`}>
            <div className="row-head">
              <h3>{org.isLead ? t('organisation.lead') : t('organisation.partner')}</h3>
              {rows.length > 1 && (
                <Button variant="link" onClick={() => remove(i)} disabled={form.disabled}>
                  {t('common.remove')}
                </Button>
              )}
            </div>
            <FieldProblems problems={form.problemsAt(`organisations.${i}`)} />
            <div className="person-grid">
              <TextField name={`organisations.${i}.name`} label={t('organisation.name')} />
              <SelectField
                name={`organisations.${i}.type`}
                label={t('organisation.type')}
                options={types.map((type) => ({ value: type, label: t(`organisationType.${type}`) }))}
              />
              <TextField name={`organisations.${i}.creditCode`} label={t('organisation.creditCode')} hint={t('organisation.creditCodeHint')} />
              <CheckboxField name={`organisations.${i}.hasLegalEntity`} label={t('organisation.hasLegalEntity')} />
              <div className="field check">
                <FieldProblems problems={form.problemsAt(`organisations.${i}.isLead`)} />
                <label htmlFor={leadId} className="check-label">
                  <input
                    id={leadId}
                    type="radio"
                    name={`organisations.${i}.isLead`}
                    checked={org.isLead}
                    disabled={form.disabled}
                    onChange={() => setLead(i)}
                  />
                  <span>{t('organisation.isLead')}</span>
                </label>
              </div>
            </div>
          </div>
        );
      })}
      <Button
        variant="secondary"
        onClick={() => form.change('organisations', [...rows, emptyOrganisation(rows.length === 0)])}
        disabled={form.disabled}
        data-testid="organisations-add"
      >
        + {t('organisation.add')}
      </Button>
    </fieldset>
  );
};
