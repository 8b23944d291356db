import { Link, useLoaderData, useLocation, type LoaderFunctionArgs } from 'react-router';
import { registrations } from '../api/index.ts';
import { Notice } from '../components/Problems.tsx';
import { useI18n } from '../i18n.ts';
import { withLogin } from '../lib/guard.ts';
import { InvitationCodeForm } from './InvitationCodeForm.tsx';
import { RegistrationCard } from './RegistrationCard.tsx';

export const loader = async ({ request }: LoaderFunctionArgs) => withLogin(request, () => registrations.mine(request.signal));

interface ArrivalNotice {
  notice?: 'registered' | 'updated' | 'joined';
  id?: string;
  ref?: string;
  title?: string;
}

/** 我的报名: every registration the account leads or belongs to, with what can be done to each. */
export const Component = () => {
  const { registrations: list } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const state = (useLocation().state ?? {}) as ArrivalNotice;
  return (
    <>
      <h1>{t('me.title')}</h1>
      {state.notice && (
        <Notice testId="success-notice">
          {t(`me.notice.${state.notice}`, { ref: state.ref ?? '', title: state.title ?? '' })}
          {state.notice === 'registered' && state.id && (
            <>
              {' '}
              <Link to={`/registrations/${state.id}/works`} data-testid="notice-works-link">
                {t('me.notice.submitWorks')} →
              </Link>
            </>
          )}
        </Notice>
      )}
      {list.length === 0 ? (
        <div className="empty">
          <p>{t('me.empty')}</p>
          <Link className="btn btn-primary" to="/">
            {t('me.browse')}
          </Link>
        </div>
      ) : (
        <ul className="registration-list" data-testid="my-registrations">
          {list.map((r) => (
            <RegistrationCard key={r.id} registration={r} />
          ))}
        </ul>
      )}
      <InvitationCodeForm />
    </>
  );
};
