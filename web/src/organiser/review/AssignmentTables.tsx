import { useId, useState } from 'react';
import { rounds } from '../../api/index.ts';
import type { AssignmentEntry, AssignmentJudge, ContestView, PairScore } from '../../api/types.ts';
import { Badge, type Tone } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Table } from '../../components/Table.tsx';
import { useI18n } from '../../i18n.ts';
import { ActionProblems } from './ActionProblems.tsx';
import { useAction } from './action.ts';
import { matchingEntries, shownRows } from './entries-filter.ts';

const scoreTone: Record<PairScore, Tone> = { none: 'neutral', draft: 'warn', submitted: 'open' };

/** Each judge's load against their cap, and how much of it they have scored. */
export const LoadsTable = ({ judges }: { judges: AssignmentJudge[] }) => {
  const { t } = useI18n();
  if (judges.length === 0) return <p className="empty">{t('review.assignment.noJudges')}</p>;
  return (
    <Table
      className="compact"
      testId="loads-table"
      heads={
        <>
          <th>{t('review.judges.name')}</th>
          <th className="num">{t('review.assignment.load')}</th>
          <th className="num">{t('review.judges.cap')}</th>
          <th className="num">{t('review.board.submitted')}</th>
          <th className="num">{t('review.board.drafts')}</th>
        </>
      }
    >
      {judges.map((judge) => (
        <tr key={judge.id} data-testid={`load-row-${judge.id}`}>
          <th scope="row">{judge.name}</th>
          <td className="num">{judge.load}</td>
          <td className="num">{judge.cap ?? '—'}</td>
          <td className="num">{judge.submitted}</td>
          <td className="num">{judge.drafts}</td>
        </tr>
      ))}
    </Table>
  );
};

interface Reopening {
  entry: AssignmentEntry;
  judge: AssignmentEntry['judges'][number];
}

/**
 * Each entry's judges and where their scores stand (未评 / 草稿 / 已提交), found by reference, title
 * or judge; until the round is published, a submitted score can be reopened with a reason (audited),
 * making it a draft again.
 */
export const EntriesTable = ({
  contest,
  roundId,
  entries,
  mayReopen,
}: {
  contest: ContestView;
  roundId: string;
  entries: AssignmentEntry[];
  /** Until the round is published: a published result is changed only by a correction. */
  mayReopen: boolean;
}) => {
  const { t, name } = useI18n();
  const action = useAction();
  const reasonId = useId();
  const [query, setQuery] = useState('');
  const [reopening, setReopening] = useState<Reopening | null>(null);
  const [reason, setReason] = useState('');
  if (entries.length === 0) return <p className="empty">{t('review.assignment.noEntries')}</p>;
  const matched = matchingEntries(entries, query);
  const shown = shownRows(matched);
  const divisionName = (id: string) => name(contest.divisions.find((d) => d.id === id)) || id;
  const reopen = async () => {
    if (!reopening) return;
    const done = await action.run('reopen', () => rounds.reopenScore(contest.id, roundId, reopening.entry.id, reopening.judge.id, reason.trim()));
    if (done !== undefined) {
      setReopening(null);
      setReason('');
    }
  };
  return (
    <>
      <label className="filter-box">
        <span>{t('organiser.search')}</span>
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t('review.assignment.searchHint')}
          data-testid="entries-search"
        />
      </label>
      <Table
        className="compact"
        testId="entries-table"
        heads={
          <>
            <th>{t('organiser.ref')}</th>
            <th>{t('review.assignment.entry')}</th>
            <th>{t('registration.division')}</th>
            <th>{t('review.assignment.judges')}</th>
          </>
        }
      >
        {shown.map((entry) => (
          <tr key={entry.id} data-testid={`entry-row-${entry.ref}`}>
            <td className="ref nowrap">{entry.ref}</td>
            <td>{entry.title}</td>
            <td className="small">{divisionName(entry.division)}</td>
            <td>
              <ul className="pair-list">
                {entry.judges.map((judge) => (
                  <li key={judge.id} data-testid="pair" data-score={judge.score}>
                    {judge.name} <Badge tone={scoreTone[judge.score]}>{t(`review.assignment.score.${judge.score}`)}</Badge>
                    {mayReopen && judge.score === 'submitted' && (
                      <Button variant="link" onClick={() => setReopening({ entry, judge })} data-testid="pair-reopen">
                        {t('review.board.reopen')}
                      </Button>
                    )}
                  </li>
                ))}
                {entry.judges.length === 0 && <li className="muted">{t('review.assignment.unassigned')}</li>}
              </ul>
            </td>
          </tr>
        ))}
      </Table>
      <p className="muted small" data-testid="entries-count">
        {t('review.assignment.shown', { shown: shown.length, n: matched.length })}
      </p>
      <ConfirmDialog
        open={reopening !== null}
        title={t('review.board.reopenTitle', { judge: reopening?.judge.name ?? '', ref: reopening?.entry.ref ?? '' })}
        confirmLabel={t('review.board.reopen')}
        variant="primary"
        busy={action.busy === 'reopen'}
        onConfirm={() => void reopen()}
        onCancel={() => setReopening(null)}
      >
        <p className="small">{t('review.board.reopenExplain')}</p>
        <label htmlFor={reasonId}>{t('review.board.reason')}</label>
        <textarea id={reasonId} rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="reopen-reason" />
        <ActionProblems error={action.error} />
      </ConfirmDialog>
    </>
  );
};
