import { organisationTypes } from '../../api/types.ts';
import { useI18n } from '../../i18n.ts';
import type { Layout } from '../registration-form.ts';
import { CheckboxField, SelectField, TextField } from './fields.tsx';

/** The fields of one person at a path (`leader`, `members.0`): name, contact, identity, and what the rules ask. */
export const PersonFields = ({ prefix, layout }: { prefix: string; layout: Layout['person'] }) => {
  const { t } = useI18n();
  const at = (key: string) => `${prefix}.${key}`;
  return (
    <div className="person-grid">
      <TextField name={at('name')} label={t('person.name')} autoComplete={prefix === 'leader' ? 'name' : 'off'} />
      <TextField name={at('phone')} label={t('person.phone')} type="tel" inputMode="tel" autoComplete={prefix === 'leader' ? 'tel' : 'off'} />
      <TextField name={at('email')} label={t('person.email')} type="email" inputMode="email" autoComplete={prefix === 'leader' ? 'email' : 'off'} />
      <TextField name={at('idNumber')} label={t('person.idNumber')} hint={t('person.idNumberHint')} autoComplete="off" />
      {layout.student && (
        <>
          <TextField name={at('school')} label={t('person.school')} />
          <CheckboxField name={at('isFullTimeStudent')} label={t('person.isFullTimeStudent')} />
        </>
      )}
      <TextField name={at('employer')} label={t('person.employer')} optional={layout.student ? t('common.optionalParen') : undefined} />
      {layout.employerType && (
        <SelectField
          name={at('employerType')}
          label={t('person.employerType')}
          placeholder={t('form.choose')}
          options={organisationTypes.map((type) => ({ value: type, label: t(`organisationType.${type}`) }))}
        />
      )}
      {layout.experience && <TextField name={at('experienceYears')} label={t('person.experienceYears')} type="number" inputMode="decimal" />}
    </div>
  );
};
