/**
 * The database as Kysely sees it, written by hand beside the migrations that create it.
 * A change to a migration changes this file in the same commit.
 *
 * Conventions that hold on both PGlite and PostgreSQL (see database.ts):
 * - `bigint` columns are read as JS numbers (both drivers are configured so).
 * - `jsonb` columns are written as JSON text (`JSON.stringify(value)`) and read back parsed:
 *   node-postgres would otherwise send a JS array as a Postgres array, not JSON.
 * - `timestamptz` columns are read as Date and written as Date.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** A jsonb column: read parsed as T, written as JSON text. */
export type Jsonb<T> = ColumnType<T, string, string>;
/** A timestamptz column the database fills in when the insert leaves it out. */
export type CreatedAt = ColumnType<Date, Date | undefined, Date>;

export type RoleName = 'organiser' | 'coordinator' | 'participant' | 'judge';
export type EntrantKind = 'individual' | 'team' | 'organisation';
export type RegistrationStatus = 'active' | 'withdrawn';
export type MemberRole = 'leader' | 'member' | 'advisor';
export type MemberStatus = 'confirmed' | 'invited';

export interface AccountsTable {
  id: string;
  /** Always stored lowercased; unique. */
  email: string;
  password_hash: string;
  display_name: string;
  created_at: CreatedAt;
  /** Made by `serve --demo`; signs in only under --demo. */
  is_demo: Generated<boolean>;
}

export interface AccountRolesTable {
  account_id: string;
  role: RoleName;
  /** null = every contest (the platform's demo organiser). */
  contest_id: string | null;
  /** Set for a zone coordinator (赛区); null otherwise. */
  zone_id: string | null;
}

export interface SessionsTable {
  /** sha256 hex of the session token; the token itself is never stored. */
  id: string;
  account_id: string;
  created_at: CreatedAt;
  expires_at: Date;
}

