import { Link, useLoaderData, useNavigate, type LoaderFunctionArgs } from 'react-router';
import { contests, registrations } from '../api/index.ts';
import { DemoBadge } from '../components/Badge.tsx';
import { Notice } from '../components/Problems.tsx';
import { useI18n } from '../i18n.ts';
import { requireAccount } from '../lib/guard.ts';
import { RegistrationForm } from './form/RegistrationForm.tsx';
import { emptyInput } from './registration-form.ts';

export const loader = async ({ params, request }: LoaderFunctionArgs) => {
  await requireAccount(request);
  return contests.get(params.id!, request.signal);
};

/** 报名: a new registration, then on to 我的报名 with a notice. */
export const Component = () => {
  const { contest } = useLoaderData<typeof loader>();
  const { t, name } = useI18n();
  const navigate = useNavigate();
  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to={`/contests/${contest.id}`}>← {name(contest)}</Link>
      </p>
      <h1>
        {t('register.title')} {contest.isDemo && <DemoBadge />}
      </h1>
      <p className="lead">{name(contest)}</p>
      {!contest.registrationOpen && <Notice tone="error">{t('register.closed')}</Notice>}
      <RegistrationForm
        contest={contest}
        initial={emptyInput(contest)}
        submitLabel={t('register.submit')}
        liveCheck
        onSubmit={async (input) => {
          const { registration } = await registrations.create(contest.id, input);
          navigate('/me', { state: { notice: 'registered', id: registration.id, ref: registration.ref, title: registration.title } });
        }}
      />
    </div>
  );
};
