/**
 * The database as the code names it. The tables themselves are generated from the migrations into
 * db-generated.ts (`npm run db:types`, which a change to a migration runs in the same commit); this
 * file names the rows and values the code uses.
 *
 * Conventions that hold on both PGlite and PostgreSQL (see database.ts):
 * - `bigint` columns are read as JS numbers (both drivers are configured so).
 * - `jsonb` columns are written as JSON text (`JSON.stringify(value)`) and read back parsed
 *   (`Jsonb<T>`, db-columns.ts): node-postgres would otherwise send a JS array as a Postgres array, not JSON.
 * - `timestamptz` columns are read as Date and written as Date.
 */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type {
  AccountRoles,
  Accounts,
  AuditEvents,
  ContestVersions,
  Contests,
  DB,
  PhaseChanges,
  RegistrationIdentifiers,
  RegistrationMembers,
  RegistrationOrganisations,
  Registrations,
  RoundStates,
  SubmissionFields,
  SubmissionFiles,
  TeamInvitations,
  Uploads,
} from './db-generated.ts';

export type Database = DB;

/** The values of a text column with a check, as the migrations list them. */
export type RoleName = AccountRoles['role'];
export type MemberStatus = RegistrationMembers['status'];

export type AccountRow = Selectable<Accounts>;
export type NewAccount = Insertable<Accounts>;
export type AccountRoleRow = Selectable<AccountRoles>;
export type NewContest = Insertable<Contests>;
export type NewContestVersion = Insertable<ContestVersions>;
export type RegistrationRow = Selectable<Registrations>;
export type NewRegistration = Insertable<Registrations>;
export type RegistrationUpdate = Updateable<Registrations>;
export type RegistrationMemberRow = Selectable<RegistrationMembers>;
export type NewRegistrationMember = Insertable<RegistrationMembers>;
export type NewRegistrationIdentifier = Insertable<RegistrationIdentifiers>;
export type NewRegistrationOrganisation = Insertable<RegistrationOrganisations>;
export type TeamInvitationRow = Selectable<TeamInvitations>;
export type NewTeamInvitation = Insertable<TeamInvitations>;
export type AuditEventRow = Selectable<AuditEvents>;
export type UploadRow = Selectable<Uploads>;
export type SubmissionFileRow = Selectable<SubmissionFiles>;
export type NewSubmissionFile = Insertable<SubmissionFiles>;
export type SubmissionFieldRow = Selectable<SubmissionFields>;
export type PhaseChangeRow = Selectable<PhaseChanges>;
export type RoundStateRow = Selectable<RoundStates>;
