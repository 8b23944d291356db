/**
 * The database's tables as Kysely sees them, generated from the migrations by `npm run db:types`
 * (scripts/db-codegen.ts): do not edit. db-generated.test.ts fails when this is out of date.
 */
import type {
  AssignmentProgress,
  AssignmentRunSummary,
  CriterionScores,
  FileFacts,
  HoldReason,
  Jsonb,
  RawDefinition,
  Results,
  StoredEntrant,
  StoredFileProblem,
  StoredFingerprint,
} from './db-columns.ts';
import type { ColumnType } from 'kysely';

export type Generated<T> = T extends ColumnType<infer S, infer I, infer U> ? ColumnType<S, I | undefined, U> : ColumnType<T, T | undefined, T>;

export interface AccountRoles {
  account_id: string;
  /**
   * null = every contest (the platform's demo organiser).
   */
  contest_id: string | null;
  role: 'organiser' | 'coordinator' | 'participant' | 'judge';
  /**
   * Set for a zone coordinator (赛区); null otherwise.
   */
  zone_id: string | null;
}

export interface Accounts {
  created_at: Generated<Date>;
  display_name: string;
  /**
   * Always stored lowercased; unique.
   */
  email: string;
  id: string;
  /**
   * Made by `serve --demo`; signs in only under --demo.
   */
  is_demo: Generated<boolean>;
  password_hash: string;
}

export interface AssignmentRuns {
  contest_id: string;
  finished_at: Date | null;
  id: string;
  kind: 'solver' | 'hand';
  progress: Jsonb<AssignmentProgress>;
  round_id: string;
  started_at: Date;
  started_by: string;
  status: 'running' | 'done' | 'cancelled' | 'failed' | 'undone';
  summary: Jsonb<AssignmentRunSummary> | null;
  undone_at: Date | null;
  undone_by: string | null;
}

export interface Assignments {
  added_by_run: string;
  contest_id: string;
  judge_id: string;
  registration_id: string;
  /**
   * The run that took the pair away; null while the pair stands.
   */
  removed_by_run: string | null;
  round_id: string;
}

export interface AuditEvents {
  actor: string;
  at: Date;
  /**
   * The contest's id, or PLATFORM_AUDIT_CHAIN for events of no contest.
   */
  contest_id: string;
  hash: string;
  payload: Jsonb<unknown>;
  prev_hash: string;
  seq: number;
  type: string;
}

export interface AuditHeads {
  /**
   * The chain: a contest id, or '' for the platform's chain.
   */
  chain: string;
  hash: string;
  seq: number;
  updated_at: Date;
}

export interface Contests {
  created_at: Generated<Date>;
  /**
   * The number of the contest_versions row in force.
   */
  current_version: number;
  /**
   * The id of the contest this edition was copied from.
   */
  edition_of: string | null;
  id: string;
  is_demo: Generated<boolean>;
  name: string;
  source_file: string | null;
  updated_at: Generated<Date>;
}

export interface ContestVersions {
  contest_id: string;
  /**
   * The definition as validated, in the format `format_version`; append-only.
   */
  definition: Jsonb<RawDefinition>;
  format_version: number;
  published_at: Date;
  published_by: string;
  /**
   * Of the definition's canonical JSON (RFC 8785).
   */
  sha256: string;
  source_yaml: string;
  version: number;
}

export interface ImportedVoteCounts {
  contest_id: string;
  count: number;
  imported_at: Date;
  imported_by: string;
  phase_id: string;
  registration_id: string;
}

export interface JudgeDeclaredConflicts {
  contest_id: string;
  declared_at: Date;
  declared_by: string;
  id: string;
  judge_id: string;
  kind: 'entry' | 'organisation' | 'person';
  note: Generated<string>;
  organisation: string | null;
  person_identifier: string | null;
  person_name: string | null;
  registration_id: string | null;
}

export interface JudgeInvitations {
  accepted_at: Date | null;
  accepted_by: string | null;
  /**
   * sha256 hex of the single-use code; the code itself is only in the link.
   */
  code_hash: string;
  created_at: Date;
  created_by: string;
  expires_at: Date;
  judge_id: string;
  revoked_at: Date | null;
}

export interface JudgeListPublications {
  contest_id: string;
  published_at: Date;
  published_by: string;
}

