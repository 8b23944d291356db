import { Link, useLoaderData, useNavigation, type LoaderFunctionArgs } from 'react-router';
import { contests } from '../../api/index.ts';
import { heldVotes, voting, type HeldVotesFilter, type Tallies } from '../../api/voting.ts';
import { DemoBadge } from '../../components/Badge.tsx';
import { Notice } from '../../components/Problems.tsx';
import { useI18n } from '../../i18n.ts';
import { withLogin } from '../../lib/guard.ts';
import { settle } from '../review/loaded.ts';
import { showcasePath } from '../../voting/load.ts';
import { HeldVotesSection } from './HeldVotesSection.tsx';
import { TimelineSection } from './TimelineSection.tsx';
import { askedOf, votingPath } from './view.ts';
import '../review/review.css';
import './voting.css';

export const loader = async ({ params, request }: LoaderFunctionArgs) =>
  withLogin(request, async () => {
    const { signal } = request;
    const [{ contest }, { phases }] = await Promise.all([contests.get(params.id!, signal), voting.phases(params.id!, signal)]);
    const asked = askedOf(new URL(request.url).searchParams, phases);
    if (!asked) return { contest, phases, asked, held: undefined, timeline: undefined, tallies: undefined };
    const filter: HeldVotesFilter = { reason: asked.reason, entry: asked.entry };
    const [held, timeline, tallies] = await Promise.all([
      settle(heldVotes.list(contest.id, asked.phase, filter, signal)),
      settle(heldVotes.timeline(contest.id, asked.phase, { entry: asked.entry, bucket: asked.bucket }, signal)),
      settle(voting.tallies(contest.id, asked.phase, signal)),
    ]);
    return { contest, phases, asked, held, timeline, tallies };
  });

/** The entries most voted for first, counted and held together. */
const byVotes = (tallies: Tallies) =>
  [...tallies.entries].sort((a, b) => b.counted + (b.held ?? 0) - (a.counted + (a.held ?? 0)) || a.ref.localeCompare(b.ref));

/**
 * 投票管理 A contest's votes, for its organisers: for each vote phase (a tab each), the votes held
 * apart with why, decided one by one or in bulk, and the votes over time, counted against held, for
 * the whole vote or one entry (a tap on an entry among the held votes shows its own).
 */
export const Component = () => {
  const { contest, phases, asked, held, timeline, tallies } = useLoaderData<typeof loader>();
  const { t, name, pick } = useI18n();
  const navigation = useNavigation();
  const loading = navigation.state === 'loading' && navigation.location?.pathname === `/organiser/contests/${contest.id}/voting`;
  return (
    <div className="review-board" data-testid="voting-board">
      <p className="muted small">
        <Link to={`/organiser/contests/${contest.id}`}>{t('organiser.manage')}</Link> › {t('voting.kicker')}
      </p>
      <h1>
        {name(contest)} {contest.isDemo && <DemoBadge />}
      </h1>
      {!asked ? (
        <p className="empty">{t('voting.none')}</p>
      ) : (
        <>
          <nav className="review-tabs" aria-label={t('voting.phases')}>
            {phases.map((phase) => (
              <Link
                key={phase.id}
                to={votingPath(contest.id, { phase: phase.id })}
                className={phase.id === asked.phase ? 'review-tab is-current' : 'review-tab'}
                aria-current={phase.id === asked.phase ? 'page' : undefined}
                data-testid={`tab-vote-${phase.id}`}
              >
                {name(phase)}
              </Link>
            ))}
            {loading && <span className="muted small">{t('common.loading')}</span>}
          </nav>
          <p className="small">
            <Link to={showcasePath(contest.id, asked.phase)}>{t('voting.showcase')} →</Link>
          </p>
          <div aria-busy={loading} className={loading ? 'is-loading' : undefined}>
            {held && !held.ok && <Notice tone="error">{pick(held.error)}</Notice>}
            {held?.ok && (
              <HeldVotesSection
                where={{ contestId: contest.id, phaseId: asked.phase }}
                held={held.value}
                filter={{ reason: asked.reason, entry: asked.entry }}
                filterPath={(filter) => votingPath(contest.id, { phase: asked.phase, bucket: asked.bucket, ...filter })}
                timeZone={contest.timeZone}
              />
            )}
            {timeline && !timeline.ok && <Notice tone="error">{pick(timeline.error)}</Notice>}
            {timeline?.ok && <TimelineSection contest={contest} asked={asked} entries={tallies?.ok ? byVotes(tallies.value) : []} timeline={timeline.value} />}
          </div>
        </>
      )}
    </div>
  );
};
