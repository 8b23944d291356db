import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { ApiError, contests, review } from '../api/index.ts';
import { useI18n } from '../i18n.ts';
import { AwardsSection } from './contest/AwardsSection.tsx';
import { CommitteesSection } from './contest/CommitteesSection.tsx';
import { ContestHeader } from './contest/ContestHeader.tsx';
import { InfoSection } from './contest/InfoSection.tsx';
import { JudgesSection } from './contest/JudgesSection.tsx';
import { ReviewSection } from './contest/ReviewSection.tsx';
import { ScheduleSection } from './contest/ScheduleSection.tsx';
import { SupportSection } from './contest/SupportSection.tsx';
import { TracksSection } from './contest/TracksSection.tsx';
import { VoteLinks } from '../voting/VoteLinks.tsx';

/**
 * The published judges, or null while the organiser has not published them (404). A list the server
 * fails to give is left out too: the contest's own page matters more than this part of it.
 */
const publishedJudges = (id: string, signal: AbortSignal) =>
  review.publicJudges(id, signal).then(
    (reply) => reply.judges,
    (error: unknown) => {
      if (error instanceof ApiError) return null;
      throw error;
    },
  );

export const loader = async ({ params, request }: LoaderFunctionArgs) => {
  const [{ contest }, judges] = await Promise.all([contests.get(params.id!, request.signal), publishedJudges(params.id!, request.signal)]);
  return { contest, judges };
};

/** A contest as a participant reads it: what, who may enter, what to hand in, when, how judged, what is won. */
export const Component = () => {
  const { contest, judges } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <article className="contest-page" data-testid="contest-page">
      <ContestHeader contest={contest} />
      <VoteLinks contest={contest} />
      <nav className="toc" aria-label={t('contest.contents')}>
        <a href="#tracks">{t('contest.tracks')}</a>
        <a href="#schedule">{t('contest.schedule')}</a>
        {contest.review.rounds.length > 0 && <a href="#review">{t('contest.review')}</a>}
        {contest.awards.groups.length > 0 && <a href="#awards">{t('contest.awards')}</a>}
        {contest.support && <a href="#support">{t('contest.support')}</a>}
        {contest.committees.length > 0 && <a href="#committees">{t('contest.committees')}</a>}
        {judges && judges.length > 0 && <a href="#judges">{t('contest.judges')}</a>}
        <a href="#info">{t('contest.info')}</a>
      </nav>
      <TracksSection contest={contest} />
      <ScheduleSection contest={contest} />
      <ReviewSection contest={contest} />
      <AwardsSection contest={contest} />
      <SupportSection contest={contest} />
      <CommitteesSection contest={contest} />
      <JudgesSection judges={judges} />
      <InfoSection contest={contest} />
    </article>
  );
};
