import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { voting } from '../api/voting.ts';
import { useI18n } from '../i18n.ts';
import { EntryCard } from './EntryCard.tsx';
import { entryPath, loadBooth, showcasePath } from './load.ts';
import { PhaseHeader } from './PhaseHeader.tsx';
import { currentDivision } from './showcase.ts';
import { useLiveCounts } from './useLiveCounts.ts';
import { VoteBooth } from './VoteBooth.tsx';
import { VoterBar } from './VoterBar.tsx';
import './voting.css';

export const loader = async ({ params, request }: LoaderFunctionArgs) => {
  const asked = new URL(request.url).searchParams.get('division') ?? undefined;
  const [booth, showcase] = await Promise.all([
    loadBooth(params.id!, params.phaseId!, request.signal),
    voting.showcase(params.id!, params.phaseId!, asked, request.signal),
  ]);
  const division = currentDivision(showcase.divisions, asked);
  return { ...booth, showcase, division };
};

/**
 * 作品展示与投票 The works of a vote phase, one division at a time (a tab each), made for a phone
 * opened from a WeChat share: each work's picture and title, its votes where the phase shows them,
 * and the vote button.
 */
export const Component = () => {
  const { contest, phase, voter, counts, showcase, division } = useLoaderData<typeof loader>();
  const { t, name } = useI18n();
  useLiveCounts(phase);
  const entries = showcase.entries.filter((entry) => division === undefined || entry.division === division);
  return (
    <VoteBooth contestId={contest.id} phase={phase} voter={voter}>
      <div className="vote-page" data-testid="showcase">
        <PhaseHeader contest={contest} phase={phase} />
        <VoterBar division={division} />
        {showcase.divisions.length > 1 && (
          <nav className="vote-tabs" aria-label={t('vote.divisions')}>
            {showcase.divisions.map((d) => (
              <Link
                key={d.id}
                to={showcasePath(contest.id, phase.id, d.id)}
                className={d.id === division ? 'vote-tab is-current' : 'vote-tab'}
                aria-current={d.id === division ? 'page' : undefined}
                preventScrollReset
                data-testid={`division-tab-${d.id}`}
              >
                {name(d)}
              </Link>
            ))}
          </nav>
        )}
        {entries.length === 0 ? (
          <p className="empty">{t('vote.noEntries')}</p>
        ) : (
          <ul className="vote-grid" data-testid="showcase-entries">
            {entries.map((entry) => (
              <EntryCard key={entry.id} entry={entry} counted={counts?.get(entry.id)} to={entryPath(contest.id, phase.id, entry.id)} />
            ))}
          </ul>
        )}
      </div>
    </VoteBooth>
  );
};
