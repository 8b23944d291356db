import { queryString, request } from './client.ts';
import type {
  Account,
  AssignmentRun,
  AssignmentView,
  ConflictView,
  JudgeInvitation,
  JudgeRequest,
  JudgesPublished,
  JudgesReply,
  JudgeView,
  OutboxMessage,
  PublicJudge,
  ResultsPreview,
  ReviewBoard,
  RoundPublication,
  RoundResults,
  RoundMoved,
  ScheduleView,
  VoteCountsRequest,
  VoteImport,
  ContestSummary,
  ContestView,
  EditionRequest,
  EditionTextsRequest,
  Invitation,
  InvitationSummary,
  InvitationView,
  NextEdition,
  OriginalityProgressReply,
  OriginalityReply,
  PersonRequest,
  RegistrationCheck,
  RegistrationCounts,
  RegistrationFilters,
  RegistrationRequest,
  RegistrationView,
  WorksView,
} from './types.ts';

export { ApiError } from './client.ts';
export type * from './types.ts';

const enc = encodeURIComponent;

export const auth = {
  me: (signal?: AbortSignal) => request<{ account: Account | null }>('GET', '/api/auth/me', undefined, signal),
  register: (input: { email: string; password: string; displayName: string }) => request<{ account: Account }>('POST', '/api/auth/register', input),
  login: (input: { email: string; password: string }) => request<{ account: Account }>('POST', '/api/auth/login', input),
  logout: () => request<unknown>('POST', '/api/auth/logout'),
};

export const contests = {
  list: (signal?: AbortSignal) => request<{ contests: ContestSummary[] }>('GET', '/api/contests', undefined, signal),
  get: (id: string, signal?: AbortSignal) => request<{ contest: ContestView }>('GET', `/api/contests/${enc(id)}`, undefined, signal),
  /** The edition a copy would make, checked as the copy checks it (the organiser's names included); changes nothing. */
  nextEdition: (id: string, edition: EditionRequest, signal?: AbortSignal) =>
    request<{ edition: NextEdition }>('GET', `/api/contests/${enc(id)}/next-edition${queryString({ ...edition })}`, undefined, signal),
  copy: (id: string, edition: EditionRequest) => request<{ contest: { id: string } }>('POST', `/api/contests/${enc(id)}/copy`, edition),
  /** Publishes an edition's own summary and announcement; those sent are no longer marked as the previous edition's. */
  texts: (id: string, texts: EditionTextsRequest) => request<{ contest: { id: string; version: number } }>('PUT', `/api/contests/${enc(id)}/texts`, texts),
  /** Deletes an edition copied in Leitai that nobody has entered and no later edition was copied from. */
  remove: (id: string) => request<{ contest: { id: string } }>('DELETE', `/api/contests/${enc(id)}`),
  originality: (id: string, signal?: AbortSignal) => request<OriginalityReply>('GET', `/api/contests/${enc(id)}/originality`, undefined, signal),
  /** How far the originality report being computed is; polled while the report is awaited. */
  originalityProgress: (id: string, signal?: AbortSignal) =>
    request<OriginalityProgressReply>('GET', `/api/contests/${enc(id)}/originality/progress`, undefined, signal),
  /** A division's accepted works as one zip (a plain link: the browser downloads it). */
  worksZipUrl: (id: string, divisionId: string) => `/api/contests/${enc(id)}/works.zip${queryString({ division: divisionId })}`,
  registrations: (id: string, filters: RegistrationFilters, signal?: AbortSignal) =>
    request<{ registrations: RegistrationView[]; matched: number; counts: RegistrationCounts }>(
      'GET',
      `/api/contests/${enc(id)}/registrations${queryString({ ...filters })}`,
      undefined,
      signal,
    ),
};

