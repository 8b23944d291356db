import { useMemo, useState, type FormEvent } from 'react';
import { judging, type JudgeRecord } from '../api/judging.ts';
import type { Problem } from '../api/types.ts';
import { Button } from '../components/Button.tsx';
import { ErrorSummary, FieldProblems, Notice } from '../components/Problems.tsx';
import { useI18n } from '../i18n.ts';
import type { MessageKey } from '../messages.ts';
import { placeProblems, topKey } from '../lib/paths.ts';
import { expertiseOf, problemsOf } from './problems.ts';

const textFields = [
  ['title', 'judge.profile.titleField'],
  ['organisation', 'judge.profile.organisation'],
  ['employer', 'judge.profile.employer'],
  ['school', 'judge.profile.school'],
] as const satisfies readonly (readonly [keyof JudgeRecord, MessageKey])[];

type TextField = (typeof textFields)[number][0];
const known = new Set<string>([...textFields.map(([field]) => field), 'expertise']);

/** The judge's own profile: what conflicts of interest are found from, and what the public list shows. */
export const ProfileForm = ({ contestId, judge }: { contestId: string; judge: JudgeRecord }) => {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<TextField, string>>({
    title: judge.title,
    organisation: judge.organisation,
    employer: judge.employer,
    school: judge.school,
  });
  const [expertise, setExpertise] = useState(judge.expertise.join('、'));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const placed = useMemo(() => placeProblems(problems, known), [problems]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    setProblems([]);
    try {
      const { judge: updated } = await judging.updateProfile(contestId, judge.id, { ...values, expertise: expertiseOf(expertise) });
      setExpertise(updated.expertise.join('、'));
      setSaved(true);
    } catch (error) {
      setProblems(problemsOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={save} noValidate data-testid="judge-profile">
      <p className="muted small">{t('judge.profile.explain')}</p>
      <ErrorSummary problems={placed.get(topKey) ?? []} />
      <dl className="facts">
        <div>
          <dt>{t('judge.profile.name')}</dt>
          <dd>{judge.name}</dd>
        </div>
      </dl>
      {textFields.map(([field, label]) => (
        <div key={field} className={`field${placed.get(field) ? ' has-error' : ''}`}>
          <label htmlFor={`profile-${field}`}>{t(label)}</label>
          <FieldProblems problems={placed.get(field)} />
          <input id={`profile-${field}`} value={values[field]} onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))} />
        </div>
      ))}
      <div className={`field${placed.get('expertise') ? ' has-error' : ''}`}>
        <label htmlFor="profile-expertise">{t('judge.profile.expertise')}</label>
        <div className="hint">{t('judge.profile.expertiseHint')}</div>
        <FieldProblems problems={placed.get('expertise')} />
        <input id="profile-expertise" value={expertise} onChange={(e) => setExpertise(e.target.value)} />
      </div>
      {saved && <Notice testId="profile-saved">{t('judge.profile.saved')}</Notice>}
      <div className="form-actions">
        <Button type="submit" busy={busy} data-testid="save-profile">
          {t('judge.profile.save')}
        </Button>
      </div>
    </form>
  );
};
