import { Link, useLoaderData, useNavigate, type LoaderFunctionArgs } from 'react-router';
import { contests, registrations } from '../api/index.ts';
import { Notice } from '../components/Problems.tsx';
import { useI18n } from '../i18n.ts';
import { withLogin } from '../lib/guard.ts';
import { RegistrationForm } from './form/RegistrationForm.tsx';
import { inputFromRegistration } from './registration-form.ts';

export const loader = async ({ params, request }: LoaderFunctionArgs) =>
  withLogin(request, async () => {
    const { registration } = await registrations.get(params.id!, request.signal);
    const { contest } = await contests.get(registration.contestId, request.signal);
    return { registration, contest };
  });

/** Editing a registration until the deadline: the same form, prefilled, sent with PUT. */
export const Component = () => {
  const { registration, contest } = useLoaderData<typeof loader>();
  const { t, name } = useI18n();
  const navigate = useNavigate();
  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to="/me">← {t('nav.myRegistrations')}</Link>
      </p>
      <h1>{t('edit.title')}</h1>
      <p className="lead">
        {name(contest)} · <span className="ref">{registration.ref}</span>
      </p>
      {!registration.editable ? (
        <Notice tone="error">{t('edit.notEditable')}</Notice>
      ) : (
        <RegistrationForm
          contest={contest}
          initial={inputFromRegistration(registration)}
          submitLabel={t('edit.submit')}
          liveCheck={{ editing: registration.id }}
          onSubmit={async (input) => {
            const { registration: saved } = await registrations.update(registration.id, input);
            navigate('/me', { state: { notice: 'updated', ref: saved.ref, title: saved.title } });
          }}
        />
      )}
    </div>
  );
};