export const registrations = {
  /** `editing`: the registration being edited, which the server leaves out of the rules across registrations. */
  check: (contestId: string, input: RegistrationRequest, signal?: AbortSignal, editing?: string) =>
    request<RegistrationCheck>('POST', `/api/contests/${enc(contestId)}/registrations/check${editing ? `?registrationId=${enc(editing)}` : ''}`, input, signal),
  create: (contestId: string, input: RegistrationRequest) =>
    request<{ registration: RegistrationView }>('POST', `/api/contests/${enc(contestId)}/registrations`, input),
  mine: (signal?: AbortSignal) => request<{ registrations: RegistrationView[] }>('GET', '/api/me/registrations', undefined, signal),
  get: (id: string, signal?: AbortSignal) => request<{ registration: RegistrationView }>('GET', `/api/registrations/${enc(id)}`, undefined, signal),
  update: (id: string, input: RegistrationRequest) => request<{ registration: RegistrationView }>('PUT', `/api/registrations/${enc(id)}`, input),
  withdraw: (id: string) => request<{ registration: RegistrationView }>('POST', `/api/registrations/${enc(id)}/withdraw`),
  /** `personIndex`: the listed member or advisor the invitation is for; only they can accept it. */
  invite: (id: string, role: 'member' | 'advisor', personIndex?: number) =>
    request<{ invitation: Invitation }>(
      'POST',
      `/api/registrations/${enc(id)}/invitations`,
      personIndex === undefined ? { role } : { role, person: { index: personIndex } },
    ),
  invitations: (id: string, signal?: AbortSignal) =>
    request<{ invitations: InvitationSummary[] }>('GET', `/api/registrations/${enc(id)}/invitations`, undefined, signal),
  revokeInvitation: (id: string, invitationId: string) =>
    request<{ invitation: InvitationSummary }>('POST', `/api/registrations/${enc(id)}/invitations/${enc(invitationId)}/revoke`),
  /** An organiser sees the entry's people unmasked; the reason is kept in the audit log. */
  reveal: (id: string, reason: string) => request<{ registration: RegistrationView }>('POST', `/api/registrations/${enc(id)}/reveal`, { reason }),
};

export const invitations = {
  get: (code: string, signal?: AbortSignal) => request<{ invitation: InvitationView }>('GET', `/api/invitations/${enc(code)}`, undefined, signal),
  accept: (code: string, person: PersonRequest) => request<{ registration: RegistrationView }>('POST', `/api/invitations/${enc(code)}/accept`, { person }),
};

export const works = {
  get: (registrationId: string, signal?: AbortSignal) =>
    request<{ works: WorksView }>('GET', `/api/registrations/${enc(registrationId)}/works`, undefined, signal),
  setField: (registrationId: string, fieldId: string, value: string) =>
    request<{ works: WorksView }>('PUT', `/api/registrations/${enc(registrationId)}/works/fields/${enc(fieldId)}`, { value }),
  removeFile: (fileId: string) => request<null>('DELETE', `/api/works/files/${enc(fileId)}`),
  /** Where a submitted file downloads from (whoever may see its entry). */
  contentUrl: (fileId: string) => `/api/works/files/${enc(fileId)}/content`,
  /** A submitted image's small JPEG preview (at most 320 px a side, cached by the browser). */
  thumbnailUrl: (fileId: string) => `/api/works/files/${enc(fileId)}/thumbnail`,
  /** The tus endpoint of resumable uploads. */
  uploadsEndpoint: '/api/uploads',
};

/** The organiser's review board: judges, conflicts, each round's assignment, scoring progress and results. */
export const review = {
  judges: (contestId: string, signal?: AbortSignal) => request<JudgesReply>('GET', `/api/contests/${enc(contestId)}/judges`, undefined, signal),
  /** A new judge and their single-use link (also put in the outbox). */
  invite: (contestId: string, judge: JudgeRequest) =>
    request<{ judge: JudgeView; invitation: JudgeInvitation }>('POST', `/api/contests/${enc(contestId)}/judges`, judge),
  update: (contestId: string, judgeId: string, judge: JudgeRequest) =>
    request<{ judge: JudgeView }>('PATCH', `/api/contests/${enc(contestId)}/judges/${enc(judgeId)}`, judge),
  remove: (contestId: string, judgeId: string) => request<{ judge: JudgeView }>('DELETE', `/api/contests/${enc(contestId)}/judges/${enc(judgeId)}`),
  /** A new link; the judge's earlier one stops working. */
  reissue: (contestId: string, judgeId: string) =>
    request<{ invitation: JudgeInvitation }>('POST', `/api/contests/${enc(contestId)}/judges/${enc(judgeId)}/invitation`),
  publishJudges: (contestId: string, publish: boolean) =>
    request<{ published: JudgesPublished }>(publish ? 'POST' : 'DELETE', `/api/contests/${enc(contestId)}/judges/publish`),
  /** The judges list on the contest's public page; a 404 (judges.not_published) until the organiser publishes it. */
  publicJudges: (contestId: string, signal?: AbortSignal) =>
    request<{ judges: PublicJudge[] }>('GET', `/api/contests/${enc(contestId)}/judges/public`, undefined, signal),
  outbox: (contestId: string, signal?: AbortSignal) =>
    request<{ messages: OutboxMessage[] }>('GET', `/api/contests/${enc(contestId)}/outbox`, undefined, signal),
  conflicts: (contestId: string, signal?: AbortSignal) =>
    request<{ conflicts: ConflictView[] }>('GET', `/api/contests/${enc(contestId)}/conflicts`, undefined, signal),
  schedule: (contestId: string, signal?: AbortSignal) =>
    request<{ schedule: ScheduleView }>('GET', `/api/contests/${enc(contestId)}/schedule`, undefined, signal),
};

