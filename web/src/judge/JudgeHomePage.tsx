import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { contests } from '../api/index.ts';
import { judging } from '../api/judging.ts';
import { useI18n } from '../i18n.ts';
import { requireAccount } from '../lib/guard.ts';
import { Progress } from './Progress.tsx';
import { judgedContests } from './roles.ts';
import './judge.css';

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const account = await requireAccount(request);
  const ids = judgedContests(account);
  if (ids.length === 0) return { judged: [] };
  const [{ contests: list }, rounds] = await Promise.all([
    contests.list(request.signal),
    Promise.all(ids.map((id) => judging.rounds(id, request.signal).then((reply) => reply.rounds))),
  ]);
  const judged = ids.map((id, i) => ({
    contest: list.find((c) => c.id === id) ?? { id, name: id },
    assigned: rounds[i].reduce((sum, r) => sum + r.assigned, 0),
    submitted: rounds[i].reduce((sum, r) => sum + r.submitted, 0),
  }));
  return { judged };
};

/** 我的评审: every contest the account judges, with how far the judge is through its entries. */
export const Component = () => {
  const { judged } = useLoaderData<typeof loader>();
  const { t, name } = useI18n();
  return (
    <div className="narrow">
      <h1>{t('judge.home.title')}</h1>
      {judged.length === 0 ? (
        <p className="empty">{t('judge.home.empty')}</p>
      ) : (
        <ul className="judge-list" data-testid="judged-contests">
          {judged.map(({ contest, assigned, submitted }) => (
            <li key={contest.id} className="card">
              <h2 className="card-title">
                <Link to={`/judge/contests/${encodeURIComponent(contest.id)}`}>{name(contest)}</Link>
              </h2>
              <Progress submitted={submitted} total={assigned} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
