import type { ContestView, Eligibility, PhaseView, SubView, TopicView, TrackView, Works } from '../../api/types.ts';
import { useI18n } from '../../i18n.ts';
import { EligibilityBlock } from './EligibilityBlock.tsx';
import { ruleLayout, saysAnything, type RuleLayout } from './shared-rules.ts';
import { WorksBlock } from './WorksBlock.tsx';

const Topic = ({ topic }: { topic: TopicView }) => {
  const { t, name } = useI18n();
  const closed = topic.registration === 'closed';
  return (
    <li className={`topic${closed ? ' is-closed' : ''}`} data-testid={`topic-${topic.id}`}>
      <span>{name(topic)}</span>
      {topic.openChallenge && <span className="badge badge-warn">{t('topic.openChallenge')}</span>}
      {topic.company && <span className="muted small"> · {t('topic.company', { company: topic.company })}</span>}
      {closed && (
        <span className="badge badge-closed" title={topic.closedReason}>
          {t('topic.closed')}
        </span>
      )}
      {closed && topic.closedReason && <div className="muted small">{topic.closedReason}</div>}
    </li>
  );
};

/** A place's own rules and works: what is left once those shown above every track are taken out. */
const OwnRules = ({
  eligibility,
  works,
  layout,
  phases,
  testId,
}: {
  eligibility: Eligibility;
  works?: Works;
  layout: RuleLayout;
  phases: PhaseView[];
  testId: string;
}) => {
  const own = layout.own(eligibility);
  const ownWorks = layout.ownWorks(works);
  return (
    <>
      {saysAnything(own) && <EligibilityBlock eligibility={own} testId={testId} />}
      {ownWorks && <WorksBlock works={ownWorks} phases={phases} />}
    </>
  );
};

const Subdivision = ({ sub, kind, phases, layout }: { sub: SubView; kind: 'group' | 'category'; phases: PhaseView[]; layout: RuleLayout }) => {
  const { t, name } = useI18n();
  return (
    <section className="subdivision" data-testid={`${kind}-${sub.id}`}>
      <h3>
        {name(sub)} <span className="muted small">{t(kind === 'group' ? 'contest.group' : 'contest.category')}</span>
      </h3>
      {sub.description && <p>{sub.description}</p>}
      {sub.quote && (
        <blockquote className="quote" lang="zh-CN">
          {sub.quote}
        </blockquote>
      )}
      <OwnRules eligibility={sub.eligibility} works={sub.works} layout={layout} phases={phases} testId={`eligibility-${sub.id}`} />
      {sub.entrySchool === 'leader' && <p className="muted small">{t('contest.entrySchoolLeader')}</p>}
    </section>
  );
};

const Track = ({ track, phases, layout }: { track: TrackView; phases: PhaseView[]; layout: RuleLayout }) => {
  const { t, name } = useI18n();
  const subs = track.groups.length > 0 ? track.groups : track.categories;
  const kind = track.groups.length > 0 ? 'group' : 'category';
  return (
    <section className="track card" data-testid={`track-${track.id}`}>
      <h3 className="track-name">{name(track)}</h3>
      {track.description && <p>{track.description}</p>}
      {track.quote && (
        <blockquote className="quote" lang="zh-CN">
          {track.quote}
        </blockquote>
      )}
      {(track.topics.length > 0 || track.openChallenges) && (
        <div className="topics">
          <h4>
            {t('contest.topics')}
            {track.topicCountAsPublished && track.topicCountAsPublished > track.topics.length && (
              <span className="muted small"> {t('topic.countAsPublished', { n: track.topicCountAsPublished })}</span>
            )}
          </h4>
          {track.topicRequired && <p className="muted small">{t('topic.required')}</p>}
          {track.openChallenges && <p className="muted small">{t('topic.openChallengesNote')}</p>}
          <ul className="topic-list">
            {track.topics.map((topic) => (
              <Topic key={topic.id} topic={topic} />
            ))}
          </ul>
        </div>
      )}
      {subs.length === 0 ? (
        <OwnRules eligibility={track.eligibility} works={track.works} layout={layout} phases={phases} testId={`eligibility-${track.id}`} />
      ) : (
        layout.ownWorks(track.works) && <WorksBlock works={track.works!} phases={phases} />
      )}
      {subs.map((sub) => (
        <Subdivision key={sub.id} sub={sub} kind={kind} phases={phases} layout={layout} />
      ))}
    </section>
  );
};

export const TracksSection = ({ contest }: { contest: ContestView }) => {
  const { t, name } = useI18n();
  const layout = ruleLayout(contest);
  return (
    <section id="tracks" className="section">
      <h2>{t('contest.tracks')}</h2>
      {layout.shared && (
        <div className="card shared-rules" data-testid="shared-rules">
          <h3>{t('contest.everyTrack')}</h3>
          <EligibilityBlock eligibility={layout.shared.eligibility} testId="eligibility-every-track" />
          {layout.shared.works && <WorksBlock works={layout.shared.works} phases={contest.phases} />}
        </div>
      )}
      {contest.tracks.map((track) => (
        <Track key={track.id} track={track} phases={contest.phases} layout={layout} />
      ))}
      {contest.zones.length > 0 && (
        <div className="zones card">
          <h3>{t('contest.zones')}</h3>
          {contest.zoneRequired && <p className="muted small">{t('zone.required')}</p>}
          <ul className="zone-list">
            {contest.zones.map((zone) => (
              <li key={zone.id}>
                {name(zone)}
                {zone.coordinator && <span className="muted small"> · {zone.coordinator}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
};
