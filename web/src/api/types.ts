/**
 * The shapes of the JSON API as the web app reads them, inferred from the server's zod schemas,
 * never written twice (DESIGN.md). Every import from src/ is type-only: Vite erases it, so no
 * server code and no zod reach the bundle. Replies are `z.infer` (what the server sends, defaults
 * filled); request bodies are `z.input` (what the server accepts, before defaults and trimming).
 */
import type { z } from 'zod';
import type { contestListReply, contestReply, copyContestBody, editionTextsBody, nextEditionReply } from '../../../src/contest/api-schema.ts';
import type { ContestFormat, EntrantKind, OrganisationType } from '../../../src/contest/schema/common.ts';
import type { organiserSchema } from '../../../src/contest/schema/definition.ts';
import type { accountReply } from '../../../src/platform/auth/schema.ts';
import type { ErrorReply } from '../../../src/platform/http/error-reply.ts';
import type {
  checkReply,
  contestRegistrationsQuery,
  contestRegistrationsReply,
  invitationCreatedReply,
  invitationListReply,
  invitationReply,
  organisationInputSchema,
  personInputSchema,
  registrationInputSchema,
  registrationViewSchema,
} from '../../../src/registration/schema.ts';
import type { originalityProgressReply, originalityReply, worksReply } from '../../../src/submission/schema.ts';
import type { roundReply, scheduleReply } from '../../../src/schedule/schema.ts';
import type { Shortfall } from '../../../src/review/assignment/solve.ts';
import type { AssignmentRunSummary } from '../../../src/review/assignment/stored.ts';
import type { Results } from '../../../src/review/results/types.ts';

export type { EntrantKind, OrganisationType, ContestFormat };
export type { FileFacts, Orientation } from '../../../src/submission/probes/types.ts';

// ---------- errors

/** The reply of any refusal (src/platform/http/error-reply.ts). */
export type ApiErrorBody = ErrorReply;
export type Problem = ErrorReply['error']['problems'][number];
/** A message in both languages, as the server sends it. */
export type Message = Problem['message'];

// ---------- auth

export type Account = z.infer<typeof accountReply>;
export type Role = Account['roles'][number];
export type RoleName = Role['role'];

// ---------- contests

export type OrganiserRole = z.infer<typeof organiserSchema>['role'];

/**
 * Every organisation type, for the form's choices. A literal list, not the server's enum: the
 * bundle carries no zod. The checks below fail to compile when the two differ.
 */
export const organisationTypes = [
  'government',
  'public-institution',
  'enterprise',
  'financial-institution',
  'research-institute',
  'university',
  'social-organisation',
  'designated-medical-institution',
  'other',
] as const satisfies readonly OrganisationType[];
type MissingOrganisationType = Exclude<OrganisationType, (typeof organisationTypes)[number]>;
export const organisationTypesComplete: [MissingOrganisationType] extends [never] ? true : MissingOrganisationType = true;

export type ContestSummary = z.infer<typeof contestListReply>['contests'][number];
export type ContestView = z.infer<typeof contestReply>['contest'];

export type PhaseView = ContestView['phases'][number];
/** A new edition as the organiser asks for it, and as the server proposes it. */
export type EditionRequest = z.input<typeof copyContestBody>;
export type NextEdition = z.infer<typeof nextEditionReply>['edition'];
export type EditionTextsRequest = z.input<typeof editionTextsBody>;
export type TrackView = ContestView['tracks'][number];
/** A group or category of a track. */
export type SubView = TrackView['groups'][number];
export type TopicView = TrackView['topics'][number];
export type Eligibility = TrackView['eligibility'];
export type EligibilityRuleView = Eligibility['rules'][number];
export type Declaration = Eligibility['declarations'][number];
export type Works = NonNullable<TrackView['works']>;
export type FileRequirement = Works['files'][number];
export type FieldRequirement = Works['fields'][number];
export type DivisionView = ContestView['divisions'][number];
export type AwardGroupView = ContestView['awards']['groups'][number];
export type AwardTierView = AwardGroupView['tiers'][number];
export type ReviewRoundView = ContestView['review']['rounds'][number];

// ---------- registrations

/**
 * What the registration form builds: the parsed shape, every list and flag present. The request
 * bodies (`…Request`, before defaults and trimming) accept it; the client's calls check that.
 */
export type PersonInput = z.infer<typeof personInputSchema>;
export type OrganisationInput = z.infer<typeof organisationInputSchema>;
export type RegistrationInput = z.infer<typeof registrationInputSchema>;
export type PersonRequest = z.input<typeof personInputSchema>;
export type RegistrationRequest = z.input<typeof registrationInputSchema>;

export type RegistrationView = z.infer<typeof registrationViewSchema>;
export type PersonView = RegistrationView['leader'];
export type OrganisationView = RegistrationView['organisations'][number];
/** A track, group, category, topic, zone or division a registration is in. */
export type Ref = RegistrationView['track'];

