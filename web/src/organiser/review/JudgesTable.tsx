import { Link } from 'react-router';
import type { ContestView, JudgeView } from '../../api/types.ts';
import { Badge, type Tone } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { Table } from '../../components/Table.tsx';
import { useI18n } from '../../i18n.ts';
import { coverChoices } from './judge-form.ts';
import { tabSearch } from './tabs.ts';

const statusTone: Record<JudgeView['status'], Tone> = { invited: 'warn', active: 'open', removed: 'closed' };

/** Each judge: who, where from, whether they joined, what they judge, their cap and conflicts, and what can be done. */
export const JudgesTable = ({
  contest,
  judges,
  busy,
  onEdit,
  onReissue,
  onRemove,
}: {
  contest: ContestView;
  judges: JudgeView[];
  busy: string | null;
  onEdit: (judge: JudgeView) => void;
  onReissue: (judge: JudgeView) => void;
  onRemove: (judge: JudgeView) => void;
}) => {
  const { t, name } = useI18n();
  if (judges.length === 0) return <p className="empty">{t('review.judges.none')}</p>;
  const roundName = (id: string) => name(contest.review.rounds.find((r) => r.id === id)) || id;
  const covers = coverChoices(contest);
  const coverName = (id: string) => name(covers.find((c) => c.id === id)) || id;
  const listed = (ids: string[], nameOf: (id: string) => string) => (ids.length === 0 ? t('review.judges.all') : ids.map(nameOf).join('、'));
  return (
    <Table
      className="compact judges-table"
      testId="judges-table"
      heads={
        <>
          <th>{t('review.judges.name')}</th>
          <th>{t('review.judges.organisation')}</th>
          <th>{t('review.judges.status')}</th>
          <th>{t('review.judges.scope')}</th>
          <th className="num">{t('review.judges.cap')}</th>
          <th className="num">{t('review.judges.conflicts')}</th>
          <th>{t('organiser.actions')}</th>
        </>
      }
    >
      {judges.map((judge) => (
        <tr key={judge.id} className={judge.status === 'removed' ? 'is-withdrawn' : undefined} data-testid={`judge-row-${judge.id}`}>
          <th scope="row">
            {judge.name}
            {judge.title && <div className="muted small">{judge.title}</div>}
          </th>
          <td>
            {[judge.organisation, judge.employer, judge.school].filter((s, i, all) => s && all.indexOf(s) === i).join(' · ') || '—'}
            {judge.expertise.length > 0 && <div className="muted small">{judge.expertise.join('、')}</div>}
          </td>
          <td>
            <Badge tone={statusTone[judge.status]} testId="judge-status">
              {t(`review.judges.status.${judge.status}`)}
            </Badge>
          </td>
          <td className="small">
            <div>{t('review.judges.roundsOf', { rounds: listed(judge.rounds, roundName) })}</div>
            <div>{t('review.judges.coversOf', { covers: listed(judge.covers, coverName) })}</div>
          </td>
          <td className="num">{judge.cap ?? '—'}</td>
          <td className="num">{judge.conflicts > 0 ? <Link to={tabSearch({ kind: 'conflicts' })}>{judge.conflicts}</Link> : 0}</td>
          <td>
            {judge.status !== 'removed' && (
              <div className="row-actions">
                <Button variant="link" onClick={() => onEdit(judge)} data-testid="judge-edit">
                  {t('review.judges.edit')}
                </Button>
                {judge.status === 'invited' && (
                  <Button variant="link" busy={busy === `reissue-${judge.id}`} onClick={() => onReissue(judge)} data-testid="judge-reissue">
                    {t('review.judges.reissue')}
                  </Button>
                )}
                <Button variant="link" onClick={() => onRemove(judge)} data-testid="judge-remove">
                  {t('review.judges.remove')}
                </Button>
              </div>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
};
