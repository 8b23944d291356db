import { useMemo, useState, type FormEvent } from 'react';
import { useLoaderData, useNavigate, type LoaderFunctionArgs } from 'react-router';
import { ApiError, invitations } from '../api/index.ts';
import type { PersonInput, Problem } from '../api/types.ts';
import { Button } from '../components/Button.tsx';
import { ErrorSummary } from '../components/Problems.tsx';
import { useI18n } from '../i18n.ts';
import { formatStamp } from '../lib/format.ts';
import { requireAccount } from '../lib/guard.ts';
import { placeProblems, setIn, topKey } from '../lib/paths.ts';
import { FormContext, type FormState } from './form/form-context.ts';
import { PersonFields } from './form/PersonFields.tsx';
import { emptyPerson } from './registration-form.ts';

export const loader = async ({ params, request }: LoaderFunctionArgs) => {
  const account = await requireAccount(request);
  const { invitation } = await invitations.get(params.code!, request.signal);
  return { invitation, account };
};

const personFields = ['name', 'phone', 'email', 'idNumber', 'school', 'isFullTimeStudent', 'employer'];
const known = new Set(['person', ...personFields.map((f) => `person.${f}`)]);

/** 加入团队: an invited member or advisor sees the team and fills in their own details. */
export const Component = () => {
  const { invitation, account } = useLoaderData<typeof loader>();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  // A bound invitation names its person: the form starts with that name, the rest is the invitee's own.
  const [values, setValues] = useState<{ person: PersonInput }>({
    person: { ...emptyPerson(), name: invitation.for ?? account.displayName, email: account.email },
  });
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const placed = useMemo(() => placeProblems(problems, known), [problems]);
  const r = invitation.registration;

  const form: FormState<unknown> = {
    input: values,
    change: (name, value) => setValues((current) => setIn(current, name, value)),
    touch: () => {},
    problemsAt: (name) => placed.get(name),
    disabled: busy,
  };

  const accept = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const person = Object.fromEntries(Object.entries(values.person).filter(([, v]) => v !== '' && v !== undefined)) as unknown as PersonInput;
      const { registration } = await invitations.accept(invitation.code, person);
      navigate('/me', { state: { notice: 'joined', ref: registration.ref, title: registration.title } });
    } catch (error) {
      setProblems(
        error instanceof ApiError
          ? error.problems.length > 0
            ? error.problems
            : [{ code: error.code, message: error.messages }]
          : [{ code: 'unexpected', message: { zh: t('error.unexpected'), en: t('error.unexpected') } }],
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <h1>{t(invitation.role === 'member' ? 'join.titleMember' : 'join.titleAdvisor')}</h1>
      <div className="card" data-testid="join-team">
        {r.title && <h2 className="card-title">{r.title}</h2>}
        <dl className="facts">
          <div>
            <dt>{t('join.contest')}</dt>
            <dd>{r.contestName}</dd>
          </div>
          <div>
            <dt>{t('form.track')}</dt>
            <dd>{r.trackName}</dd>
          </div>
          {r.leaderName && (
            <div>
              <dt>{t('form.leader')}</dt>
              <dd>{r.leaderName}</dd>
            </div>
          )}
          {r.ref && (
            <div>
              <dt>{t('join.ref')}</dt>
              <dd className="ref">{r.ref}</dd>
            </div>
          )}
          {invitation.for && (
            <div>
              <dt>{t('join.for')}</dt>
              <dd data-testid="join-for">{invitation.for}</dd>
            </div>
          )}
        </dl>
        <p className="muted small">{t('invite.expires', { at: formatStamp(invitation.expiresAt, lang) })}</p>
      </div>
      <FormContext.Provider value={form}>
        <form onSubmit={accept} noValidate className="registration-form" data-testid="join-form">
          <ErrorSummary problems={placed.get(topKey) ?? []} />
          <fieldset className="form-section">
            <legend>{t('join.yourDetails')}</legend>
            <PersonFields prefix="person" layout={{ student: true, experience: false, employerType: false }} />
          </fieldset>
          <div className="form-actions">
            <Button type="submit" busy={busy} busyText={t('form.submitting')} data-testid="join-accept">
              {t('join.accept')}
            </Button>
          </div>
        </form>
      </FormContext.Provider>
    </div>
  );
};
