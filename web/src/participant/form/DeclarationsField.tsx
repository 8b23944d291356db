import type { Declaration } from '../../api/types.ts';
import { FieldProblems } from '../../components/Problems.tsx';
import { useI18n } from '../../i18n.ts';
import { useForm } from './form-context.ts';

/** The statements the entrant accepts (承诺), each a checkbox with its text. */
export const DeclarationsField = ({ declarations }: { declarations: Declaration[] }) => {
  const { t, lang } = useI18n();
  const form = useForm();
  if (declarations.length === 0) return null;
  const accepted = form.input.declarations;
  const toggle = (id: string, on: boolean) => {
    form.touch('declarations');
    form.change('declarations', on ? [...accepted.filter((d) => d !== id), id] : accepted.filter((d) => d !== id));
  };
  return (
    <fieldset className="form-section">
      <legend>{t('form.declarations')}</legend>
      <FieldProblems problems={form.problemsAt('declarations')} />
      {declarations.map((d) => (
        <div key={d.id} className="field check">
          <label className="check-label declaration">
            <input
              type="checkbox"
              name="declarations"
              value={d.id}
              checked={accepted.includes(d.id)}
              disabled={form.disabled}
              data-testid={`declaration-${d.id}`}
              onChange={(e) => toggle(d.id, e.target.checked)}
            />
            <span>{lang === 'en' && d.textEn ? d.textEn : d.text}</span>
          </label>
        </div>
      ))}
    </fieldset>
  );
};
