/**
 * The shapes of the JSON API as the web app reads them. The server's zod schemas are the source of
 * truth; these mirror the replies the pages use.
 */

/** A message in both languages, as the server sends it. */
export interface Message {
  zh: string;
  en: string;
}

export interface Problem {
  code: string;
  message: Message;
  /** Where in the request: `members[2].idNumber`, `leader.phone`, `teamName`. */
  path?: string;
  /** The rule of the definition that was enforced, e.g. `teamSize`. */
  rule?: string;
}

export interface ApiErrorBody {
  error: { code: string; message: Message; problems?: Problem[] };
}

// ---------- auth

export type RoleName = 'organiser' | 'coordinator' | 'participant' | 'judge';

export interface Role {
  role: RoleName;
  contestId: string | null;
  zoneId: string | null;
}

export interface Account {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
}

// ---------- contests

export type ContestFormat = 'innovation-contest' | 'hackathon' | 'works-call';
export type EntrantKind = 'individual' | 'team' | 'organisation';
export type OrganiserRole = 'host' | 'organiser' | 'executor' | 'supporter' | 'partner' | 'funder';
export type OrganisationType =
  | 'government'
  | 'public-institution'
  | 'enterprise'
  | 'financial-institution'
  | 'research-institute'
  | 'university'
  | 'social-organisation'
  | 'designated-medical-institution'
  | 'other';

export const organisationTypes: OrganisationType[] = [
  'government',
  'public-institution',
  'enterprise',
  'financial-institution',
  'research-institute',
  'university',
  'social-organisation',
  'designated-medical-institution',
  'other',
];

export interface ContestSummary {
  id: string;
  name: string;
  nameEn?: string;
  format: ContestFormat;
  theme?: string;
  editionOf: string | null;
  isDemo: boolean;
  /** Assumed: the contest's time zone, for showing dates; Asia/Shanghai when absent. */
  timeZone?: string;
  organisers: { role: OrganiserRole; name: string; nameEn?: string }[];
  registration: { open: boolean; start: string; end: string };
  phasesNow: { id: string; name: string; nameEn?: string; kind: string }[];
  prizePoolCny: number;
  trackCount: number;
  divisionCount: number;
}

export interface EligibilityRuleView {
  rule: string;
  text: Message;
  quote?: string;
  params: Record<string, unknown>;
}

export interface Declaration {
  id: string;
  text: string;
  textEn?: string;
}

export interface Eligibility {
  entrantKinds: EntrantKind[];
  rules: EligibilityRuleView[];
  declarations: Declaration[];
  teamSize?: { min?: number; max: number };
  advisors?: { max: number };
  studentsOnly: boolean;
  minExperienceYears?: number;
  organisationTypes?: OrganisationType[];
  legalEntityOnly: boolean;
}

export interface FileRequirement {
  id: string;
  name: string;
  /** The announcement's sentence the requirement comes from. */
  quote?: string;
  kinds: string[];
  required: boolean;
  count: { min: number; max: number };
  maxSizeMb?: number;
  image?: {
    minLongSidePx?: number;
    minWidthPx?: number;
    minHeightPx?: number;
    exifRequired?: boolean;
    colour?: boolean;
  };
  video?: {
    maxDurationSeconds?: number;
    orientation?: 'landscape' | 'portrait';
    minWidthPx?: number;
    minHeightPx?: number;
    subtitles?: 'required' | 'optional';
  };
  notes?: string[];
}

export interface FieldRequirement {
  id: string;
  name: string;
  quote?: string;
  type: 'text' | 'url';
  required: boolean;
  maxChars?: number;
  minChars?: number;
  requiredWhen?: string;
}

export interface Works {
  files: FileRequirement[];
  fields: FieldRequirement[];
  naming?: string;
}

export interface SubView {
  id: string;
  name: string;
  nameEn?: string;
  description?: string;
  quote?: string;
  eligibility: Eligibility;
  works?: Works;
}