export type RegistrationCheck = z.infer<typeof checkReply>;
export type Invitation = z.infer<typeof invitationCreatedReply>['invitation'];
export type InvitationView = z.infer<typeof invitationReply>['invitation'];
/** An invitation as its entry's leader lists it: by id and status, never its code. */
export type InvitationSummary = z.infer<typeof invitationListReply>['invitations'][number];
export type RegistrationFilters = z.input<typeof contestRegistrationsQuery>;
export type RegistrationCounts = z.infer<typeof contestRegistrationsReply>['counts'];

// ---------- works (src/submission/schema.ts)

export type WorksView = z.infer<typeof worksReply>['works'];
export type FileItem = WorksView['files'][number];
export type FieldItem = WorksView['fields'][number];
export type SubmittedFile = FileItem['files'][number];
export type CheckProblem = SubmittedFile['problems'][number];
export type WorksStatus = FileItem['status'];
export type StageView = FileItem['stage'];

export type OriginalityReply = z.infer<typeof originalityReply>;
export type OriginalityPair = OriginalityReply['pairs'][number];
export type DuplicateSide = OriginalityPair['a'];
export type OriginalityProgressReply = z.infer<typeof originalityProgressReply>;
export type OriginalityProgress = OriginalityProgressReply['progress'];

// ---------- review: the organiser's board (issue 9)
// Written from the review API's contract while its schemas are being built beside this; each becomes
// z.infer of its src/review/**/schema.ts reply as that lands.

export type { AwardGiven, DivisionResults, RankedEntry, ResultProblem, Results, Vacancy } from '../../../src/review/results/types.ts';
export type { Shortfall } from '../../../src/review/assignment/solve.ts';
export type { AssignmentRunSummary } from '../../../src/review/assignment/stored.ts';

export interface JudgeView {
  id: string;
  name: string;
  title: string;
  organisation: string;
  employer: string;
  school: string;
  expertise: string[];
  rounds: string[];
  covers: string[];
  cap: number | null;
  status: 'invited' | 'active' | 'removed';
  hasAccount: boolean;
  email?: string;
  phone?: string;
  idNumber?: string;
  conflicts: number;
}
/** What inviting or editing a judge sends (an edit sends masked contacts back as shown: unchanged). */
export interface JudgeRequest {
  name: string;
  title: string;
  organisation: string;
  employer: string;
  school: string;
  expertise: string[];
  email: string;
  phone: string;
  idNumber: string;
  rounds: string[];
  covers: string[];
  cap: number | null;
}
export interface JudgeInvitation {
  link: string;
  expiresAt: string;
}
export type JudgesPublished = { at: string; by: string } | null;
export interface JudgesReply {
  judges: JudgeView[];
  published: JudgesPublished;
}
export interface PublicJudge {
  name: string;
  title: string;
  organisation: string;
}
export interface OutboxMessage {
  id: string;
  kind: string;
  recipientName: string;
  recipientAddress: string | null;
  subject: string;
  body: string;
  link: string | null;
  createdAt: string;
  sentAt: string | null;
}
export interface ConflictView {
  judgeId: string;
  judgeName: string;
  registrationId: string;
  ref: string;
  title: string;
  reasons: { kind: string; detail: Message }[];
}

export interface AssignmentRun {
  id: string;
  kind: 'solver' | 'hand';
  status: 'running' | 'done' | 'cancelled' | 'failed' | 'undone';
  progress: { routed: number; total: number };
  summary: AssignmentRunSummary | null;
  startedAt: string;
  finishedAt: string | null;
  startedBy: string;
}
export type PairScore = 'none' | 'draft' | 'submitted';
export interface AssignmentView {
  runs: AssignmentRun[];
  judges: { id: string; name: string; load: number; cap: number | null; submitted: number; drafts: number }[];
  entries: { id: string; ref: string; title: string; division: string; judges: { id: string; name: string; score: PairScore }[] }[];
  shortfalls: Shortfall[];
  waitingFor?: string;
}
export type AssignmentJudge = AssignmentView['judges'][number];
export type AssignmentEntry = AssignmentView['entries'][number];

export interface BoardJudge {
  id: string;
  name: string;
  assigned: number;
  submitted: number;
  drafts: number;
  mean: number | null;
  deviation: number | null;
  standsApart: boolean;
}
export interface ReviewBoard {
  judges: BoardJudge[];
}
export interface ResultsPreview {
  results: Results;
  entries: Record<string, { ref: string; title: string }>;
}
export interface RoundPublication {
  version: number;
  sha256: string;
  publishedAt: string;
  reason?: string | null;
}
export type ScheduleView = z.infer<typeof scheduleReply>['schedule'];
export type RoundStateView = ScheduleView['rounds'][number];
export type RoundMoved = z.infer<typeof roundReply>['round'];
