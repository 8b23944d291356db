import { Link, useLoaderData, useNavigation, type LoaderFunctionArgs } from 'react-router';
import { contests } from '../../api/index.ts';
import { DemoBadge } from '../../components/Badge.tsx';
import { useI18n } from '../../i18n.ts';
import { withLogin } from '../../lib/guard.ts';
import { ConflictsPanel, loadConflictsPanel } from './ConflictsPanel.tsx';
import { JudgesPanel, loadJudgesPanel } from './JudgesPanel.tsx';
import { loadRoundPanel, RoundPanel } from './RoundPanel.tsx';
import { tabOf, tabSearch, type ReviewTab } from './tabs.ts';
import './review.css';

export const loader = async ({ params, request }: LoaderFunctionArgs) =>
  withLogin(request, async () => {
    const { signal } = request;
    const { contest } = await contests.get(params.id!, signal);
    const tab = tabOf(
      new URL(request.url).searchParams,
      contest.review.rounds.map((r) => r.id),
    );
    const panel =
      tab.kind === 'round'
        ? await loadRoundPanel(contest.id, tab.roundId, signal)
        : tab.kind === 'conflicts'
          ? await loadConflictsPanel(contest.id, signal)
          : await loadJudgesPanel(contest.id, signal);
    return { contest, tab, panel };
  });

/**
 * 评审管理 The review board of a contest, for its organisers: the judges (invitations, the public
 * list, the outbox), the conflicts of interest, and for each round its assignment, the judges'
 * progress, the ranking preview and publishing. Each tab has its own address (?tab=, ?round=).
 */
export const Component = () => {
  const { contest, tab, panel } = useLoaderData<typeof loader>();
  const { t, name } = useI18n();
  const navigation = useNavigation();
  const loading = navigation.state === 'loading' && navigation.location?.pathname === `/organiser/contests/${contest.id}/review`;
  const tabs: { tab: ReviewTab; label: string }[] = [
    { tab: { kind: 'judges' }, label: t('review.tabJudges') },
    { tab: { kind: 'conflicts' }, label: t('review.tabConflicts') },
    ...contest.review.rounds.map((round) => ({ tab: { kind: 'round' as const, roundId: round.id }, label: name(round) })),
  ];
  const isCurrent = (candidate: ReviewTab) => tabSearch(candidate) === tabSearch(tab);
  const round = panel.kind === 'round' ? contest.review.rounds.find((r) => r.id === panel.roundId) : undefined;
  return (
    <div className="review-board" data-testid="review-board">
      <p className="muted small">
        <Link to={`/organiser/contests/${contest.id}`}>{t('organiser.manage')}</Link> › {t('review.kicker')}
      </p>
      <h1>
        {name(contest)} {contest.isDemo && <DemoBadge />}
      </h1>
      <nav className="review-tabs" aria-label={t('review.tabs')}>
        {tabs.map((item) => (
          <Link
            key={tabSearch(item.tab)}
            to={tabSearch(item.tab)}
            className={isCurrent(item.tab) ? 'review-tab is-current' : 'review-tab'}
            aria-current={isCurrent(item.tab) ? 'page' : undefined}
            data-testid={item.tab.kind === 'round' ? `tab-round-${item.tab.roundId}` : `tab-${item.tab.kind}`}
          >
            {item.label}
          </Link>
        ))}
        {loading && <span className="muted small">{t('common.loading')}</span>}
      </nav>
      <div aria-busy={loading} className={loading ? 'is-loading' : undefined}>
        {panel.kind === 'judges' && <JudgesPanel contest={contest} judges={panel.judges} outbox={panel.outbox} />}
        {panel.kind === 'conflicts' && <ConflictsPanel conflicts={panel.conflicts} />}
        {panel.kind === 'round' && round && <RoundPanel key={round.id} contest={contest} round={round} data={panel} />}
      </div>
    </div>
  );
};
