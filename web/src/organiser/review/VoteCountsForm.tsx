import { useId, useState, type FormEvent } from 'react';
import { rounds } from '../../api/index.ts';
import type { ContestView } from '../../api/types.ts';
import { Button } from '../../components/Button.tsx';
import { Notice } from '../../components/Problems.tsx';
import { useI18n } from '../../i18n.ts';
import { ActionProblems } from './ActionProblems.tsx';
import { useAction } from './action.ts';
import { parseVoteCounts, type VoteLineProblem } from './vote-counts.ts';

/**
 * 导入投票数 Import vote counts: until Leitai runs the public vote itself, the counts of a vote held
 * elsewhere are pasted here (reference and count per line, from a spreadsheet) and replace the
 * phase's earlier import; lines that are not a reference and a whole count are named before sending.
 */
export const VoteCountsForm = ({ contest, phaseId }: { contest: ContestView; phaseId: string }) => {
  const { t, name } = useI18n();
  const id = useId();
  const action = useAction();
  const [text, setText] = useState('');
  const [lineProblems, setLineProblems] = useState<VoteLineProblem[]>([]);
  const [imported, setImported] = useState<number | null>(null);
  const phase = contest.phases.find((p) => p.id === phaseId);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    const { counts, problems } = parseVoteCounts(text);
    setLineProblems(problems);
    setImported(null);
    if (problems.length > 0 || counts.length === 0) return;
    const done = await action.run('votes', () => rounds.importVotes(contest.id, phaseId, counts));
    if (done !== undefined) setImported(counts.length);
  };
  return (
    <form className="card vote-counts" onSubmit={send} data-testid="vote-counts-form">
      <h3>{t('review.votes.title', { phase: name(phase) || phaseId })}</h3>
      <p className="muted small">{t('review.votes.explain')}</p>
      <label htmlFor={id}>{t('review.votes.paste')}</label>
      <textarea
        id={id}
        rows={5}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={'JJJ-0001\t1234\nJJJ-0002\t567'}
        data-testid="vote-counts-text"
      />
      {lineProblems.length > 0 && (
        <ul className="field-problems" role="alert" data-testid="vote-counts-problems">
          {lineProblems.map((p) => (
            <li key={p.line}>{t(`review.votes.problem.${p.reason}`, { line: p.line, text: p.text })}</li>
          ))}
        </ul>
      )}
      <ActionProblems error={action.error} />
      {imported !== null && <Notice>{t('review.votes.imported', { n: imported })}</Notice>}
      <Button type="submit" variant="secondary" busy={action.busy === 'votes'} disabled={text.trim() === ''} data-testid="vote-counts-submit">
        {t('review.votes.import')}
      </Button>
    </form>
  );
};
