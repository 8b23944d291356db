/**
 * The judge's scoring: the rounds they judge, their entries in a round, one entry with its works,
 * autosave of a draft and the one submission. Every read and write checks the judge's access first
 * (access.ts); writes only while the round is open and inside its window (rules.ts).
 */
import { appendAuditEvent } from '../../audit/service.ts';
import { windowToIso } from '../../contest/time.ts';
import { phaseWindow } from '../../contest/views.ts';
import { getScheduledContest, scheduleOf } from '../../schedule/service.ts';
import { inTransaction, type Executor } from '../../platform/transaction.ts';
import { worksOfEntry } from '../../submission/works.ts';
import { currentPairs } from '../assignment/service.ts';
import { submittedScoreStateOf } from '../audit-state.ts';
import { conflictedAmong } from '../conflicts/service.ts';
import { roundScale } from '../results/scores.ts';
import { requireJudge, requireJudgedEntry, requireJudgeOfRound, servesRound, type ReviewActor } from './access.ts';
import { presentEntry, presentEntryItem, presentScore } from './presenter.ts';
import * as queries from './queries.ts';
import { alreadySubmitted, invalidScore, scoreProblems, scoringRefusal, type ScoreIntent, type ScoreValues } from './rules.ts';

export interface ScoreRequest extends ScoreValues {
  comment?: string;
}

/** The judge's entries in the round: assigned to them, less any they are now in conflict with. */
async function judgedEntryIds(db: Executor, contestId: string, roundId: string, judgeId: string) {
  const own = (await currentPairs(db, contestId, roundId)).filter((pair) => pair.judgeId === judgeId).map((pair) => pair.registrationId);
  const conflicted = await conflictedAmong(db, contestId, judgeId, own);
  return own.filter((id) => !conflicted.has(id));
}

/** The rounds the signed-in judge serves, each with its window, state and the judge's progress. */
export async function judgingRounds(db: Executor, contestId: string, actor: ReviewActor) {
  const judge = await requireJudge(db, contestId, actor.account);
  const contest = await getScheduledContest(db, contestId);
  const states = (await scheduleOf(db, contestId)).rounds;
  const scores = await queries.scoresOfJudge(db, contestId, judge.id);
  const rounds = contest.definition.review.rounds.filter((round) => servesRound(judge, round.id));
  return Promise.all(
    rounds.map(async (round) => {
      const entries = new Set(await judgedEntryIds(db, contestId, round.id, judge.id));
      const phase = contest.definition.phases.find((p) => p.id === round.phase)!;
      return {
        id: round.id,
        name: round.name,
        nameEn: round.nameEn ?? null,
        mode: round.mode,
        blind: round.blind,
        window: windowToIso(phaseWindow(contest.definition, phase)),
        state: states.find((s) => s.id === round.id)!.state,
        assigned: entries.size,
        submitted: scores.filter((s) => s.round_id === round.id && s.status === 'submitted' && entries.has(s.registration_id)).length,
      };
    }),
  );
}

/** The round as the judge scores it (rubric, scale, window, whether open) and their entries in it. */
export async function judgingRound(db: Executor, contestId: string, roundId: string, actor: ReviewActor) {
  const { judge, contest, round, window, state } = await requireJudgeOfRound(db, contestId, roundId, actor.account);
  const ids = await judgedEntryIds(db, contestId, roundId, judge.id);
  const rows = await queries.entriesForJudge(db, contestId, ids);
  const scores = new Map((await queries.scoresOfJudge(db, contestId, judge.id, roundId)).map((s) => [s.registration_id, s]));
  const entries = rows.map((row) => presentEntryItem(contest.definition, round, row, scores.get(row.id)));
  const hasRubric = (round.rubric ?? []).length > 0;
  return {
    round: {
      id: round.id,
      name: round.name,
      nameEn: round.nameEn ?? null,
      mode: round.mode,
      rubric: (round.rubric ?? []).map((c) => ({ id: c.id, name: c.name, nameEn: c.nameEn ?? null, weight: c.weight, min: c.scale.min, max: c.scale.max })),
      scale: hasRubric ? null : roundScale(round),
      blind: round.blind,
      window: windowToIso(window),
      state,
      open: scoringRefusal(round, state, window, actor.clock.now()) === undefined,
    },
    entries,
    progress: { submitted: entries.filter((e) => e.score?.status === 'submitted').length, total: entries.length },
  };
}