export interface Judges {
  /**
   * Set when the judge accepts the invitation.
   */
  account_id: string | null;
  /**
   * The most entries the judge takes in one round; null = the round decides.
   */
  cap: number | null;
  contest_id: string;
  /**
   * The divisions (track or track/group ids) the judge covers; empty = every division.
   */
  covers: Jsonb<string[]>;
  created_at: Date;
  created_by: string;
  email: string | null;
  employer: Generated<string>;
  expertise: Jsonb<string[]>;
  id: string;
  id_number: string | null;
  name: string;
  organisation: Generated<string>;
  phone: string | null;
  /**
   * The ids of the rounds the judge serves; empty = every round.
   */
  rounds: Jsonb<string[]>;
  school: Generated<string>;
  status: 'invited' | 'active' | 'removed';
  title: Generated<string>;
  updated_at: Date;
}

export interface OutboxMessages {
  body: string;
  contest_id: string | null;
  created_at: Date;
  created_by: string | null;
  id: string;
  kind: string;
  link: string | null;
  recipient_address: string | null;
  recipient_name: string;
  sent_at: Date | null;
  subject: string;
}

export interface PhaseChanges {
  change: 'extended' | 'closed_early';
  changed_at: Date;
  changed_by: string;
  contest_id: string;
  end_exclusive: Date;
  phase_id: string;
  reason: string;
}

export interface RegistrationCounters {
  contest_id: string;
  last_ref: number;
  /**
   * The contest's code before each reference (JSSC25 in JSSC25-0004), unique across contests.
   */
  ref_prefix: string;
}

export interface RegistrationIdentifiers {
  contest_id: string;
  division_id: string;
  kind: 'id' | 'phone' | 'email' | 'name';
  person_role: 'leader' | 'member' | 'advisor';
  registration_id: string;
  value: string;
}

export interface RegistrationMembers {
  account_id: string | null;
  name: string;
  /**
   * Stable person id: normalised ID number, else phone, else email.
   */
  person_key: string;
  registration_id: string;
  role: 'leader' | 'member' | 'advisor';
  status: 'confirmed' | 'invited';
}

export interface RegistrationOrganisations {
  contest_id: string;
  /**
   * Normalised; the name is matched by `name_key` (comparableText).
   */
  credit_code: string | null;
  division_id: string;
  is_lead: boolean;
  name_key: string;
  registration_id: string;
  type: string;
}

export interface Registrations {
  category_id: string | null;
  contest_id: string;
  created_at: Generated<Date>;
  /**
   * The contest definition version the rules were last checked under (on register and on edit).
   */
  definition_version: number;
  /**
   * The full entrant as validated: persons, organisations.
   */
  entrant: Jsonb<StoredEntrant>;
  entrant_kind: 'individual' | 'team' | 'organisation';
  group_id: string | null;
  id: string;
  is_demo: Generated<boolean>;
  owner_account_id: string | null;
  /**
   * Human reference, unique, e.g. `JSSC25-0004`.
   */
  ref: string;
  status: 'active' | 'withdrawn';
  title: string;
  topic_id: string | null;
  track_id: string;
  updated_at: Generated<Date>;
  withdrawn_at: Date | null;
  zone_id: string | null;
}

export interface RoundPublications {
  contest_id: string;
  definition_version: number;
  published_at: Date;
  published_by: string;
  reason: string | null;
  results: Jsonb<Results>;
  round_id: string;
  /**
   * Of the results' canonical JSON; the same hash is in the round.published event.
   */
  sha256: string;
  version: number;
}

export interface RoundStates {
  changed_at: Date;
  changed_by: string;
  contest_id: string;
  reason: string | null;
  round_id: string;
  state: 'open' | 'closed' | 'published';
}

export interface Scores {
  comment: Generated<string>;
  contest_id: string;
  /**
   * Criterion id → the judge's value on that criterion's scale.
   */
  criteria: Jsonb<CriterionScores>;
  definition_version: number;
  judge_id: string;
  registration_id: string;
  round_id: string;
  saved_at: Date;
  status: 'draft' | 'submitted';
  submitted_at: Date | null;
  /**
   * Given directly in a round without a rubric; null where the criteria give it.
   */
  total: number | null;
}

export interface Sessions {
  account_id: string;
  created_at: Generated<Date>;
  expires_at: Date;
  /**
   * sha256 hex of the session token; the token itself is never stored.
   */
  id: string;
}

export interface SubmissionFields {
  field_id: string;
  registration_id: string;
  updated_at: Date;
  updated_by: string;
  value: string;
}

