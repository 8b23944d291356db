import { Fragment, useEffect, useState } from 'react';
import { ApiError, contests, works } from '../api/index.ts';
import type { ContestView, DivisionView, DuplicateSide, OriginalityPair, OriginalityReply } from '../api/types.ts';
import { Badge } from '../components/Badge.tsx';
import { Notice } from '../components/Problems.tsx';
import { useI18n } from '../i18n.ts';
import { WindowText } from '../components/WindowText.tsx';
import { OriginalityProgress } from './OriginalityProgress.tsx';
import { divisionsWithWorks, similarityPercent, stagesOfWorks, worksOfDivision } from './works.ts';

const Side = ({ side, kind }: { side: DuplicateSide; kind: OriginalityPair['kind'] }) => (
  <div className="duplicate-side" data-testid="originality-side">
    <p className="duplicate-entry">
      <span className="ref">{side.ref}</span> <strong>{side.title}</strong>
    </p>
    <p className="muted small">
      {side.what}
      {side.fileName && ` · ${side.fileName}`}
    </p>
    {kind === 'image' && side.fileId && (
      <a href={works.contentUrl(side.fileId)} className="thumb-link">
        <img className="thumb" src={works.contentUrl(side.fileId)} alt={side.fileName ?? side.what} loading="lazy" />
      </a>
    )}
    {side.text && <blockquote className="excerpt">{side.text}</blockquote>}
    {kind === 'text' && !side.text && side.fileId && (
      <a href={works.contentUrl(side.fileId)} className="small">
        {side.fileName}
      </a>
    )}
  </div>
);

/** 原创性检查: near-duplicate works, most similar first, both entries side by side. */
const Originality = ({ contestId }: { contestId: string }) => {
  const { t, pick } = useI18n();
  const [pairs, setPairs] = useState<OriginalityPair[] | null>(null);
  const [outdated, setOutdated] = useState<OriginalityReply['outdatedFingerprints']>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    contests
      .originality(contestId, controller.signal)
      .then((reply) => {
        setPairs(reply.pairs);
        setOutdated(reply.outdatedFingerprints);
      })
      .catch((e) => {
        if ((e as Error).name !== 'AbortError') setError(e instanceof ApiError ? pick(e.messages) : t('error.unexpected'));
      });
    return () => controller.abort();
  }, [contestId]);
  return (
    <div className="originality" data-testid="originality">
      <h3>{t('originality.title')}</h3>
      <p className="muted small">{t('originality.explain')}</p>
      {error && <Notice tone="error">{error}</Notice>}
      {outdated && (
        <Notice tone="info" testId="originality-outdated">
          {pick(outdated.message)}
        </Notice>
      )}
      {!error && pairs === null && <OriginalityProgress contestId={contestId} />}
      {pairs?.length === 0 && (
        <p className="muted" data-testid="originality-none">
          {t('originality.none')}
        </p>
      )}
      {pairs && pairs.length > 0 && (
        <ul className="duplicate-list">
          {pairs.map((pair, i) => (
            <li key={`${pair.a.ref}-${pair.b.ref}-${i}`} className="card duplicate-pair" data-testid="originality-pair" data-kind={pair.kind}>
              <div className="duplicate-head">
                <Badge tone="info">{t(`originality.${pair.kind}`)}</Badge>
                <strong className="similarity num">{t('originality.similarity', { percent: similarityPercent(pair.similarity) })}</strong>
              </div>
              <div className="duplicate-sides">
                <Side side={pair.a} kind={pair.kind} />
                <Side side={pair.b} kind={pair.kind} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};

/** Where works differ by stage: each stage of a division with its window and requirements, and its own zip. */
const DivisionStages = ({ contest, division }: { contest: ContestView; division: DivisionView }) => {
  const { t, name } = useI18n();
  return stagesOfWorks(contest, worksOfDivision(contest, division)!).map(({ phase, requirements }) => (
    <li key={phase?.id ?? ''} className="download-stage" data-testid="division-stage">
      <span>
        <strong>{phase ? t('works.stage', { phase: name(phase) }) : t('organiser.unstaged')}</strong>
        {phase && (
          <>
            {' · '}
            <WindowText start={phase.start} end={phase.end} timeZone={contest.timeZone} />
          </>
        )}
        <br />
        <span className="muted small">{requirements.join(' · ')}</span>
      </span>
      {phase && (
        <a
          className="btn btn-secondary"
          href={`${contests.worksZipUrl(contest.id, division.id)}&stage=${encodeURIComponent(phase.id)}`}
          download
          data-testid={`download-stage-${division.id}-${phase.id}`}
        >
          {t('organiser.downloadStage')}
        </a>
      )}
    </li>
  ));
};

/** The organiser's works: a zip per division (named by the template, with a manifest), per stage where works differ by stage, and the originality report. */
export const WorksSection = ({ contest }: { contest: ContestView }) => {
  const { t, name } = useI18n();
  const divisions = divisionsWithWorks(contest);
  if (divisions.length === 0) return null;
  return (
    <section className="section works-section" data-testid="organiser-works">
      <h2>{t('organiser.works')}</h2>
      <p className="muted small">{t('organiser.worksExplain')}</p>
      <ul className="download-list">
        {divisions.map((d) => (
          <Fragment key={d.id}>
            <li>
              <span>{name(d)}</span>
              <a className="btn btn-secondary" href={contests.worksZipUrl(contest.id, d.id)} download data-testid={`download-division-${d.id}`}>
                {t('organiser.downloadZip')}
              </a>
            </li>
            <DivisionStages contest={contest} division={d} />
          </Fragment>
        ))}
      </ul>
      <Originality contestId={contest.id} />
    </section>
  );
};
