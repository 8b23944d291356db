import type { JudgedEntry } from '../api/judging.ts';
import { useI18n } from '../i18n.ts';
import type { MessageKey } from '../messages.ts';

/** Who enters, where the round is not blind (the server leaves it out of a blind one). */
export const EntryTeam = ({ team }: { team: NonNullable<JudgedEntry['team']> }) => {
  const { t } = useI18n();
  const rows: [MessageKey, string[]][] = [
    ['form.teamName', team.name ? [team.name] : []],
    ['form.leader', [team.leader]],
    ['form.member', team.members],
    ['form.advisor', team.advisors],
    ['form.organisations', team.organisations],
    ['judge.entry.schools', team.schools],
  ];
  return (
    <section aria-labelledby="team-heading" data-testid="entry-team">
      <h2 id="team-heading">{t('judge.entry.team')}</h2>
      <dl className="facts">
        {rows
          .filter(([, names]) => names.some(Boolean))
          .map(([label, names]) => (
            <div key={label}>
              <dt>{t(label)}</dt>
              <dd>{names.filter(Boolean).join('、')}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
};