export interface SubmissionFiles {
  accepted: boolean;
  /**
   * Set when a refused version's bytes were deleted after the retention; the row and its SHA-256 stay.
   */
  bytes_purged_at: Date | null;
  contest_id: string;
  created_at: Generated<Date>;
  /**
   * The contest definition version the file's checks ran under.
   */
  definition_version: number;
  facts: Jsonb<FileFacts> | null;
  file_kind: string | null;
  file_name: string;
  fingerprint: Jsonb<StoredFingerprint> | null;
  id: string;
  media_type: string | null;
  problems: Jsonb<StoredFileProblem[]>;
  registration_id: string;
  requirement_id: string;
  sha256: string;
  size: number;
  storage_key: string;
  superseded_at: Date | null;
  upload_started_at: Date;
  uploaded_by: string;
}

export interface TeamInvitations {
  accepted_at: Date | null;
  accepted_by: string | null;
  code: string;
  created_at: Generated<Date>;
  created_by: string;
  expires_at: Date;
  for_identifiers: Jsonb<string[]> | null;
  /**
   * The listed person the invitation is for, or null for anyone the leader shares it with.
   */
  for_name: string | null;
  /**
   * Not secret: how the audit log and the leader's list name the invitation (the code is the capability).
   */
  id: string;
  registration_id: string;
  revoked_at: Date | null;
  revoked_by: string | null;
  role: 'member' | 'advisor';
}

export interface Uploads {
  account_id: string;
  completed_at: Date | null;
  declared_size: number;
  file_name: string;
  /**
   * hash-wasm's saved SHA-256 state after `hashed_bytes` bytes.
   */
  hash_state: Uint8Array | null;
  hashed_bytes: Generated<number>;
  /**
   * The tus upload id; its bytes are in the upload store under this id.
   */
  id: string;
  registration_id: string;
  requirement_id: string;
  started_at: Date;
  submission_file_id: string | null;
}

export interface VoterCodes {
  address: string;
  attempts: Generated<number>;
  /**
   * sha256 hex of the one-time code; the code itself goes only to the phone.
   */
  code_hash: string;
  created_at: Date;
  expires_at: Date;
  id: string;
  phone: string;
  used_at: Date | null;
}

export interface Voters {
  created_at: Date;
  id: string;
  /**
   * The mainland mobile number proven by SMS code, normalised (11 digits); shown masked.
   */
  phone: string;
  verified_at: Date;
}

export interface VoterSessions {
  created_at: Date;
  expires_at: Date;
  id: string;
  voter_id: string;
}

export interface Votes {
  address: string;
  cast_at: Date;
  contest_id: string;
  decided_at: Date | null;
  decided_by: string | null;
  /**
   * A digest of the client's device signals (user agent and headers), never the raw values.
   */
  device: Generated<string>;
  division_id: string;
  hold_reasons: Jsonb<HoldReason[]>;
  id: string;
  idempotency_key: string;
  phase_id: string;
  registration_id: string;
  /**
   * counted: in the tallies; held: apart until an organiser decides; rejected: confirmed suspect, never counted.
   */
  status: 'counted' | 'held' | 'rejected';
  /**
   * The /24 (IPv4) or /48 (IPv6) the address is in, for the per-subnet limits and signals.
   */
  subnet: string;
  voter_id: string;
}

export interface VoteTallies {
  contest_id: string;
  /**
   * Counted votes of the entry in the phase, moved with each group commit.
   */
  counted: Generated<number>;
  held: Generated<number>;
  phase_id: string;
  registration_id: string;
}

export interface DB {
  account_roles: AccountRoles;
  accounts: Accounts;
  assignment_runs: AssignmentRuns;
  assignments: Assignments;
  audit_events: AuditEvents;
  audit_heads: AuditHeads;
  contest_versions: ContestVersions;
  contests: Contests;
  imported_vote_counts: ImportedVoteCounts;
  judge_declared_conflicts: JudgeDeclaredConflicts;
  judge_invitations: JudgeInvitations;
  judge_list_publications: JudgeListPublications;
  judges: Judges;
  outbox_messages: OutboxMessages;
  phase_changes: PhaseChanges;
  registration_counters: RegistrationCounters;
  registration_identifiers: RegistrationIdentifiers;
  registration_members: RegistrationMembers;
  registration_organisations: RegistrationOrganisations;
  registrations: Registrations;
  round_publications: RoundPublications;
  round_states: RoundStates;
  scores: Scores;
  sessions: Sessions;
  submission_fields: SubmissionFields;
  submission_files: SubmissionFiles;
  team_invitations: TeamInvitations;
  uploads: Uploads;
  vote_tallies: VoteTallies;
  voter_codes: VoterCodes;
  voter_sessions: VoterSessions;
  voters: Voters;
  votes: Votes;
}
