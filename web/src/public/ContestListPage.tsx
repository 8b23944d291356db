import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { contests } from '../api/index.ts';
import type { ContestSummary } from '../api/types.ts';
import { DemoBadge, StageBadge } from '../components/Badge.tsx';
import { useI18n } from '../i18n.ts';
import { WindowText } from '../components/WindowText.tsx';
import { formatCny } from '../lib/format.ts';
import { managesContest, useSession } from '../session.ts';
import { byOpenThenLatest } from './order.ts';

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { contests: list } = await contests.list(request.signal);
  return { contests: [...list].sort(byOpenThenLatest) };
};

/** `previous`: the edition this one was copied from, named and linked (never its id). */
const ContestCard = ({ contest, previous }: { contest: ContestSummary; previous?: ContestSummary }) => {
  const { t, name, lang } = useI18n();
  const { account } = useSession();
  const hosts = contest.organisers.filter((o) => o.role === 'host');
  const shown = hosts.length > 0 ? hosts : contest.organisers.slice(0, 1);
  return (
    <li className="card contest-card" data-testid={`contest-card-${contest.id}`}>
      <div className="card-badges">
        <StageBadge stage={contest.registration.stage} />
        <span className="badge badge-neutral">{t(`format.${contest.format}`)}</span>
        {contest.isDemo && <DemoBadge />}
      </div>
      <h2 className="card-title">
        <Link to={`/contests/${contest.id}`}>{name(contest)}</Link>
      </h2>
      {contest.theme && <p className="muted">{contest.theme}</p>}
      <dl className="facts">
        <div>
          <dt>{t('organiserRole.host')}</dt>
          <dd>{shown.map((o) => name(o)).join(lang === 'zh' ? '、' : ', ')}</dd>
        </div>
        <div>
          <dt>{t('contest.registrationWindow')}</dt>
          <dd>
            <WindowText start={contest.registration.start} end={contest.registration.end} timeZone={contest.timeZone} />
          </dd>
        </div>
        {contest.prizePoolCny > 0 && (
          <div>
            <dt>{t('contest.prizePool')}</dt>
            <dd className="money">{formatCny(contest.prizePoolCny)}</dd>
          </div>
        )}
        <div>
          <dt>{t('contest.tracks')}</dt>
          <dd>{t('contest.trackCount', { tracks: contest.trackCount, divisions: contest.divisionCount })}</dd>
        </div>
      </dl>
      {contest.phasesNow.length > 0 && (
        <p className="now">
          {t('contest.now')}
          {contest.phasesNow.map((p) => name(p)).join(' · ')}
        </p>
      )}
      {previous && (
        <p className="muted small" data-testid="edition-note">
          {t('contest.newEditionOf')}
          <Link to={`/contests/${previous.id}`}>{name(previous)}</Link>
        </p>
      )}
      <div className="card-actions">
        <Link className="btn btn-primary" to={`/contests/${contest.id}`}>
          {t('contest.view')}
        </Link>
        {managesContest(account, contest.id) && (
          <Link className="btn btn-secondary" to={`/organiser/contests/${contest.id}`} data-testid={`manage-${contest.id}`}>
            {t('organiser.manage')}
          </Link>
        )}
      </div>
    </li>
  );
};

export const Component = () => {
  const { contests: list } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <section className="hero">
        <h1>{t('list.title')}</h1>
        <p className="lead">{t('list.lead')}</p>
      </section>
      {list.length === 0 ? (
        <p className="empty">{t('list.empty')}</p>
      ) : (
        <ul className="card-grid" data-testid="contest-list">
          {list.map((c) => (
            <ContestCard key={c.id} contest={c} previous={list.find((p) => p.id === c.editionOf)} />
          ))}
        </ul>
      )}
    </>
  );
};
