import type { ContestView } from '../../api/types.ts';
import { useI18n } from '../../i18n.ts';
import { WindowText } from '../../components/WindowText.tsx';
import { windowState } from '../../lib/format.ts';
import { timeZoneName } from '../../lib/time-zone.ts';

/** The phases as a timeline, in the contest's time zone, the current ones marked. */
export const ScheduleSection = ({ contest }: { contest: ContestView }) => {
  const { t, name, lang } = useI18n();
  const now = new Date();
  return (
    <section id="schedule" className="section">
      <h2>{t('contest.schedule')}</h2>
      <p className="muted small">{t('schedule.timeZone', { zone: timeZoneName(contest.timeZone, lang, now) })}</p>
      <ol className="timeline" data-testid="timeline">
        {contest.phases.map((phase) => {
          const current = contest.phasesNow.includes(phase.id);
          const state = current ? 'current' : windowState(phase.start, phase.end, now) === 'past' ? 'past' : 'upcoming';
          return (
            <li key={phase.id} className={`phase phase-${state}`} data-testid={`phase-${phase.id}`} aria-current={current ? 'step' : undefined}>
              <div className="phase-dot" aria-hidden="true" />
              <div className="phase-body">
                <div className="phase-name">
                  {name(phase)}
                  {current && <span className="badge badge-open">{t('schedule.now')}</span>}
                </div>
                <div className="phase-dates">
                  <WindowText start={phase.start} end={phase.end} timeZone={contest.timeZone} />
                </div>
                {phase.asPublished && <div className="muted small">{t('schedule.asPublished', { text: phase.asPublished })}</div>}
                {phase.unpublished && (
                  <div className="muted small">
                    {t(
                      phase.unpublished.length === 2
                        ? 'schedule.datesUnpublished'
                        : phase.unpublished[0] === 'start'
                          ? 'schedule.startUnpublished'
                          : 'schedule.endUnpublished',
                    )}
                  </div>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
};
