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
import type { outboxMessageView } from '../../../src/platform/outbox.ts';
import type { boardReply, runView } from '../../../src/review/assignment/schema.ts';
import type { conflictsReply } from '../../../src/review/conflicts/schema.ts';
import type { invitedReply, inviteJudgeBody, judgesReply, publicJudgesReply, updateJudgeBody } from '../../../src/review/judges/schema.ts';
import type { previewReply, roundResultsReply, voteCountsBody, voteImportReply } from '../../../src/review/publishing/schema.ts';
import type { reviewBoardReply } from '../../../src/review/scoring/schema.ts';

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

// ---------- review: the organiser's board (issue 9; src/review/**/schema.ts, src/platform/outbox.ts)

export type JudgeView = z.infer<typeof judgesReply>['judges'][number];
export type JudgesReply = z.infer<typeof judgesReply>;
export type JudgesPublished = JudgesReply['published'];
export type JudgeInvitation = z.infer<typeof invitedReply>['invitation'];
/** What inviting or editing a judge sends (an edit sends masked contacts back as shown: unchanged). */
export type JudgeRequest = z.input<typeof inviteJudgeBody> & z.input<typeof updateJudgeBody>;
export type PublicJudge = z.infer<typeof publicJudgesReply>['judges'][number];
export type OutboxMessage = z.infer<typeof outboxMessageView>;
export type ConflictView = z.infer<typeof conflictsReply>['conflicts'][number];

export type AssignmentView = z.infer<typeof boardReply>;
export type AssignmentRun = z.infer<typeof runView>;
export type AssignmentJudge = AssignmentView['judges'][number];
export type AssignmentEntry = AssignmentView['entries'][number];
export type PairScore = AssignmentEntry['judges'][number]['score'];
export type Shortfall = AssignmentView['shortfalls'][number];

export type ReviewBoard = z.infer<typeof reviewBoardReply>;
export type BoardJudge = ReviewBoard['judges'][number];
export type ResultsPreview = z.infer<typeof previewReply>;
export type Results = ResultsPreview['results'];
export type DivisionResults = Results['divisions'][number];
export type RankedEntry = DivisionResults['entries'][number];
export type AwardGiven = DivisionResults['awards'][number];
export type Vacancy = DivisionResults['vacancies'][number];
export type ResultProblem = Results['problems'][number];
/** A round's results as published; organisers also get every publication (`publications`). */
export type RoundResults = z.infer<typeof roundResultsReply>;
export type RoundPublication = NonNullable<RoundResults['publications']>[number];
export type VoteCountsRequest = z.input<typeof voteCountsBody>;
export type VoteImport = z.infer<typeof voteImportReply>;
export type ScheduleView = z.infer<typeof scheduleReply>['schedule'];
export type RoundStateView = ScheduleView['rounds'][number];
export type RoundMoved = z.infer<typeof roundReply>['round'];
