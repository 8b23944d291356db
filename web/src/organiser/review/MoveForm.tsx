import { useState, type FormEvent } from 'react';
import { rounds } from '../../api/index.ts';
import type { AssignmentView } from '../../api/types.ts';
import { Button } from '../../components/Button.tsx';
import { useI18n } from '../../i18n.ts';
import { ActionProblems } from './ActionProblems.tsx';
import { useAction } from './action.ts';

/**
 * 手动调整 Move by hand: one entry from one of its judges (or from none: a judge added) to another.
 * The server checks it as the solver would (coverage, conflicts, caps, a score already begun) and
 * refuses with the problems, shown here; a move is a run of its own, undone like any other.
 */
export const MoveForm = ({ contestId, roundId, assignment }: { contestId: string; roundId: string; assignment: AssignmentView }) => {
  const { t } = useI18n();
  const action = useAction();
  const [ref, setRef] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const entry = assignment.entries.find((e) => e.ref.toLowerCase() === ref.trim().toLowerCase());
  const onEntry = new Set(entry?.judges.map((j) => j.id));
  const move = async (event: FormEvent) => {
    event.preventDefault();
    if (!entry || !to) return;
    const done = await action.run('move', () => rounds.move(contestId, roundId, { entry: entry.id, ...(from && { from }), to }));
    if (done !== undefined) {
      setFrom('');
      setTo('');
    }
  };
  return (
    <form className="card move-form" onSubmit={move} data-testid="move-form">
      <h3>{t('review.move.title')}</h3>
      <p className="muted small">{t('review.move.explain')}</p>
      <ActionProblems error={action.error} testId="move-problems" />
      <div className="filters">
        <label>
          <span>{t('review.move.entry')}</span>
          <input
            value={ref}
            onChange={(e) => setRef(e.target.value)}
            placeholder={t('review.move.entryHint', { ref: assignment.entries[0]?.ref ?? '' })}
            required
            data-testid="move-entry"
          />
          {ref.trim() && !entry && <span className="field-problems">{t('review.move.noSuchEntry')}</span>}
          {entry && <span className="muted small">{entry.title}</span>}
        </label>
        <label>
          <span>{t('review.move.from')}</span>
          <select value={from} onChange={(e) => setFrom(e.target.value)} disabled={!entry} data-testid="move-from">
            <option value="">{t('review.move.fromNone')}</option>
            {entry?.judges.map((j) => (
              <option key={j.id} value={j.id}>
                {j.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('review.move.to')}</span>
          <select value={to} onChange={(e) => setTo(e.target.value)} disabled={!entry} required data-testid="move-to">
            <option value="">{t('review.move.choose')}</option>
            {assignment.judges
              .filter((j) => !onEntry.has(j.id))
              .map((j) => (
                <option key={j.id} value={j.id}>
                  {t('review.move.judgeLoad', { name: j.name, load: j.load, cap: j.cap ?? '—' })}
                </option>
              ))}
          </select>
        </label>
        <Button type="submit" busy={action.busy === 'move'} disabled={!entry || !to} data-testid="move-submit">
          {t('review.move.submit')}
        </Button>
      </div>
    </form>
  );
};
