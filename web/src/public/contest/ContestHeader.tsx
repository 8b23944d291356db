import { Link } from 'react-router';
import type { ContestView, OrganiserRole } from '../../api/types.ts';
import { DemoBadge, StageBadge } from '../../components/Badge.tsx';
import { CarriedOverNote } from '../../components/CarriedOverNote.tsx';
import { useI18n } from '../../i18n.ts';
import { formatCny } from '../../lib/format.ts';
import { managesContest, useSession } from '../../session.ts';

const roleOrder: OrganiserRole[] = ['host', 'organiser', 'executor', 'supporter', 'partner', 'funder'];

export const ContestHeader = ({ contest }: { contest: ContestView }) => {
  const { t, name, lang } = useI18n();
  const { account } = useSession();
  const current = contest.phases.filter((p) => contest.phasesNow.includes(p.id));
  const separator = lang === 'zh' ? '、' : '; ';
  return (
    <header className="contest-header">
      <div className="card-badges">
        <StageBadge stage={contest.registration.stage} />
        <span className="badge badge-neutral">{t(`format.${contest.format}`)}</span>
        {contest.free && <span className="badge badge-info">{t('contest.free')}</span>}
        {contest.isDemo && <DemoBadge />}
      </div>
      <h1 data-testid="contest-name">{name(contest)}</h1>
      {lang === 'zh' && contest.nameEn && (
        <p className="subtitle" lang="en">
          {contest.nameEn}
        </p>
      )}
      {contest.theme && (
        <p className="theme">
          <span className="label">{t('contest.theme')}</span>
          {lang === 'en' && contest.themeEn ? contest.themeEn : contest.theme}
        </p>
      )}
      <CarriedOverNote contest={contest} />
      {contest.summary && <p className="summary">{contest.summary}</p>}
      <dl className="organisers">
        {roleOrder.map((role) => {
          const bodies = contest.organisers.filter((o) => o.role === role);
          if (bodies.length === 0) return null;
          return (
            <div key={role}>
              <dt>{t(`organiserRole.${role}`)}</dt>
              <dd>{bodies.map((o) => name(o)).join(separator)}</dd>
            </div>
          );
        })}
      </dl>
      <div className="contest-cta">
        {contest.registrationOpen ? (
          <Link className="btn btn-primary btn-large" to={`/contests/${contest.id}/register`} data-testid="register-button">
            {t('contest.registerNow')}
          </Link>
        ) : (
          <span className="btn btn-secondary btn-large is-disabled" aria-disabled="true" data-testid="register-button-closed">
            {t(`contest.stage.${contest.registration.stage}`)}
          </span>
        )}
        {contest.prizePoolCny > 0 && (
          <span className="pool">
            {t('contest.prizePool')} <strong className="money">{formatCny(contest.prizePoolCny)}</strong>
            {contest.awards.preTax && <span className="badge badge-neutral">{t('awards.preTax')}</span>}
          </span>
        )}
        {managesContest(account, contest.id) && (
          <Link className="btn btn-secondary" to={`/organiser/contests/${contest.id}`} data-testid="organiser-link">
            {t('organiser.manage')}
          </Link>
        )}
      </div>
      {current.length > 0 && (
        <p className="now">
          {t('contest.now')}
          {current.map((p) => name(p)).join(' · ')}
        </p>
      )}
      {contest.editions.current.id !== contest.id && (
        <p className="notice notice-info" data-testid="current-edition">
          <Link to={`/contests/${contest.editions.current.id}`}>{t('contest.currentEdition', { name: name(contest.editions.current) })}</Link>
        </p>
      )}
      {contest.editions.of && (
        <p className="muted small" data-testid="edition-of">
          {t('contest.editionOf')}
          <Link to={`/contests/${contest.editions.of.id}`}>{name(contest.editions.of)}</Link>
        </p>
      )}
      {contest.announcement && (
        <p className="muted small">
          {t('contest.announcement')}
          {contest.announcement.url ? (
            <a href={contest.announcement.url} target="_blank" rel="noreferrer noopener">
              {contest.announcement.title}
            </a>
          ) : (
            contest.announcement.title
          )}
          {contest.announcement.reference && ` (${contest.announcement.reference})`}
          {contest.announcement.publishedOn && ` · ${contest.announcement.publishedOn.slice(0, 10)}`}
        </p>
      )}
    </header>
  );
};
