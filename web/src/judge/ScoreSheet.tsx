import { useCallback, useEffect, useMemo, useState } from 'react';
import { judging, type JudgingRound, type ScoreValues, type ScoreView } from '../api/judging.ts';
import type { Problem } from '../api/types.ts';
import { Button } from '../components/Button.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { ErrorSummary, FieldProblems, Notice } from '../components/Problems.tsx';
import { translate, useI18n } from '../i18n.ts';
import type { MessageKey } from '../messages.ts';
import { placeProblems, topKey } from '../lib/paths.ts';
import { draftToRestore } from './autosave.ts';
import { problemsOf } from './problems.ts';
import { SaveStatus } from './SaveStatus.tsx';
import { ScoreField } from './ScoreField.tsx';
import { fieldNames, formOf, formOfValues, liveTotal, missingFields, requestOf, type ScoreForm } from './score-form.ts';
import { SubmittedScore } from './SubmittedScore.tsx';
import { totalScale } from './total.ts';
import { draftKey, readDraft, useAutosave } from './useAutosave.ts';

const both = (key: MessageKey) => ({ zh: translate('zh', key), en: translate('en', key) });

/** What a reload finds: the draft kept in the browser where it is still the newest, else the server's. */
const startingForm = (key: string, score: ScoreView | null) => {
  const restored = draftToRestore(readDraft(key), score);
  return { restored, form: restored ? formOfValues(restored) : formOf(score) };
};

interface Where {
  contestId: string;
  roundId: string;
  entryId: string;
}

/**
 * The rubric of one entry: every change autosaved as a draft, the weighted total live, and 提交
 * (once, confirmed) after which the score reads only. The server's refusals stand beside the
 * criterion they name.
 */
export const ScoreSheet = ({ where, round, score, timeZone }: { where: Where; round: JudgingRound; score: ScoreView | null; timeZone: string }) => {
  const { t, name } = useI18n();
  const { contestId, roundId, entryId } = where;
  const key = draftKey(contestId, roundId, entryId);
  const [start] = useState(() => startingForm(key, score));
  const [form, setForm] = useState<ScoreForm>(start.form);
  const [submitted, setSubmitted] = useState<ScoreView | null>(score?.status === 'submitted' ? score : null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const save = useCallback(
    async (values: ScoreValues) => (await judging.save(contestId, roundId, entryId, values)).score.savedAt,
    [contestId, roundId, entryId],
  );
  const autosave = useAutosave(key, score?.savedAt ?? null, save);
  const { change, discard } = autosave;

  useEffect(() => {
    if (start.restored) change(start.restored);
    else discard();
  }, [start, change, discard]);

  const known = useMemo(() => fieldNames(round), [round]);
  const shown = problems.length > 0 ? problems : (autosave.state.failure?.problems ?? []);
  const placed = useMemo(() => placeProblems(shown, known), [shown, known]);

  if (submitted) return <SubmittedScore round={round} score={submitted} />;

  const readOnly = !round.open;
  const edit = (field: string, next: ScoreForm) => {
    setForm(next);
    setProblems((current) => current.filter((p) => p.path !== field));
    change(requestOf(round, next));
  };
  const total = liveTotal(round, form);
  const scale = totalScale(round.rubric, round.scale);

  const askToSubmit = () => {
    const missing = missingFields(round, form);
    if (missing.length > 0) {
      setProblems(
        missing.map((path) => ({ code: 'score.incomplete', path, message: both(path === 'total' ? 'judge.score.missingTotal' : 'judge.score.missing') })),
      );
      document.getElementById(`score-${missing[0].replace(/\W/g, '-')}`)?.focus();
      return;
    }
    setConfirming(true);
  };

  const submit = async () => {
    setSubmitting(true);
    try {
      const reply = await judging.submit(contestId, roundId, entryId, requestOf(round, form));
      autosave.finish();
      setSubmitted(reply.score);
    } catch (error) {
      setConfirming(false);
      setProblems(problemsOf(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <section className="score-sheet card" aria-labelledby="score-heading" data-testid="score-sheet">
      <h2 id="score-heading">{t('judge.score.title')}</h2>
      {readOnly && <Notice tone="info">{t('judge.round.notOpen')}</Notice>}
      {start.restored && <Notice tone="info">{t('judge.save.restored')}</Notice>}
      <ErrorSummary problems={placed.get(topKey) ?? []} testId="score-problems" />
      {round.rubric.map((criterion) => (
        <ScoreField
          key={criterion.id}
          name={`criteria.${criterion.id}`}
          label={name(criterion)}
          other={name(criterion) === criterion.name ? (criterion.nameEn ?? undefined) : criterion.name}
          weight={criterion.weight}
          min={criterion.min}
          max={criterion.max}
          value={form.criteria[criterion.id] ?? ''}
          problems={placed.get(`criteria.${criterion.id}`)}
          disabled={readOnly}
          onChange={(value) => edit(`criteria.${criterion.id}`, { ...form, criteria: { ...form.criteria, [criterion.id]: value } })}
        />
      ))}
      {round.rubric.length === 0 ? (
        <ScoreField
          name="total"
          label={t('judge.score.directTotal')}
          min={scale.min}
          max={scale.max}
          value={form.total}
          problems={placed.get('total')}
          disabled={readOnly}
          onChange={(value) => edit('total', { ...form, total: value })}
        />
      ) : (
        <p className="score-total" aria-live="polite" data-testid="live-total">
          <span>{t('judge.score.total')}</span> <strong>{total === null ? '—' : total}</strong>{' '}
          <span className="small muted">{total === null ? t('judge.score.totalPending') : t('judge.score.outOf', { min: scale.min, max: scale.max })}</span>
        </p>
      )}
      <div className={`field${placed.get('comment') ? ' has-error' : ''}`}>
        <label htmlFor="score-comment">{t('judge.score.comment')}</label>
        <FieldProblems problems={placed.get('comment')} />
        <textarea
          id="score-comment"
          rows={4}
          value={form.comment}
          disabled={readOnly}
          onChange={(e) => edit('comment', { ...form, comment: e.target.value })}
        />
      </div>
      {!readOnly && (
        <div className="score-actions">
          <SaveStatus state={autosave.state} timeZone={timeZone} onRetry={autosave.retry} />
          <Button onClick={askToSubmit} data-testid="submit-score">
            {t('judge.submit')}
          </Button>
        </div>
      )}
      {/* Mounted only while asked, so that a page holds one dialog's buttons at a time. */}
      {confirming && (
        <ConfirmDialog
          open
          title={t('judge.submit.title')}
          confirmLabel={t('judge.submit.confirm')}
          variant="primary"
          busy={submitting}
          onConfirm={submit}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('judge.submit.body')}</p>
          {total !== null && round.rubric.length > 0 && <p>{t('judge.submit.totalLine', { total })}</p>}
        </ConfirmDialog>
      )}
    </section>
  );
};
