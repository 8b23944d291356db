import { Link, useNavigate, useSearchParams } from 'react-router';
import { auth } from '../api/index.ts';
import { useI18n } from '../i18n.ts';
import { safeNext, useSession } from '../session.ts';
import { homeOf } from '../organiser/landing.ts';
import { AuthForm } from './AuthForm.tsx';

export const Component = () => {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const asked = params.get('next');
  const next = safeNext(asked, '/me');
  const { setAccount } = useSession();
  const navigate = useNavigate();
  return (
    <div className="narrow auth-page">
      <h1>{t('login.title')}</h1>
      <AuthForm
        testId="login-form"
        fields={[
          { name: 'email', label: t('auth.email'), type: 'email', autoComplete: 'email' },
          { name: 'password', label: t('auth.password'), type: 'password', autoComplete: 'current-password' },
        ]}
        submitLabel={t('login.submit')}
        submit={async (values) => {
          const { account } = await auth.login({ email: values.email ?? '', password: values.password ?? '' });
          setAccount(account);
          // A page that sent the reader here comes first; otherwise organisers land on their contests.
          navigate(asked ? next : homeOf(account), { replace: true });
          return account;
        }}
        footer={
          <p>
            {t('login.noAccount')} <Link to={`/signup?next=${encodeURIComponent(next)}`}>{t('signup.title')}</Link>
          </p>
        }
      />
    </div>
  );
};
