import { useEffect, useState } from 'react';
import { results, type RoundResult } from '../api/judging.ts';
import { Badge } from '../components/Badge.tsx';
import { useI18n } from '../i18n.ts';
import { formatCny, formatStamp } from '../lib/format.ts';
import './round-results.css';

/** The rounds whose results are published, in the order the server lists them. */
export const publishedRounds = (rounds: readonly RoundResult[]) => rounds.filter((r) => r.published);

const ResultLine = ({ result }: { result: RoundResult }) => {
  const { t, name, lang } = useI18n();
  return (
    <li className="round-result" data-testid="round-result" data-round={result.roundId}>
      <strong>{name(result)}</strong>
      {result.rank !== null && (
        <span data-testid="result-rank">
          {t('results.rank', { rank: result.rank })}
          {result.tied && ` (${t('results.tied')})`}
        </span>
      )}
      {result.score !== null && <span data-testid="result-score">{t('results.score', { score: result.score })}</span>}
      <Badge tone={result.advances ? 'open' : 'closed'} testId="result-advances">
        {t(result.advances ? 'results.advances' : 'results.notAdvancing')}
      </Badge>
      {result.awards.map((award) => (
        <Badge key={award.tier} tone="demo" testId="result-award">
          {award.name}
          {award.prizeCny > 0 && ` ${formatCny(award.prizeCny)}`}
        </Badge>
      ))}
      {result.publishedAt && <span className="small muted">{t('results.publishedAt', { at: formatStamp(result.publishedAt, lang) })}</span>}
    </li>
  );
};

/**
 * 评审结果 on a registration's card: the entry's rank, score, whether it advances and its awards in
 * each published round. Nothing shows before a round is published, nor when the results cannot be
 * read (the card's other parts do not wait for them).
 */
export const RoundResults = ({ registrationId }: { registrationId: string }) => {
  const { t } = useI18n();
  const [rounds, setRounds] = useState<RoundResult[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    results
      .ofRegistration(registrationId, controller.signal)
      .then((reply) => setRounds(publishedRounds(reply.rounds)))
      .catch(() => setRounds([]));
    return () => controller.abort();
  }, [registrationId]);
  if (rounds.length === 0) return null;
  return (
    <section className="round-results" aria-label={t('results.title')} data-testid="round-results">
      <h3>{t('results.title')}</h3>
      <ul>
        {rounds.map((result) => (
          <ResultLine key={result.roundId} result={result} />
        ))}
      </ul>
    </section>
  );
};
