import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { contests } from '../api/index.ts';
import { judging } from '../api/judging.ts';
import { useI18n } from '../i18n.ts';
import { withLogin } from '../lib/guard.ts';
import { DeclareEntryConflict } from './DeclareEntryConflict.tsx';
import { EntryTeam } from './EntryTeam.tsx';
import { ScoreSheet } from './ScoreSheet.tsx';
import { neighbours } from './status.ts';
import { BlindBadge } from './StatusChip.tsx';
import { WorksViewer } from './WorksViewer.tsx';
import './judge.css';

export const loader = async ({ params, request }: LoaderFunctionArgs) =>
  withLogin(request, async () => {
    const [{ contest }, { round, entries }, { entry, works, score }] = await Promise.all([
      contests.get(params.id!, request.signal),
      judging.round(params.id!, params.roundId!, request.signal),
      judging.entry(params.id!, params.roundId!, params.entryId!, request.signal),
    ]);
    return { contest, round, entries, entry, works, score };
  });

/**
 * One entry to score, made for a phone: the entry (names hidden in a blind round: the server leaves
 * them out), its works in the page, the rubric with autosave and submit, and the previous and next
 * entries of the list.
 */
export const Component = () => {
  const { contest, round, entries, entry, works, score } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const list = `/judge/contests/${encodeURIComponent(contest.id)}/rounds/${encodeURIComponent(round.id)}`;
  const { previous, next } = neighbours(entries, entry.id);
  const to = (id: string) => `${list}/entries/${encodeURIComponent(id)}`;
  return (
    <div className="narrow judge-page">
      <p className="small">
        <Link to={list}>← {t('judge.entry.back')}</Link>
      </p>
      <header className="entry-head" data-testid="judged-entry">
        <p className="small muted">
          <span className="ref">{entry.ref}</span> · {entry.divisionName}
        </p>
        <h1>
          {entry.title} {round.blind && <BlindBadge />}
        </h1>
        {round.blind && <p className="small muted">{t('judge.entry.blindNote')}</p>}
      </header>
      {entry.team && <EntryTeam team={entry.team} />}
      {entry.summary && (
        <section aria-labelledby="summary-heading">
          <h2 id="summary-heading">{t('judge.entry.summary')}</h2>
          <p className="judge-text">{entry.summary}</p>
        </section>
      )}
      <WorksViewer works={works} />
      <ScoreSheet
        key={entry.id}
        where={{ contestId: contest.id, roundId: round.id, entryId: entry.id }}
        round={round}
        score={score}
        timeZone={contest.timeZone}
      />
      <nav className="entry-nav" aria-label={t('judge.round.title')}>
        {previous ? (
          <Link className="btn btn-secondary" to={to(previous)} data-testid="previous-entry">
            ← {t('judge.entry.previous')}
          </Link>
        ) : (
          <span />
        )}
        {next && (
          <Link className="btn btn-secondary" to={to(next)} data-testid="next-entry">
            {t('judge.entry.next')} →
          </Link>
        )}
      </nav>
      {score?.status !== 'submitted' && <DeclareEntryConflict contestId={contest.id} entry={entry} back={list} />}
    </div>
  );
};