/** One assigned entry as the judge opens it: the entry (no names in a blind round), its works, the judge's score. */
export async function judgedEntry(db: Executor, contestId: string, roundId: string, registrationId: string, actor: ReviewActor) {
  const { judge, contest, round } = await requireJudgeOfRound(db, contestId, roundId, actor.account);
  await requireJudgedEntry(db, contestId, roundId, judge.id, registrationId);
  const [row] = await queries.entriesForJudge(db, contestId, [registrationId]);
  const works = await worksOfEntry(db, registrationId, actor, 0);
  const score = await queries.scoreOf(db, contestId, roundId, registrationId, judge.id);
  const summary = works.fields.find((f) => f.requirement.type === 'text' && f.value)?.value ?? null;
  return {
    entry: presentEntry(contest.definition, round, row, summary),
    works: [
      ...works.files.map((item) => ({
        requirement: item.requirement.id,
        name: item.requirement.name,
        value: null,
        files: item.files
          .filter((f) => f.accepted && f.bytesPurgedAt === null)
          .map((f) => ({ id: f.id, fileName: f.fileName, mediaType: f.mediaType, size: f.size, url: `/api/works/files/${f.id}/content` })),
      })),
      ...works.fields.map((item) => ({ requirement: item.requirement.id, name: item.requirement.name, value: item.value, files: [] })),
    ],
    score: score ? presentScore(round, score) : null,
  };
}

/**
 * Saves the judge's draft (autosave) or submits the score. Effects: the scores row upserted (a
 * draft: values, comment, saved_at; a submission: status submitted and submitted_at too). A
 * submission appends `score.submitted` with the values and the row's state (review/audit-state.ts:
 * the comment is in its keyed digest, not in the event, as free text may name people). Drafts append
 * no event: they are the judge's working state, not a decision, and an event per keystroke would bury
 * the ones that are.
 * Refuses outside the round's window or state, values the round does not take, an incomplete
 * submission, and any change after submitting (score.already_submitted).
 */
async function writeScore(
  db: Executor,
  contestId: string,
  roundId: string,
  registrationId: string,
  request: ScoreRequest,
  intent: ScoreIntent,
  actor: ReviewActor,
) {
  const { judge, contest, round, window, state } = await requireJudgeOfRound(db, contestId, roundId, actor.account);
  await requireJudgedEntry(db, contestId, roundId, judge.id, registrationId);
  const at = actor.clock.now();
  const refusal = scoringRefusal(round, state, window, at);
  if (refusal) throw refusal;
  return inTransaction(db, async (trx) => {
    const stored = await queries.scoreOf(trx, contestId, roundId, registrationId, judge.id);
    if (stored?.status === 'submitted') throw alreadySubmitted();
    // A submission without values submits the draft as saved; values sent replace the draft's.
    const values = intent === 'submit' && stored ? { criteria: request.criteria ?? stored.criteria, total: request.total ?? stored.total } : request;
    const problems = scoreProblems(round, values, intent);
    if (problems.length > 0) throw invalidScore(problems);
    const submitting = intent === 'submit';
    const saved = await queries.saveUnlessSubmitted(trx, {
      contest_id: contestId,
      round_id: roundId,
      registration_id: registrationId,
      judge_id: judge.id,
      criteria: JSON.stringify(values.criteria ?? {}),
      total: values.total ?? null,
      comment: request.comment ?? stored?.comment ?? '',
      status: submitting ? 'submitted' : 'draft',
      definition_version: contest.version,
      saved_at: at,
      submitted_at: submitting ? at : null,
    });
    if (!saved) throw alreadySubmitted();
    const view = presentScore(round, saved);
    if (submitting) {
      const payload = {
        round: roundId,
        entry: registrationId,
        judge: judge.id,
        criteria: saved.criteria,
        total: view.total,
        definitionVersion: contest.version,
      };
      await appendAuditEvent(trx, { contestId, actor: actor.account!.id, type: 'score.submitted', payload, at, state: submittedScoreStateOf(saved) });
    }
    return view;
  });
}

export const saveDraft = (db: Executor, contestId: string, roundId: string, registrationId: string, request: ScoreRequest, actor: ReviewActor) =>
  writeScore(db, contestId, roundId, registrationId, request, 'draft', actor);

export const submitScore = (db: Executor, contestId: string, roundId: string, registrationId: string, request: ScoreRequest, actor: ReviewActor) =>
  writeScore(db, contestId, roundId, registrationId, request, 'submit', actor);

/**
 * The submitted scores of a round as the results engine reads them (drafts never count), and those left
 * out because their pair no longer stands (the judge was taken off the entry, e.g. for a conflict
 * declared after scoring), which the results report rather than hide.
 */
export async function submittedScores(db: Executor, contestId: string, roundId: string) {
  const rows = await queries.submittedScoresOfRound(db, contestId, roundId);
  const counted = rows
    .filter((row) => row.standing)
    .map((row) =>
      row.total === null
        ? { judge: row.judge_id, entry: row.registration_id, criteria: row.criteria ?? {} }
        : { judge: row.judge_id, entry: row.registration_id, total: row.total },
    );
  const withoutPair = rows.filter((row) => !row.standing).map((row) => ({ judge: row.judge_id, entry: row.registration_id }));
  return { counted, withoutPair };
}
