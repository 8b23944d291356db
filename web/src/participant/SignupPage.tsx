import { Link, useNavigate, useSearchParams } from 'react-router';
import { auth } from '../api/index.ts';
import { useI18n } from '../i18n.ts';
import { safeNext, useSession } from '../session.ts';
import { AuthForm } from './AuthForm.tsx';

export const Component = () => {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'), '/');
  const { setAccount } = useSession();
  const navigate = useNavigate();
  return (
    <div className="narrow auth-page">
      <h1>{t('signup.title')}</h1>
      <AuthForm
        testId="signup-form"
        fields={[
          { name: 'displayName', label: t('auth.displayName'), type: 'text', autoComplete: 'name' },
          { name: 'email', label: t('auth.email'), type: 'email', autoComplete: 'email' },
          { name: 'password', label: t('auth.password'), type: 'password', autoComplete: 'new-password', hint: t('auth.passwordHint') },
        ]}
        submitLabel={t('signup.submit')}
        submit={async (values) => {
          const { account } = await auth.register({
            displayName: values.displayName ?? '',
            email: values.email ?? '',
            password: values.password ?? '',
          });
          setAccount(account);
          navigate(next, { replace: true });
          return account;
        }}
        footer={
          <p>
            {t('signup.haveAccount')} <Link to={`/login?next=${encodeURIComponent(next)}`}>{t('login.title')}</Link>
          </p>
        }
      />
    </div>
  );
};
