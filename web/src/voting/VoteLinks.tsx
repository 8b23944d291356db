import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { ContestView } from '../api/types.ts';
import { voting, type VotePhase } from '../api/voting.ts';
import { Badge } from '../components/Badge.tsx';
import { useI18n } from '../i18n.ts';
import { showcasePath } from './load.ts';

/**
 * 大众投票 on a contest's page: a way into each vote Leitai runs for it, with whether it is open.
 * Asked of the server only for a contest with a public-vote phase; a vote run elsewhere (its
 * counts imported) is not listed by the server, and a failure leaves the section out.
 */
export const VoteLinks = ({ contest }: { contest: ContestView }) => {
  const { t, name } = useI18n();
  const [phases, setPhases] = useState<VotePhase[]>([]);
  const hasVote = contest.phases.some((phase) => phase.kinds.includes('public-vote'));
  useEffect(() => {
    if (!hasVote) return;
    const controller = new AbortController();
    voting.phases(contest.id, controller.signal).then(
      (reply) => setPhases(reply.phases),
      () => setPhases([]),
    );
    return () => controller.abort();
  }, [contest.id, hasVote]);
  if (phases.length === 0) return null;
  return (
    <section className="section vote-links" aria-labelledby="vote-links-heading" data-testid="vote-links">
      <h2 id="vote-links-heading">{t('vote.openings')}</h2>
      <ul className="plain">
        {phases.map((phase) => (
          <li key={phase.id}>
            <Link
              className={phase.open ? 'btn btn-primary' : 'btn btn-secondary'}
              to={showcasePath(contest.id, phase.id)}
              data-testid={`vote-link-${phase.id}`}
            >
              {name(phase)} · {t('vote.open')}
            </Link>{' '}
            {phase.open && <Badge tone="open">{t('vote.state.open')}</Badge>}
          </li>
        ))}
      </ul>
    </section>
  );
};