export interface ContestsTable {
  id: string;
  name: string;
  /** The number of the contest_versions row in force. */
  current_version: number;
  source_file: string | null;
  /** The id of the contest this edition was copied from. */
  edition_of: string | null;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

/** Every published definition of a contest, append-only: (contest_id, version) is never rewritten. */
export interface ContestVersionsTable {
  contest_id: string;
  version: number;
  /** Of the definition's canonical JSON (RFC 8785). */
  sha256: string;
  /** The definition as validated, in the format `format_version`. */
  definition: Jsonb<unknown>;
  source_yaml: string;
  format_version: number;
  published_at: Date;
  published_by: string;
}

export interface RegistrationsTable {
  id: string;
  contest_id: string;
  /** Human reference, unique per contest, e.g. `000-0001`. */
  ref: string;
  title: string;
  entrant_kind: EntrantKind;
  track_id: string;
  group_id: string | null;
  category_id: string | null;
  topic_id: string | null;
  zone_id: string | null;
  owner_account_id: string | null;
  status: RegistrationStatus;
  /** The full entrant as validated: persons, organisations. */
  entrant: Jsonb<unknown>;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  withdrawn_at: Date | null;
  /** The contest definition version the rules were last checked under (on register and on edit). */
  definition_version: number;
}

export interface RegistrationMembersTable {
  registration_id: string;
  /** Stable person id: normalised ID number, else phone, else email. */
  person_key: string;
  role: MemberRole;
  name: string;
  account_id: string | null;
  status: MemberStatus;
}

/** One canonical key of one person of an active registration: what the rules across registrations and conflict lookups match. */
export interface RegistrationIdentifiersTable {
  contest_id: string;
  registration_id: string;
  kind: 'id' | 'phone' | 'email' | 'name';
  value: string;
  person_role: MemberRole;
  division_id: string;
}

/** One organisation of an active registration: credit code (normalised) and comparableText of its name. */
export interface RegistrationOrganisationsTable {
  contest_id: string;
  registration_id: string;
  credit_code: string | null;
  name_key: string;
  type: string;
  is_lead: boolean;
  division_id: string;
}

/** Each contest's last reference number. */
export interface RegistrationCountersTable {
  contest_id: string;
  last_ref: number;
  /** The contest's code before each reference (JSSC25 in JSSC25-0004), unique across contests. */
  ref_prefix: string;
}

export interface TeamInvitationsTable {
  /** Not secret: how the audit log and the leader's list name the invitation (the code is the capability). */
  id: string;
  code: string;
  registration_id: string;
  role: 'member' | 'advisor';
  created_by: string;
  created_at: CreatedAt;
  expires_at: Date;
  accepted_by: string | null;
  accepted_at: Date | null;
  revoked_at: Date | null;
  revoked_by: string | null;
  /** The listed person the invitation is for, or null for anyone the leader shares it with. */
  for_name: string | null;
  for_identifiers: ColumnType<string[] | null, string | null, string | null>;
}

export interface AuditEventsTable {
  /** The contest's id, or PLATFORM_AUDIT_CHAIN ('platform') for events of no contest. */
  contest_id: string;
  seq: number;
  at: Date;
  actor: string;
  type: string;
  payload: Jsonb<unknown>;
  prev_hash: string;
  hash: string;
}

/** Each audit chain's last seq and hash, updated in the transaction of every append. */
export interface AuditHeadsTable {
  /** The chain: a contest id, or '' for the platform's chain. */
  chain: string;
  seq: number;
  hash: string;
  updated_at: Date;
}

export interface UploadsTable {
  /** The tus upload id; its bytes are in the upload store under this id. */
  id: string;
  registration_id: string;
  requirement_id: string;
  account_id: string;
  file_name: string;
  declared_size: number;
  started_at: Date;
  /** hash-wasm's saved SHA-256 state after `hashed_bytes` bytes. */
  hash_state: Uint8Array | null;
  hashed_bytes: Generated<number>;
  completed_at: Date | null;
  submission_file_id: string | null;
}

export interface SubmissionFilesTable {
  id: string;
  contest_id: string;
  registration_id: string;
  requirement_id: string;
  storage_key: string;
  file_name: string;
  size: number;
  sha256: string;
  file_kind: string | null;
  media_type: string | null;
  facts: Jsonb<unknown> | null;
  problems: Jsonb<unknown>;
  accepted: boolean;
  fingerprint: Jsonb<unknown> | null;
  uploaded_by: string;
  upload_started_at: Date;
  created_at: CreatedAt;
  superseded_at: Date | null;
  /** Set when a refused version's bytes were deleted after the retention; the row and its SHA-256 stay. */
  bytes_purged_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** The contest definition version the file's checks ran under. */
  definition_version: number;
}

export interface SubmissionFieldsTable {
  registration_id: string;
  field_id: string;
  value: string;
  updated_by: string;
  updated_at: Date;
}

/** A phase whose window the organiser changed: its latest change (migration 2026113040). */
export interface PhaseChangesTable {
  contest_id: string;
  phase_id: string;
  change: 'extended' | 'closed_early';
  end_exclusive: Date;
  reason: string;
  changed_by: string;
  changed_at: Date;
}

/** A review round's state; a round without a row is open. */
export interface RoundStatesTable {
  contest_id: string;
  round_id: string;
  state: 'open' | 'closed' | 'published';
  reason: string | null;
  changed_by: string;
  changed_at: Date;
}

export interface Database {
  accounts: AccountsTable;
  account_roles: AccountRolesTable;
  sessions: SessionsTable;
  contests: ContestsTable;
  contest_versions: ContestVersionsTable;
  registrations: RegistrationsTable;
  registration_members: RegistrationMembersTable;
  registration_identifiers: RegistrationIdentifiersTable;
  registration_organisations: RegistrationOrganisationsTable;
  registration_counters: RegistrationCountersTable;
  team_invitations: TeamInvitationsTable;
  audit_events: AuditEventsTable;
  audit_heads: AuditHeadsTable;
  uploads: UploadsTable;
  submission_files: SubmissionFilesTable;
  submission_fields: SubmissionFieldsTable;
  phase_changes: PhaseChangesTable;
  round_states: RoundStatesTable;
}

export type AccountRow = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
export type AccountRoleRow = Selectable<AccountRolesTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ContestRow = Selectable<ContestsTable>;
export type NewContest = Insertable<ContestsTable>;
export type ContestUpdate = Updateable<ContestsTable>;
export type ContestVersionRow = Selectable<ContestVersionsTable>;
export type NewContestVersion = Insertable<ContestVersionsTable>;
export type RegistrationRow = Selectable<RegistrationsTable>;
export type NewRegistration = Insertable<RegistrationsTable>;
export type RegistrationUpdate = Updateable<RegistrationsTable>;
export type RegistrationMemberRow = Selectable<RegistrationMembersTable>;
export type NewRegistrationMember = Insertable<RegistrationMembersTable>;
export type NewRegistrationIdentifier = Insertable<RegistrationIdentifiersTable>;
export type NewRegistrationOrganisation = Insertable<RegistrationOrganisationsTable>;
export type TeamInvitationRow = Selectable<TeamInvitationsTable>;
export type NewTeamInvitation = Insertable<TeamInvitationsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type UploadRow = Selectable<UploadsTable>;
export type SubmissionFileRow = Selectable<SubmissionFilesTable>;
export type PhaseChangeRow = Selectable<PhaseChangesTable>;
export type RoundStateRow = Selectable<RoundStatesTable>;
export type NewSubmissionFile = Insertable<SubmissionFilesTable>;
export type SubmissionFieldRow = Selectable<SubmissionFieldsTable>;
