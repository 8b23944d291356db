import { Link, useLoaderData, useLocation, type LoaderFunctionArgs } from 'react-router';
import { contests } from '../api/index.ts';
import { judging, type JudgingRoundSummary } from '../api/judging.ts';
import { Badge } from '../components/Badge.tsx';
import { Notice } from '../components/Problems.tsx';
import { WindowText } from '../components/WindowText.tsx';
import { useI18n } from '../i18n.ts';
import { withLogin } from '../lib/guard.ts';
import { Progress } from './Progress.tsx';
import { BlindBadge } from './StatusChip.tsx';
import './judge.css';

export const loader = async ({ params, request }: LoaderFunctionArgs) =>
  withLogin(request, async () => {
    const [{ contest }, { rounds }] = await Promise.all([contests.get(params.id!, request.signal), judging.rounds(params.id!, request.signal)]);
    return { contest, rounds };
  });

/** What the judge's pages may say on arrival here. */
export interface JudgeNotice {
  notice?: 'welcome' | 'conflict';
  ref?: string;
}

const RoundCard = ({ contestId, round, timeZone }: { contestId: string; round: JudgingRoundSummary; timeZone: string }) => {
  const { t, name } = useI18n();
  return (
    <li className="card" data-testid="judging-round" data-round={round.id}>
      <div className="card-badges">
        <Badge tone={round.state === 'open' ? 'open' : 'closed'}>{t(`judge.state.${round.state}`)}</Badge>
        <Badge>{t(`judge.mode.${round.mode}`)}</Badge>
        {round.blind && <BlindBadge />}
      </div>
      <h2 className="card-title">{name(round)}</h2>
      <p className="small muted">
        {t('judge.round.window')}: <WindowText start={round.window.start} end={round.window.end} timeZone={timeZone} />
      </p>
      <Progress submitted={round.submitted} total={round.assigned} />
      {round.assigned > 0 && (
        <div className="card-actions">
          <Link className="btn btn-primary" to={`/judge/contests/${encodeURIComponent(contestId)}/rounds/${encodeURIComponent(round.id)}`}>
            {t('judge.round.open')}
          </Link>
        </div>
      )}
    </li>
  );
};

/** 评审任务: the rounds the judge serves in one contest, each with its progress; the profile beside. */
export const Component = () => {
  const { contest, rounds } = useLoaderData<typeof loader>();
  const { t, name } = useI18n();
  const state = (useLocation().state ?? {}) as JudgeNotice;
  return (
    <div className="narrow judge-page">
      <p className="small muted">{name(contest)}</p>
      <h1>{t('judge.contest.title')}</h1>
      {state.notice === 'welcome' && <Notice testId="judge-welcome">{t('judge.invitation.welcome')}</Notice>}
      {state.notice === 'conflict' && <Notice testId="conflict-declared">{t('judge.conflict.declared', { ref: state.ref ?? '' })}</Notice>}
      <h2>{t('judge.contest.rounds')}</h2>
      {rounds.length === 0 ? (
        <p className="empty">{t('judge.contest.none')}</p>
      ) : (
        <ul className="judge-list" data-testid="judging-rounds">
          {rounds.map((round) => (
            <RoundCard key={round.id} contestId={contest.id} round={round} timeZone={contest.timeZone} />
          ))}
        </ul>
      )}
      <p>
        <Link to={`/judge/contests/${encodeURIComponent(contest.id)}/profile`} data-testid="judge-profile-link">
          {t('judge.contest.profile')} →
        </Link>
      </p>
    </div>
  );
};