const roundPath = (contestId: string, roundId: string) => `/api/contests/${enc(contestId)}/rounds/${enc(roundId)}`;

/** One review round, for its organisers. */
export const rounds = {
  assignment: (contestId: string, roundId: string, signal?: AbortSignal) =>
    request<AssignmentView>('GET', `${roundPath(contestId, roundId)}/assignment`, undefined, signal),
  /** Starts the solver in the background: the run comes back at once, and is polled for its progress. */
  startRun: (contestId: string, roundId: string, balance: boolean) =>
    request<{ run: AssignmentRun }>('POST', `${roundPath(contestId, roundId)}/assignment/runs`, { balance }),
  run: (contestId: string, roundId: string, runId: string, signal?: AbortSignal) =>
    request<{ run: AssignmentRun }>('GET', `${roundPath(contestId, roundId)}/assignment/runs/${enc(runId)}`, undefined, signal),
  cancelRun: (contestId: string, roundId: string, runId: string) =>
    request<{ run: AssignmentRun }>('POST', `${roundPath(contestId, roundId)}/assignment/runs/${enc(runId)}/cancel`),
  /** Undoes the newest done run, solver or hand, restoring the pairs before it. */
  undo: (contestId: string, roundId: string) => request<{ run: AssignmentRun }>('POST', `${roundPath(contestId, roundId)}/assignment/undo`),
  /** Moves one entry from a judge (or none: a judge added) to another; refused with the problems of a conflict or a full cap. */
  move: (contestId: string, roundId: string, move: { entry: string; from?: string; to: string }) =>
    request<{ run: AssignmentRun }>('POST', `${roundPath(contestId, roundId)}/assignment/moves`, move),
  board: (contestId: string, roundId: string, signal?: AbortSignal) =>
    request<ReviewBoard>('GET', `${roundPath(contestId, roundId)}/review-board`, undefined, signal),
  /** Reminders in the outbox for the listed judges, or every judge with an entry not submitted. */
  remind: (contestId: string, roundId: string, judgeIds?: string[]) =>
    request<{ messages: number }>('POST', `${roundPath(contestId, roundId)}/reminders`, judgeIds ? { judgeIds } : {}),
  reopenScore: (contestId: string, roundId: string, entryId: string, judgeId: string, reason: string) =>
    request<unknown>('POST', `${roundPath(contestId, roundId)}/scores/${enc(entryId)}/${enc(judgeId)}/reopen`, { reason }),
  preview: (contestId: string, roundId: string, signal?: AbortSignal) =>
    request<ResultsPreview>('GET', `${roundPath(contestId, roundId)}/results/preview`, undefined, signal),
  /** The latest publication's ranking and, for organisers, every publication; a 404 (results.not_published) before the first. */
  results: (contestId: string, roundId: string, signal?: AbortSignal) =>
    request<RoundResults>('GET', `${roundPath(contestId, roundId)}/results`, undefined, signal),
  /** The first publication of a closed round, or (with a reason) a correction that keeps the earlier ones. */
  publish: (contestId: string, roundId: string, reason?: string) =>
    request<{ publication: Pick<RoundPublication, 'version' | 'sha256' | 'publishedAt'> }>(
      'POST',
      `${roundPath(contestId, roundId)}/results/publish`,
      reason ? { reason } : {},
    ),
  close: (contestId: string, roundId: string) => request<{ round: RoundMoved }>('POST', `${roundPath(contestId, roundId)}/close`, {}),
  /** Replaces a vote phase's imported counts (until Leitai counts votes itself). */
  importVotes: (contestId: string, phaseId: string, counts: VoteCountsRequest['counts']) =>
    request<VoteImport>('PUT', `/api/contests/${enc(contestId)}/phases/${enc(phaseId)}/vote-counts`, { counts }),
};
