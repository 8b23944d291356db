import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { contests } from '../api/index.ts';
import { DemoBadge, StageBadge } from '../components/Badge.tsx';
import { useI18n } from '../i18n.ts';
import { requireAccount } from '../lib/guard.ts';
import { byOpenThenLatest } from '../public/order.ts';
import { managedContests } from './landing.ts';

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const account = await requireAccount(request);
  const managed = managedContests(account);
  const { contests: list } = await contests.list(request.signal);
  return { contests: list.filter((c) => managed === 'all' || managed.includes(c.id)).sort(byOpenThenLatest) };
};

/** 我管理的赛事: where an organiser or coordinator lands after signing in, each contest linking to its registrations. */
export const Component = () => {
  const { contests: list } = useLoaderData<typeof loader>();
  const { t, name } = useI18n();
  return (
    <>
      <h1>{t('organiser.myContests')}</h1>
      {list.length === 0 ? (
        <p className="empty">{t('organiser.noContests')}</p>
      ) : (
        <ul className="card-grid" data-testid="managed-contests">
          {list.map((contest) => (
            <li key={contest.id} className="card contest-card" data-testid={`managed-contest-${contest.id}`}>
              <div className="card-badges">
                <StageBadge stage={contest.registration.stage} />
                {contest.isDemo && <DemoBadge />}
              </div>
              <h2 className="card-title">
                <Link to={`/organiser/contests/${contest.id}`}>{name(contest)}</Link>
              </h2>
              <Link className="btn btn-primary" to={`/organiser/contests/${contest.id}`}>
                {t('organiser.open')}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
};