export interface TopicView {
  id: string;
  name: string;
  nameEn?: string;
  openChallenge: boolean;
  company?: string;
  registration: 'open' | 'closed';
  closedReason?: string;
}

export interface TrackView {
  id: string;
  name: string;
  nameEn?: string;
  description?: string;
  quote?: string;
  eligibility: Eligibility;
  groups: SubView[];
  categories: SubView[];
  topics: TopicView[];
  topicRequired: boolean;
  openChallenges: boolean;
  topicCountAsPublished?: number;
  works?: Works;
}

export interface PhaseView {
  id: string;
  kind: string;
  kinds: string[];
  name: string;
  nameEn?: string;
  start: string;
  end: string;
  asPublished?: string;
}

export interface DivisionView {
  id: string;
  name: string;
  nameEn?: string;
  trackId: string;
  groupId?: string;
  categoryId?: string;
}

export interface AwardTierView {
  id: string;
  name: string;
  nameEn?: string;
  count?: number;
  countAsPublished?: string;
  prizeCny?: number;
  goods?: string;
  certificate: boolean;
  title?: string;
  decidedBy: 'final' | 'public-vote' | 'finalists-not-placed' | 'judges';
  independentOfFinal?: boolean;
}

export interface AwardGroupView {
  divisions: 'contest' | { id: string; name: string; nameEn?: string }[];
  tiers: AwardTierView[];
}

/** Assumed shape (not in the first API list): review rounds with their weights, shown when present. */
export interface ReviewRoundView {
  id: string;
  name: string;
  nameEn?: string;
  phase?: string;
  mode?: 'online' | 'live';
  weights: { judges: number; publicVote: number };
  rubric?: { id: string; name: string; nameEn?: string; weight: number }[];
  advance?: { perDivision?: number; total?: number };
}

export interface ContestView {
  id: string;
  name: string;
  nameEn?: string;
  format: ContestFormat;
  theme?: string;
  /** Assumed: the theme in English where the definition gives one. */
  themeEn?: string;
  summary?: string;
  editionOf: string | null;
  isDemo?: boolean;
  announcement?: { title: string; reference?: string; url?: string; publishedOn?: string };
  organisers: { role: OrganiserRole; name: string; nameEn?: string }[];
  prizePayer?: string;
  timeZone: string;
  free: boolean;
  registrationOpen: boolean;
  phasesNow: string[];
  phases: PhaseView[];
  tracks: TrackView[];
  zones: { id: string; name: string; nameEn?: string; coordinator?: string }[];
  zoneRequired: boolean;
  divisions: DivisionView[];
  review?: { rounds: ReviewRoundView[] };
  awards: { preTax: boolean; oneAwardPerEntry: boolean; groups: AwardGroupView[] };
  prizePoolCny: number;
  notes: string[];
  contacts: { label: string; value: string }[];
}

// ---------- registrations

export interface PersonInput {
  name: string;
  phone?: string;
  email?: string;
  /** 居民身份证号 */
  idNumber?: string;
  isFullTimeStudent?: boolean;
  school?: string;
  employer?: string;
  employerType?: OrganisationType;
  experienceYears?: number;
}

export interface OrganisationInput {
  name: string;
  type: OrganisationType;
  isLead: boolean;
  hasLegalEntity: boolean;
  /** 统一社会信用代码 */
  creditCode?: string;
}

export interface RegistrationInput {
  title: string;
  trackId: string;
  groupId?: string;
  categoryId?: string;
  topicId?: string;
  zoneId?: string;
  entrantKind: EntrantKind;
  teamName?: string;
  leader: PersonInput;
  members: PersonInput[];
  advisors: PersonInput[];
  organisations: OrganisationInput[];
  declarations: string[];
}

export type PersonView = PersonInput & { status: 'confirmed' | 'invited' };

export interface Ref {
  id: string;
  name: string;
  nameEn?: string;
}

