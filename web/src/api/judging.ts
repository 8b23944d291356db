/**
 * The judge's side of review (issue 9): invitations, the judge's own record and declared conflicts,
 * the rounds and entries to score, autosaved drafts and submissions; and a participant's published
 * results. Written from the review API's contract while its schemas are being built beside this;
 * each shape becomes z.infer of its src/review/**\/schema.ts reply as that lands.
 */
import { request } from './client.ts';

const enc = encodeURIComponent;

export interface JudgeInvitationView {
  contest: { id: string; name: string };
  judge: { name: string };
  status: 'open' | 'accepted' | 'expired' | 'revoked';
  expiresAt?: string;
}

/** The judge's own record (contacts masked); the judge may change the profile fields. */
export interface JudgeRecord {
  id: string;
  name: string;
  title: string;
  organisation: string;
  employer: string;
  school: string;
  expertise: string[];
  rounds: string[];
  covers: string[];
  status: 'invited' | 'active' | 'removed';
}
export type JudgeProfile = Pick<JudgeRecord, 'title' | 'organisation' | 'employer' | 'school' | 'expertise'>;

export type ConflictTarget =
  { kind: 'entry'; registrationId: string } | { kind: 'organisation'; organisation: string } | { kind: 'person'; name?: string; identifier?: string };

/** A conflict the judge declared; an entry's comes with its ref and title, a person's identifier masked. */
export type DeclaredConflict = { id: string; note: string; declaredAt?: string } & (
  | { kind: 'entry'; registrationId: string; ref?: string; title?: string }
  | { kind: 'organisation'; organisation: string }
  | { kind: 'person'; name: string | null; identifier: string | null }
);

export interface JudgingWindow {
  start: string;
  end: string;
}
export type RoundState = 'open' | 'closed' | 'published';

export interface JudgingRoundSummary {
  id: string;
  name: string;
  nameEn?: string;
  mode: 'online' | 'live';
  blind: boolean;
  window: JudgingWindow;
  state: RoundState;
  assigned: number;
  submitted: number;
}

export interface RubricCriterionView {
  id: string;
  name: string;
  nameEn?: string;
  /** Percent of the judge's score. */
  weight: number;
  min: number;
  max: number;
}

export interface JudgingRound {
  id: string;
  name: string;
  nameEn?: string;
  rubric: RubricCriterionView[];
  /** The total's range in a round without a rubric. */
  scale: { min: number; max: number } | null;
  blind: boolean;
  window: JudgingWindow;
  state: RoundState;
  /** Whether scores may be written now (the round open and within its window). */
  open: boolean;
}

export type ScoreStatus = 'draft' | 'submitted';

export interface AssignedEntry {
  id: string;
  ref: string;
  title: string;
  division: string;
  /** The entry's people and organisations; never in a blind round. */
  names?: string[];
  score: { status: ScoreStatus; total: number | null } | null;
}

export interface JudgingRoundReply {
  round: JudgingRound;
  entries: AssignedEntry[];
  progress: { submitted: number; total: number };
}

export interface WorkFile {
  id: string;
  fileName: string;
  mediaType: string;
  url: string;
}
export interface WorkView {
  requirement: string;
  name: string;
  files: WorkFile[];
  /** A text or link requirement's value. */
  value?: string;
}

export interface ScoreView {
  criteria: Record<string, number>;
  total: number | null;
  comment: string;
  status: ScoreStatus;
  savedAt: string | null;
}
/** A draft may leave criteria out; a submission gives them all (or the total without a rubric). */
export interface ScoreValues {
  criteria?: Record<string, number>;
  total?: number;
  comment?: string;
}

export interface JudgingEntryReply {
  entry: { id: string; ref: string; title: string; division: string; summary: string; team?: { names: string[] } };
  works: WorkView[];
  score: ScoreView | null;
}

export interface RoundResult {
  roundId: string;
  name: string;
  nameEn?: string;
  published: boolean;
  rank: number | null;
  score: number | null;
  advances: boolean;
  awards: { tier: string; name: string; prizeCny: number }[];
  publishedAt: string | null;
}

const contestPath = (contestId: string) => `/api/contests/${enc(contestId)}`;
const entryPath = (contestId: string, roundId: string, entryId: string) => `${contestPath(contestId)}/rounds/${enc(roundId)}/judging/${enc(entryId)}`;

export const judging = {
  invitation: (code: string, signal?: AbortSignal) => request<JudgeInvitationView>('GET', `/api/judge-invitations/${enc(code)}`, undefined, signal),
  /** Binds the signed-in account to the judge and gives it the contest's judge role. */
  accept: (code: string) => request<{ contestId: string; judgeId: string }>('POST', `/api/judge-invitations/${enc(code)}/accept`, {}),
  me: (contestId: string, signal?: AbortSignal) =>
    request<{ judge: JudgeRecord; declaredConflicts: DeclaredConflict[] }>('GET', `${contestPath(contestId)}/judging/me`, undefined, signal),
  updateProfile: (contestId: string, judgeId: string, profile: JudgeProfile) =>
    request<{ judge: JudgeRecord }>('PATCH', `${contestPath(contestId)}/judges/${enc(judgeId)}`, profile),
  /** A declared conflict takes the judge off the entries it concerns at once. */
  declare: (contestId: string, target: ConflictTarget, note: string) =>
    request<{ conflict: DeclaredConflict }>('POST', `${contestPath(contestId)}/judging/me/conflicts`, note ? { ...target, note } : target),
  withdrawConflict: (contestId: string, conflictId: string) => request<unknown>('DELETE', `${contestPath(contestId)}/judging/me/conflicts/${enc(conflictId)}`),
  rounds: (contestId: string, signal?: AbortSignal) =>
    request<{ rounds: JudgingRoundSummary[] }>('GET', `${contestPath(contestId)}/judging`, undefined, signal),
  round: (contestId: string, roundId: string, signal?: AbortSignal) =>
    request<JudgingRoundReply>('GET', `${contestPath(contestId)}/rounds/${enc(roundId)}/judging`, undefined, signal),
  entry: (contestId: string, roundId: string, entryId: string, signal?: AbortSignal) =>
    request<JudgingEntryReply>('GET', entryPath(contestId, roundId, entryId), undefined, signal),
  /** The autosave of a draft: partial values, each within its scale. */
  save: (contestId: string, roundId: string, entryId: string, values: ScoreValues) =>
    request<{ score: ScoreView }>('PUT', entryPath(contestId, roundId, entryId), values),
  /** Once: afterwards only the organiser reopens the score. */
  submit: (contestId: string, roundId: string, entryId: string, values: ScoreValues) =>
    request<{ score: ScoreView }>('POST', `${entryPath(contestId, roundId, entryId)}/submit`, values),
};

export const results = {
  /** The entry's result in each published round, for its owner and members. */
  ofRegistration: (registrationId: string, signal?: AbortSignal) =>
    request<{ rounds: RoundResult[] }>('GET', `/api/registrations/${enc(registrationId)}/results`, undefined, signal),
};
