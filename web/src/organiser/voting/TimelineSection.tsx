import { useId } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ContestView } from '../../api/types.ts';
import type { Tallies, Timeline } from '../../api/voting.ts';
import { useI18n } from '../../i18n.ts';
import { pointsOf } from './chart.ts';
import { votingPath, type VotingView } from './view.ts';
import { VotesChart } from './VotesChart.tsx';

/**
 * 投票走势 The chart of the phase's votes over time: all entries added up, or the one chosen (the
 * held votes' entry filter chooses it too); by the hour, or by the minute for one entry.
 */
export const TimelineSection = ({
  contest,
  asked,
  entries,
  timeline,
}: {
  contest: ContestView;
  asked: VotingView;
  /** The phase's entries with their counts, most votes first, to choose one from. */
  entries: Tallies['entries'];
  timeline: Timeline;
}) => {
  const { t } = useI18n();
  const id = useId();
  const navigate = useNavigate();
  return (
    <section className="section" data-testid="timeline">
      <h2>{t('voting.chart.title')}</h2>
      <p className="muted small">{t('voting.chart.explain')}</p>
      <div className="held-filter">
        <label className="small" htmlFor={id}>
          {t('voting.chart.entry')}
        </label>
        <select
          id={id}
          className="chart-entry"
          value={asked.entry ?? ''}
          onChange={(e) => navigate(votingPath(contest.id, { ...asked, entry: e.target.value || undefined }))}
          data-testid="chart-entry"
        >
          <option value="">{t('voting.chart.allEntries')}</option>
          {entries.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {t('voting.chart.entryOption', { ref: entry.ref, title: entry.title, counted: entry.counted, held: entry.held ?? 0 })}
            </option>
          ))}
        </select>
        <span className="small">{t('voting.chart.bucket')}</span>
        {(['hour', 'minute'] as const).map((bucket) =>
          bucket === 'minute' && !asked.entry ? (
            <span key={bucket} className="chip is-disabled" aria-disabled="true">
              {t('voting.chart.minute')}
            </span>
          ) : (
            <Link
              key={bucket}
              to={votingPath(contest.id, { ...asked, bucket })}
              className={asked.bucket === bucket ? 'chip is-current' : 'chip'}
              data-testid={`chart-${bucket}`}
            >
              {t(`voting.chart.${bucket}`)}
            </Link>
          ),
        )}
      </div>
      <VotesChart points={pointsOf(timeline, asked.entry)} bucket={timeline.bucket} timeZone={timeline.timeZone} />
    </section>
  );
};