export interface RegistrationView {
  id: string;
  ref: string;
  contestId: string;
  contestName: string;
  title: string;
  entrantKind: EntrantKind;
  teamName?: string;
  track: Ref;
  group?: Ref;
  category?: Ref;
  topic?: Ref;
  zone?: Ref;
  division: Ref;
  status: 'active' | 'withdrawn';
  isDemo: boolean;
  leader: PersonView;
  members: PersonView[];
  advisors: PersonView[];
  organisations: OrganisationInput[];
  declarations: string[];
  createdAt: string;
  updatedAt: string;
  editable: boolean;
}

export interface RegistrationCheck {
  ok: boolean;
  problems: Problem[];
}

export interface Invitation {
  code: string;
  role: 'member' | 'advisor';
  url: string;
  expiresAt: string;
}

export interface InvitationView {
  code: string;
  role: 'member' | 'advisor';
  expiresAt: string;
  registration: {
    id: string;
    ref: string;
    title: string;
    contestId: string;
    contestName: string;
    trackName: string;
    leaderName: string;
  };
}

export interface RegistrationFilters {
  trackId?: string;
  groupId?: string;
  categoryId?: string;
  zoneId?: string;
  status?: 'active' | 'withdrawn';
}

export interface RegistrationCounts {
  total: number;
  byDivision: { divisionId: string; name: string; count: number }[];
  byZone: { zoneId: string; name: string; count: number }[];
}

// ---------- works (src/submission/schema.ts)

export type Orientation = 'landscape' | 'portrait' | 'square';

/** What the probes found in a file (src/submission/probes/types.ts). */
export type FileFacts =
  | {
      kind: 'image';
      fileKind: string;
      mediaType: string;
      width: number;
      height: number;
      orientation: Orientation;
      hasExif: boolean;
      colour?: boolean;
      exif?: { make?: string; model?: string; takenAt?: string; orientation?: number };
    }
  | {
      kind: 'video';
      fileKind: string;
      mediaType: string;
      durationSeconds: number;
      width: number;
      height: number;
      rotation: number;
      orientation: Orientation;
      videoCodec?: string;
      audioCodec?: string;
      hasSubtitleTrack: boolean;
    }
  | { kind: 'pdf'; fileKind: string; mediaType: string; pages: number; textExtractable: boolean }
  | { kind: 'slides'; fileKind: string; mediaType: string; slides: number }
  | { kind: 'document' | 'archive'; fileKind: string; mediaType: string };

export interface CheckProblem extends Problem {
  severity?: 'error' | 'warning';
}

export interface SubmittedFile {
  id: string;
  requirementId: string;
  fileName: string;
  size: number;
  sha256: string;
  fileKind: string | null;
  mediaType: string | null;
  facts: FileFacts | null;
  problems: CheckProblem[];
  accepted: boolean;
  uploadStartedAt: string;
  receivedAt: string;
}

export type WorksStatus = 'done' | 'missing' | 'invalid';

export interface FileItem {
  requirement: FileRequirement;
  files: SubmittedFile[];
  problems: CheckProblem[];
  status: WorksStatus;
}

export interface FieldItem {
  requirement: FieldRequirement;
  value: string | null;
  problems: CheckProblem[];
  status: WorksStatus;
}

export interface WorksView {
  registrationId: string;
  ref: string;
  title: string;
  contestId: string;
  submissionOpen: boolean;
  /** The end of the submission window (exclusive), or null when none is ahead. */
  deadline: string | null;
  graceMinutes: number;
  naming: string | null;
  originality: string[];
  files: FileItem[];
  fields: FieldItem[];
  complete: boolean;
}

export interface DuplicateSide {
  registrationId: string;
  ref: string;
  title: string;
  fileId: string | null;
  fieldId: string | null;
  what: string;
  fileName: string | null;
  text: string | null;
}

export interface OriginalityPair {
  kind: 'image' | 'text';
  similarity: number;
  a: DuplicateSide;
  b: DuplicateSide;
}
