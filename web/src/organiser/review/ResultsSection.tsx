import type { ContestView, ResultsPreview, ReviewRoundView, RoundPublication } from '../../api/types.ts';
import { Notice } from '../../components/Problems.tsx';
import { Table } from '../../components/Table.tsx';
import { useI18n } from '../../i18n.ts';
import { formatStamp } from '../../lib/format.ts';
import type { Loaded } from './loaded.ts';
import { PublishControls } from './PublishControls.tsx';
import { RankingTable } from './RankingTable.tsx';
import { problemsOf } from './ranking.ts';
import type { RoundState } from './RoundPanel.tsx';
import { VoteCountsForm } from './VoteCountsForm.tsx';

/**
 * 排名预览 Ranking preview: each division's ranking from the submitted scores (drafts never count)
 * and the imported votes, with what the engine could not decide; then closing the round, publishing
 * (frozen, hashed, audited; a later publication is a correction with a reason), and every publication.
 */
export const ResultsSection = ({
  contest,
  round,
  state,
  preview,
  publications,
}: {
  contest: ContestView;
  round: ReviewRoundView;
  state: RoundState;
  preview: Loaded<ResultsPreview>;
  publications: Loaded<RoundPublication[]>;
}) => {
  const { t, name, pick } = useI18n();
  // A round names its vote phase when votes count in it, by weight or for an award by votes.
  const countsVotes = round.publicVotePhase !== undefined;
  const divisionName = (id: string) => name(contest.divisions.find((d) => d.id === id)) || id;
  const published = publications.ok ? publications.value : [];
  return (
    <section className="section" data-testid="results-section">
      <h2>{t('review.ranking.title')}</h2>
      <p className="muted small">{t('review.ranking.explain')}</p>
      {round.publicVotePhase && state !== 'published' && <VoteCountsForm contest={contest} phaseId={round.publicVotePhase} />}
      {!preview.ok && <Notice tone="error">{pick(preview.error)}</Notice>}
      {preview.ok && preview.value.waitingFor && (
        <Notice tone="info" testId="ranking-waiting">
          {t('review.ranking.waitingFor', { round: name(contest.review.rounds.find((r) => r.id === preview.value.waitingFor)) || preview.value.waitingFor })}
        </Notice>
      )}
      {preview.ok && !preview.value.waitingFor && (
        <>
          <EngineNotes preview={preview.value} />
          {preview.value.results.divisions.map((division) => (
            <div key={division.id} className="ranking-division">
              <h3>{divisionName(division.id)}</h3>
              <RankingTable
                contest={contest}
                division={division}
                contestAwards={preview.value.results.contestAwards.filter((a) => a.division === division.id)}
                labels={preview.value.entries}
                countsVotes={countsVotes}
              />
              <ProblemList problems={problemsOf(preview.value.results, division.id).map((p) => pick(p.message))} />
            </div>
          ))}
        </>
      )}
      {!(preview.ok && preview.value.waitingFor) && <PublishControls contestId={contest.id} round={round} state={state} />}
      {!publications.ok && <Notice tone="error">{pick(publications.error)}</Notice>}
      {published.length > 0 && <Publications contest={contest} publications={published} />}
    </section>
  );
};

/** What the engine reports for the round as a whole: problems of no one division, and what it leaves to people. */
const EngineNotes = ({ preview }: { preview: ResultsPreview }) => {
  const { t, pick } = useI18n();
  const { results } = preview;
  return (
    <>
      <p className="small" data-testid="ranking-advancing">
        {t('review.ranking.advancing', { n: results.advancing })}
      </p>
      <ProblemList problems={problemsOf(results, null).map((p) => pick(p.message))} />
      {results.notComputed.length > 0 && (
        <ul className="plain small muted">
          {results.notComputed.map((item, i) => (
            <li key={i}>{t(`review.ranking.notComputed.${item.reason}`, { what: item.tier ?? t(`review.ranking.what.${item.what}`) })}</li>
          ))}
        </ul>
      )}
    </>
  );
};

const ProblemList = ({ problems }: { problems: string[] }) =>
  problems.length === 0 ? null : (
    <ul className="field-problems" data-testid="ranking-problems">
      {problems.map((text, i) => (
        <li key={i}>{text}</li>
      ))}
    </ul>
  );

/** 已公布 Publications: every version kept, with its time, hash and (for a correction) reason. */
const Publications = ({ contest, publications }: { contest: ContestView; publications: RoundPublication[] }) => {
  const { t, lang } = useI18n();
  return (
    <>
      <h3>{t('review.publish.publications')}</h3>
      <Table
        className="compact"
        testId="publications-table"
        heads={
          <>
            <th className="num">{t('review.publish.version')}</th>
            <th>{t('review.publish.at')}</th>
            <th>SHA-256</th>
            <th>{t('review.publish.reason')}</th>
          </>
        }
      >
        {publications.map((p) => (
          <tr key={p.version} data-testid="publication-row">
            <td className="num">{p.version}</td>
            <td className="nowrap">{formatStamp(p.publishedAt, lang, contest.timeZone)}</td>
            <td>
              <code className="hash">{p.sha256}</code>
            </td>
            <td>{p.reason ?? '—'}</td>
          </tr>
        ))}
      </Table>
    </>
  );
};
