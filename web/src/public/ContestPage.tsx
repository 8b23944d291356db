import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { contests } from '../api/index.ts';
import { useI18n } from '../i18n.ts';
import { AwardsSection } from './contest/AwardsSection.tsx';
import { CommitteesSection } from './contest/CommitteesSection.tsx';
import { ContestHeader } from './contest/ContestHeader.tsx';
import { InfoSection } from './contest/InfoSection.tsx';
import { ReviewSection } from './contest/ReviewSection.tsx';
import { ScheduleSection } from './contest/ScheduleSection.tsx';
import { SupportSection } from './contest/SupportSection.tsx';
import { TracksSection } from './contest/TracksSection.tsx';

export const loader = async ({ params, request }: LoaderFunctionArgs) => contests.get(params.id!, request.signal);

/** A contest as a participant reads it: what, who may enter, what to hand in, when, how judged, what is won. */
export const Component = () => {
  const { contest } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <article className="contest-page" data-testid="contest-page">
      <ContestHeader contest={contest} />
      <nav className="toc" aria-label={t('contest.contents')}>
        <a href="#tracks">{t('contest.tracks')}</a>
        <a href="#schedule">{t('contest.schedule')}</a>
        {contest.review.rounds.length > 0 && <a href="#review">{t('contest.review')}</a>}
        {contest.awards.groups.length > 0 && <a href="#awards">{t('contest.awards')}</a>}
        {contest.support && <a href="#support">{t('contest.support')}</a>}
        {contest.committees.length > 0 && <a href="#committees">{t('contest.committees')}</a>}
        <a href="#info">{t('contest.info')}</a>
      </nav>
      <TracksSection contest={contest} />
      <ScheduleSection contest={contest} />
      <ReviewSection contest={contest} />
      <AwardsSection contest={contest} />
      <SupportSection contest={contest} />
      <CommitteesSection contest={contest} />
      <InfoSection contest={contest} />
    </article>
  );
};
