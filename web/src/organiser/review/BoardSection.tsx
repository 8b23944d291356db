import { useState } from 'react';
import { rounds } from '../../api/index.ts';
import type { ReviewBoard } from '../../api/types.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { Notice } from '../../components/Problems.tsx';
import { Table } from '../../components/Table.tsx';
import { useI18n } from '../../i18n.ts';
import { ActionProblems } from './ActionProblems.tsx';
import { useAction } from './action.ts';
import { scoreText } from './ranking.ts';
import { percentOf, waitingJudges } from './tabs.ts';

/**
 * 评审进度 Review progress: each judge's assigned, submitted and draft scores, their mean, and how far
 * their scores stand from the other judges' on the same entries (偏离: worth a look before publishing);
 * reminders to one judge or to every judge with entries not submitted go to the outbox.
 */
export const BoardSection = ({ contestId, roundId, board, open }: { contestId: string; roundId: string; board: ReviewBoard; open: boolean }) => {
  const { t } = useI18n();
  const action = useAction();
  const [reminded, setReminded] = useState<number | null>(null);
  const waiting = waitingJudges(board.judges);
  const remind = async (key: string, judgeIds?: string[]) => {
    const reply = await action.run(key, () => rounds.remind(contestId, roundId, judgeIds));
    if (reply) setReminded(reply.messages);
  };
  return (
    <section className="section" data-testid="board-section">
      <h2>{t('review.board.title')}</h2>
      <p className="muted small">{t('review.board.explain', { at: board.round.standsApartAt })}</p>
      <p data-testid="board-entries">
        {t('review.board.entries', {
          total: board.entries.total,
          full: board.entries.fullyScored,
          part: board.entries.partlyScored,
          none: board.entries.unscored,
        })}
      </p>
      <ActionProblems error={action.error} />
      {reminded !== null && (
        <Notice testId="reminded">
          {t('review.board.reminded', { n: reminded })} <a href="?">{t('review.outbox.title')}</a>
        </Notice>
      )}
      {board.judges.length === 0 ? (
        <p className="empty">{t('review.assignment.noJudges')}</p>
      ) : (
        <Table
          className="compact"
          testId="board-table"
          heads={
            <>
              <th>{t('review.judges.name')}</th>
              <th className="num">{t('review.board.assigned')}</th>
              <th>{t('review.board.submitted')}</th>
              <th className="num">{t('review.board.drafts')}</th>
              <th className="num">{t('review.board.mean')}</th>
              <th className="num">{t('review.board.deviation')}</th>
              {open && <th>{t('organiser.actions')}</th>}
            </>
          }
        >
          {board.judges.map((judge) => {
            const percent = percentOf(judge.submitted, judge.assigned);
            return (
              <tr key={judge.id} data-testid={`board-row-${judge.id}`}>
                <th scope="row">
                  {judge.name}{' '}
                  {judge.standsApart && (
                    <Badge tone="warn" testId="stands-apart">
                      {t('review.board.standsApart')}
                    </Badge>
                  )}
                </th>
                <td className="num">{judge.assigned}</td>
                <td className="board-progress">
                  <span className="num">
                    {judge.submitted} / {judge.assigned}
                  </span>
                  <div
                    className="meter"
                    role="progressbar"
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={percent}
                    aria-label={t('review.board.submitted')}
                  >
                    <div className="meter-fill" style={{ width: `${percent}%` }} />
                  </div>
                </td>
                <td className="num">{judge.drafts}</td>
                <td className="num">{scoreText(judge.mean)}</td>
                <td className="num">{judge.deviation === null ? '—' : `${judge.deviation > 0 ? '+' : ''}${scoreText(judge.deviation)}`}</td>
                {open && (
                  <td>
                    {judge.submitted < judge.assigned && (
                      <Button
                        variant="link"
                        busy={action.busy === `remind-${judge.id}`}
                        onClick={() => void remind(`remind-${judge.id}`, [judge.id])}
                        data-testid="remind-one"
                      >
                        {t('review.board.remind')}
                      </Button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </Table>
      )}
      {open && waiting.length > 0 && (
        <div className="form-actions">
          <Button variant="secondary" busy={action.busy === 'remind-all'} onClick={() => void remind('remind-all')} data-testid="remind-all">
            {t('review.board.remindAll', { n: waiting.length })}
          </Button>
        </div>
      )}
    </section>
  );
};
