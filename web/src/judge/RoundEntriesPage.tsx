import { useState } from 'react';
import { Link, useLoaderData, useLocation, type LoaderFunctionArgs } from 'react-router';
import { contests } from '../api/index.ts';
import { judging, type AssignedEntry } from '../api/judging.ts';
import { Notice } from '../components/Problems.tsx';
import { useI18n } from '../i18n.ts';
import { withLogin } from '../lib/guard.ts';
import type { JudgeNotice } from './JudgeContestPage.tsx';
import { Progress } from './Progress.tsx';
import { entriesToShow, entryStatus, statusCounts, type StatusFilter } from './status.ts';
import { BlindBadge, StatusChip } from './StatusChip.tsx';
import './judge.css';

export const loader = async ({ params, request }: LoaderFunctionArgs) =>
  withLogin(request, async () => {
    const [{ contest }, reply] = await Promise.all([contests.get(params.id!, request.signal), judging.round(params.id!, params.roundId!, request.signal)]);
    return { contest, ...reply };
  });

const filters: StatusFilter[] = ['all', 'none', 'draft', 'submitted'];

const EntryRow = ({ entry, to }: { entry: AssignedEntry; to: string }) => {
  const { t } = useI18n();
  return (
    <li>
      <Link className="judge-entry" to={to} data-testid="assigned-entry" data-ref={entry.ref}>
        <span className="judge-entry-main">
          <span className="ref small">{entry.ref}</span>
          <strong className="judge-entry-title">{entry.title}</strong>
          <span className="small muted">{entry.divisionName}</span>
          {entry.names && entry.names.length > 0 && <span className="small muted">{entry.names.join('、')}</span>}
        </span>
        <span className="judge-entry-side">
          <StatusChip status={entryStatus(entry.score)} />
          {entry.score?.total !== null && entry.score?.total !== undefined && (
            <span className="small" aria-label={t('judge.total')}>
              {entry.score.total}
            </span>
          )}
        </span>
      </Link>
    </li>
  );
};

/** 评审作品: the entries assigned to the judge in one round, what is left to score first. */
export const Component = () => {
  const { contest, round, entries, progress } = useLoaderData<typeof loader>();
  const { t, name } = useI18n();
  const state = (useLocation().state ?? {}) as JudgeNotice;
  const [filter, setFilter] = useState<StatusFilter>('all');
  const counts = statusCounts(entries);
  const shown = entriesToShow(entries, filter);
  const base = `/judge/contests/${encodeURIComponent(contest.id)}/rounds/${encodeURIComponent(round.id)}`;
  return (
    <div className="narrow judge-page">
      <p className="small">
        <Link to={`/judge/contests/${encodeURIComponent(contest.id)}`}>← {t('judge.contest.back')}</Link>
      </p>
      <h1>
        {name(round)} {round.blind && <BlindBadge />}
      </h1>
      {state.notice === 'conflict' && <Notice testId="conflict-declared">{t('judge.conflict.declared', { ref: state.ref ?? '' })}</Notice>}
      {!round.open && <Notice tone="info">{t('judge.round.notOpen')}</Notice>}
      <Progress submitted={progress.submitted} total={progress.total} testId="round-progress" />
      <div className="segmented" role="group" aria-label={t('judge.filter')}>
        {filters.map((f) => (
          <button key={f} type="button" aria-pressed={filter === f} onClick={() => setFilter(f)} data-testid={`filter-${f}`}>
            {f === 'all' ? t('judge.filter.all') : t(`judge.status.${f}`)} <span className="count">{counts[f]}</span>
          </button>
        ))}
      </div>
      {shown.length === 0 ? (
        <p className="empty">{t('judge.entries.empty')}</p>
      ) : (
        <ul className="judge-entries" data-testid="assigned-entries">
          {shown.map((entry) => (
            <EntryRow key={entry.id} entry={entry} to={`${base}/entries/${encodeURIComponent(entry.id)}`} />
          ))}
        </ul>
      )}
    </div>
  );
};
