import { useState } from 'react';
import { Link, useLoaderData, useNavigate, type LoaderFunctionArgs } from 'react-router';
import { ApiError, auth } from '../api/index.ts';
import { judging } from '../api/judging.ts';
import { Badge } from '../components/Badge.tsx';
import { Button } from '../components/Button.tsx';
import { Notice } from '../components/Problems.tsx';
import { useI18n } from '../i18n.ts';
import { formatStamp } from '../lib/format.ts';
import { loginPath, useSession } from '../session.ts';

export const loader = async ({ params, request }: LoaderFunctionArgs) => {
  const [invitation, { account }] = await Promise.all([judging.invitation(params.code!, request.signal), auth.me(request.signal)]);
  return { invitation, contest: invitation.contest, account, code: params.code! };
};

/**
 * 评审邀请: the single-use link an organiser sent. Signed in, the judge accepts it (the account gets
 * the contest's judge role); otherwise sign-in and sign-up both come back here.
 */
export const Component = () => {
  const { invitation, account, code } = useLoaderData<typeof loader>();
  const { t, lang, pick } = useI18n();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const here = `/judge-invitations/${encodeURIComponent(code)}`;
  const open = invitation.status === 'open';

  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      const { contestId } = await judging.accept(code);
      // The session's roles now include the judge role: the header's 评审 link reads them.
      await refresh();
      navigate(`/judge/contests/${encodeURIComponent(contestId)}`, { state: { notice: 'welcome' } });
    } catch (e) {
      setError(e instanceof ApiError ? pick(e.messages) : t('error.unexpected'));
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <h1>{t('judge.invitation.title')}</h1>
      <div className="card" data-testid="judge-invitation">
        <p>{t('judge.invitation.lead', { contest: invitation.contest.name, name: invitation.judge.name })}</p>
        <dl className="facts">
          <div>
            <dt>{t('judge.invitation.contest')}</dt>
            <dd>
              <Link to={`/contests/${encodeURIComponent(invitation.contest.id)}`}>{invitation.contest.name}</Link>
            </dd>
          </div>
          <div>
            <dt>{t('judge.invitation.judge')}</dt>
            <dd data-testid="invitation-judge">{invitation.judge.name}</dd>
          </div>
          <div>
            <dt>{t('judge.invitation.status')}</dt>
            <dd>
              <Badge tone={open ? 'open' : 'closed'} testId="invitation-status">
                {t(`judge.invitation.status.${invitation.status}`)}
              </Badge>
            </dd>
          </div>
        </dl>
        {open && invitation.expiresAt && <p className="muted small">{t('judge.invitation.expires', { at: formatStamp(invitation.expiresAt, lang) })}</p>}
        {error && <Notice tone="error">{error}</Notice>}
        {open && account && (
          <div className="card-actions">
            <Button busy={busy} onClick={accept} data-testid="accept-judge-invitation">
              {t('judge.invitation.accept')}
            </Button>
          </div>
        )}
        {open && !account && (
          <>
            <p>{t('judge.invitation.signInFirst')}</p>
            <div className="card-actions">
              <Link className="btn btn-primary" to={loginPath(here)} data-testid="invitation-login">
                {t('judge.invitation.signIn')}
              </Link>
              <Link className="btn btn-secondary" to={`/signup?next=${encodeURIComponent(here)}`} data-testid="invitation-signup">
                {t('judge.invitation.signUp')}
              </Link>
            </div>
          </>
        )}
        {invitation.status === 'accepted' && (
          <p>
            {t('judge.invitation.accepted')}{' '}
            {account && <Link to={`/judge/contests/${encodeURIComponent(invitation.contest.id)}`}>{t('judge.home.open')} →</Link>}
          </p>
        )}
        {(invitation.status === 'expired' || invitation.status === 'revoked') && <p>{t('judge.invitation.gone')}</p>}
      </div>
    </div>
  );
};
