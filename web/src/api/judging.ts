/**
 * The judge's side of review (issue 9): invitations, the judge's own record and declared conflicts,
 * the rounds and entries to score, autosaved drafts and submissions; and a participant's published
 * results. Shapes inferred from the server's zod schemas, type-only as in types.ts.
 */
import type { z } from 'zod';
import type { declareConflictBody, declaredConflictReply } from '../../../src/review/conflicts/schema.ts';
import type { acceptedReply, invitationDescriptionReply, ownJudgeReply, updateJudgeBody } from '../../../src/review/judges/schema.ts';
import type { registrationResultsReply } from '../../../src/review/publishing/schema.ts';
import type { judgedEntryReply, judgingRoundReply, judgingRoundsReply, scoreBody, scoreReply } from '../../../src/review/scoring/schema.ts';
import { request } from './client.ts';

export type JudgeInvitationView = z.infer<typeof invitationDescriptionReply>;
/** The judge's own record (contacts masked) and what they declared. */
export type OwnJudge = z.infer<typeof ownJudgeReply>;
export type JudgeRecord = OwnJudge['judge'];
export type JudgeProfileRequest = z.input<typeof updateJudgeBody>;
/** A conflict the judge declares: an entry, an organisation or a person, with an optional note. */
export type ConflictRequest = z.input<typeof declareConflictBody>;
export type DeclaredConflict = z.infer<typeof declaredConflictReply>['conflict'];

export type JudgingRoundSummary = z.infer<typeof judgingRoundsReply>['rounds'][number];
export type JudgingRoundReply = z.infer<typeof judgingRoundReply>;
export type JudgingRound = JudgingRoundReply['round'];
export type RubricCriterionView = JudgingRound['rubric'][number];
export type AssignedEntry = JudgingRoundReply['entries'][number];
export type JudgedEntryReply = z.infer<typeof judgedEntryReply>;
export type JudgedEntry = JudgedEntryReply['entry'];
export type WorkView = JudgedEntryReply['works'][number];
export type WorkFile = WorkView['files'][number];
export type ScoreView = z.infer<typeof scoreReply>['score'];
/** A draft may leave criteria out; a submission gives them all (or the total without a rubric). */
export type ScoreValues = z.input<typeof scoreBody>;
export type RoundResult = z.infer<typeof registrationResultsReply>['rounds'][number];

const enc = encodeURIComponent;
const contestPath = (contestId: string) => `/api/contests/${enc(contestId)}`;
const entryPath = (contestId: string, roundId: string, entryId: string) => `${contestPath(contestId)}/rounds/${enc(roundId)}/judging/${enc(entryId)}`;

export const judging = {
  invitation: (code: string, signal?: AbortSignal) => request<JudgeInvitationView>('GET', `/api/judge-invitations/${enc(code)}`, undefined, signal),
  /** Binds the signed-in account to the judge and gives it the contest's judge role. */
  accept: (code: string) => request<z.infer<typeof acceptedReply>>('POST', `/api/judge-invitations/${enc(code)}/accept`),
  me: (contestId: string, signal?: AbortSignal) => request<OwnJudge>('GET', `${contestPath(contestId)}/judging/me`, undefined, signal),
  /** A judge changes only their profile's fields (title, organisation, employer, school, expertise). */
  updateProfile: (contestId: string, judgeId: string, profile: JudgeProfileRequest) =>
    request<{ judge: JudgeRecord }>('PATCH', `${contestPath(contestId)}/judges/${enc(judgeId)}`, profile),
  /** A declared conflict takes the judge off the entries it concerns at once. */
  declare: (contestId: string, conflict: ConflictRequest) =>
    request<{ conflict: DeclaredConflict }>('POST', `${contestPath(contestId)}/judging/me/conflicts`, conflict),
  withdrawConflict: (contestId: string, conflictId: string) =>
    request<{ conflict: DeclaredConflict }>('DELETE', `${contestPath(contestId)}/judging/me/conflicts/${enc(conflictId)}`),
  rounds: (contestId: string, signal?: AbortSignal) =>
    request<z.infer<typeof judgingRoundsReply>>('GET', `${contestPath(contestId)}/judging`, undefined, signal),
  round: (contestId: string, roundId: string, signal?: AbortSignal) =>
    request<JudgingRoundReply>('GET', `${contestPath(contestId)}/rounds/${enc(roundId)}/judging`, undefined, signal),
  entry: (contestId: string, roundId: string, entryId: string, signal?: AbortSignal) =>
    request<JudgedEntryReply>('GET', entryPath(contestId, roundId, entryId), undefined, signal),
  /** The autosave of a draft: partial values, each within its scale. */
  save: (contestId: string, roundId: string, entryId: string, values: ScoreValues) =>
    request<{ score: ScoreView }>('PUT', entryPath(contestId, roundId, entryId), values),
  /** Once: afterwards only the organiser reopens the score. */
  submit: (contestId: string, roundId: string, entryId: string, values: ScoreValues) =>
    request<{ score: ScoreView }>('POST', `${entryPath(contestId, roundId, entryId)}/submit`, values),
};

export const results = {
  /** The entry's result in each published round, for its people and the organisers. */
  ofRegistration: (registrationId: string, signal?: AbortSignal) =>
    request<z.infer<typeof registrationResultsReply>>('GET', `/api/registrations/${enc(registrationId)}/results`, undefined, signal),
};
