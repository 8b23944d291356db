import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api/index.ts';
import type { Account, Problem } from '../api/types.ts';
import { Button } from '../components/Button.tsx';
import { ErrorSummary, FieldProblems } from '../components/Problems.tsx';
import { useI18n } from '../i18n.ts';
import { fieldName } from '../lib/paths.ts';

export interface AuthField {
  name: 'email' | 'password' | 'displayName';
  label: string;
  type: 'email' | 'password' | 'text';
  autoComplete: string;
  hint?: string;
}

/** The sign-in and sign-up form: a few fields, one submit, the server's problems beside the fields. */
export const AuthForm = ({
  fields,
  submitLabel,
  submit,
  footer,
  testId,
}: {
  fields: AuthField[];
  submitLabel: string;
  submit: (values: Record<string, string>) => Promise<Account>;
  footer: ReactNode;
  testId: string;
}) => {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblems([]);
    try {
      await submit(values);
    } catch (error) {
      if (error instanceof ApiError) {
        setProblems(error.problems.length > 0 ? error.problems : [{ code: error.code, message: error.messages }]);
      } else {
        setProblems([{ code: 'unexpected', message: { zh: t('error.unexpected'), en: t('error.unexpected') } }]);
      }
      setBusy(false);
    }
  };
  const at = (name: string) => problems.filter((p) => p.path && fieldName(p.path) === name);
  const top = problems.filter((p) => !p.path || !fields.some((f) => f.name === fieldName(p.path!)));
  return (
    <form className="auth-form card" onSubmit={onSubmit} noValidate data-testid={testId}>
      <ErrorSummary problems={top} />
      {fields.map((f) => (
        <div key={f.name} className={`field${at(f.name).length ? ' has-error' : ''}`}>
          <label htmlFor={`auth-${f.name}`}>{f.label}</label>
          {f.hint && <div className="hint">{f.hint}</div>}
          <FieldProblems problems={at(f.name)} />
          <input
            id={`auth-${f.name}`}
            name={f.name}
            type={f.type}
            autoComplete={f.autoComplete}
            value={values[f.name] ?? ''}
            disabled={busy}
            onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
          />
        </div>
      ))}
      <div className="form-actions">
        <Button type="submit" busy={busy} data-testid={`${testId}-submit`}>
          {submitLabel}
        </Button>
      </div>
      <div className="auth-footer">{footer}</div>
    </form>
  );
};
