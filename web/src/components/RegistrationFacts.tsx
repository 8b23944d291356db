import type { RegistrationView } from '../api/types.ts';
import { useI18n } from '../i18n.ts';
import { formatStamp } from '../lib/format.ts';

/**
 * Where an entry competes and who enters it, as the participant's card and the organiser's registration
 * page both show it; `stamp` is the one line that differs (the card shows the last change, the organiser
 * when it was registered).
 */
export const RegistrationFacts = ({ registration: r, stamp }: { registration: RegistrationView; stamp: { label: string; at: string } }) => {
  const { t, name, lang } = useI18n();
  return (
    <dl className="facts">
      <div>
        <dt>{t('registration.division')}</dt>
        <dd data-testid="registration-division">{name(r.division)}</dd>
      </div>
      {r.entrySchool && (
        <div>
          <dt>{t('registration.entrySchool')}</dt>
          <dd data-testid="registration-entry-school">{r.entrySchool}</dd>
        </div>
      )}
      {r.topic && (
        <div>
          <dt>{t('form.topic')}</dt>
          <dd>{name(r.topic)}</dd>
        </div>
      )}
      {r.zone && (
        <div>
          <dt>{t('form.zone')}</dt>
          <dd>{name(r.zone)}</dd>
        </div>
      )}
      {r.teamName && (
        <div>
          <dt>{t('form.teamName')}</dt>
          <dd data-testid="registration-team">{r.teamName}</dd>
        </div>
      )}
      {r.organisations.length > 0 && (
        <div>
          <dt>{t('form.organisations')}</dt>
          <dd>{r.organisations.map((o) => `${o.name}${o.isLead ? ` (${t('organisation.lead')})` : ''}`).join(lang === 'zh' ? '、' : '; ')}</dd>
        </div>
      )}
      <div>
        <dt>{stamp.label}</dt>
        <dd>{formatStamp(stamp.at, lang)}</dd>
      </div>
    </dl>
  );
};
