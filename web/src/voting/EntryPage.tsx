import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { voting } from '../api/voting.ts';
import { useI18n } from '../i18n.ts';
import { WorksViewer } from '../judge/WorksViewer.tsx';
import { loadBooth, showcasePath } from './load.ts';
import { useLiveCounts } from './useLiveCounts.ts';
import { VoteBooth } from './VoteBooth.tsx';
import { VoteButton } from './VoteButton.tsx';
import { VoterBar } from './VoterBar.tsx';
import '../judge/judge.css';
import './voting.css';

export const loader = async ({ params, request }: LoaderFunctionArgs) => {
  const [booth, detail] = await Promise.all([
    loadBooth(params.id!, params.phaseId!, request.signal),
    voting.entry(params.id!, params.phaseId!, params.entryId!, request.signal),
  ]);
  return { ...booth, ...detail };
};

/**
 * 作品详情 One work of the showcase: its title, summary and works in the page (pictures, video that
 * plays on an iPhone, PDF), its votes where shown, and the vote button kept at the bottom of a phone's
 * screen.
 */
export const Component = () => {
  const { contest, phase, voter, counts, entry, works } = useLoaderData<typeof loader>();
  const counted = counts?.get(entry.id);
  const { t, name } = useI18n();
  useLiveCounts(phase);
  return (
    <VoteBooth contestId={contest.id} phase={phase} voter={voter}>
      <article className="vote-page vote-entry" data-testid="showcase-detail">
        <p className="small">
          <Link to={showcasePath(contest.id, phase.id, entry.division)}>← {name(phase)}</Link>
        </p>
        <header className="entry-head">
          <p className="small muted">
            <span className="ref">{entry.ref}</span>
          </p>
          <h1 data-testid="entry-title">{entry.title}</h1>
          {counted !== undefined && (
            <p className="vote-count" data-testid="vote-count">
              {t('vote.count', { n: counted })}
            </p>
          )}
        </header>
        <VoterBar division={entry.division} />
        {entry.summary && <p className="judge-text">{entry.summary}</p>}
        <WorksViewer works={works} />
        <div className="vote-dock">
          <VoteButton entry={entry} large />
        </div>
      </article>
    </VoteBooth>
  );
};
