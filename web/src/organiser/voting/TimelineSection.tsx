import { Link } from 'react-router';
import type { ContestView } from '../../api/types.ts';
import type { Timeline } from '../../api/voting.ts';
import { useI18n } from '../../i18n.ts';
import { votingPath, type VotingView } from './view.ts';
import { VotesChart } from './VotesChart.tsx';

/** 投票走势 The chart of the phase's votes over time, for all entries or the one filtered on, by the minute or the hour. */
export const TimelineSection = ({
  contest,
  asked,
  entry,
  timeline,
}: {
  contest: ContestView;
  asked: VotingView;
  /** The entry filtered on, where the page knows its reference and title. */
  entry?: { ref: string; title: string };
  timeline: Timeline;
}) => {
  const { t } = useI18n();
  return (
    <section className="section" data-testid="timeline">
      <h2>{t('voting.chart.title')}</h2>
      <p className="muted small">{t('voting.chart.explain')}</p>
      <div className="held-filter">
        <span className="small">{t('voting.chart.entry')}</span>
        <Link to={votingPath(contest.id, { ...asked, entry: undefined })} className={asked.entry ? 'chip' : 'chip is-current'} data-testid="chart-all-entries">
          {t('voting.chart.allEntries')}
        </Link>
        {asked.entry && (
          <span className="chip is-current" data-testid="chart-entry">
            {entry ? `${entry.ref} ${entry.title}` : asked.entry}
          </span>
        )}
        <span className="small">{t('voting.chart.bucket')}</span>
        {(['hour', 'minute'] as const).map((bucket) => (
          <Link
            key={bucket}
            to={votingPath(contest.id, { ...asked, bucket })}
            className={asked.bucket === bucket ? 'chip is-current' : 'chip'}
            data-testid={`chart-${bucket}`}
          >
            {t(`voting.chart.${bucket}`)}
          </Link>
        ))}
      </div>
      <VotesChart timeline={timeline} timeZone={contest.timeZone} />
    </section>
  );
};
