import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { contests } from '../api/index.ts';
import { judging } from '../api/judging.ts';
import { useI18n } from '../i18n.ts';
import { withLogin } from '../lib/guard.ts';
import { ConflictsSection } from './ConflictsSection.tsx';
import { ProfileForm } from './ProfileForm.tsx';
import './judge.css';

export const loader = async ({ params, request }: LoaderFunctionArgs) =>
  withLogin(request, async () => {
    const [{ contest }, { judge, declaredConflicts }] = await Promise.all([contests.get(params.id!, request.signal), judging.me(params.id!, request.signal)]);
    return { contest, judge, declaredConflicts };
  });

/** 个人资料与利益冲突: the judge's own profile and the conflicts they declared in one contest. */
export const Component = () => {
  const { contest, judge, declaredConflicts } = useLoaderData<typeof loader>();
  const { t, name } = useI18n();
  return (
    <div className="narrow judge-page">
      <p className="small">
        <Link to={`/judge/contests/${encodeURIComponent(contest.id)}`}>← {t('judge.contest.back')}</Link>
      </p>
      <p className="small muted">{name(contest)}</p>
      <h1>{t('judge.profile.title')}</h1>
      <ProfileForm key={judge.id} contestId={contest.id} judge={judge} />
      <ConflictsSection contestId={contest.id} conflicts={declaredConflicts} />
    </div>
  );
};
