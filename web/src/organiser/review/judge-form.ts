import type { ContestView, JudgeRequest, JudgeView } from '../../api/types.ts';

/** The invite and edit form as typed: text boxes, and the ticked rounds and covers. */
export interface JudgeFormValues {
  name: string;
  title: string;
  organisation: string;
  employer: string;
  school: string;
  /** Words separated by commas (either width), 、, semicolons or new lines. */
  expertise: string;
  email: string;
  phone: string;
  idNumber: string;
  rounds: string[];
  covers: string[];
  /** Empty: no cap of the judge's own (the round's judgeCap, if any, still holds). */
  cap: string;
}

export const emptyJudgeForm: JudgeFormValues = {
  name: '',
  title: '',
  organisation: '',
  employer: '',
  school: '',
  expertise: '',
  email: '',
  phone: '',
  idNumber: '',
  rounds: [],
  covers: [],
  cap: '',
};

export const expertiseOf = (text: string) => [...new Set(text.split(/[,，、;；\n]+/).map((word) => word.trim()))].filter((word) => word !== '');

/** A cap is a whole number above 0, or nothing; anything else is refused before it is sent. */
export const capOf = (text: string): number | null | undefined => {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) && Number(trimmed) > 0 ? Number(trimmed) : undefined;
};

/**
 * The request the form sends, or null when the cap is not a whole number above 0. An edit sends the
 * masked phone, email and ID number back as shown, which the server reads as unchanged.
 */
export const judgeRequestOf = (values: JudgeFormValues): JudgeRequest | null => {
  const cap = capOf(values.cap);
  if (cap === undefined) return null;
  return {
    name: values.name.trim(),
    title: values.title.trim(),
    organisation: values.organisation.trim(),
    employer: values.employer.trim(),
    school: values.school.trim(),
    expertise: expertiseOf(values.expertise),
    email: values.email.trim(),
    phone: values.phone.trim(),
    idNumber: values.idNumber.trim(),
    rounds: values.rounds,
    covers: values.covers,
    cap,
  };
};

/** The form filled from a judge as the organiser's list shows them (contacts masked). */
export const judgeFormOf = (judge: Omit<JudgeView, 'id' | 'status' | 'hasAccount' | 'conflicts'>): JudgeFormValues => ({
  name: judge.name,
  title: judge.title,
  organisation: judge.organisation,
  employer: judge.employer,
  school: judge.school,
  expertise: judge.expertise.join('，'),
  email: judge.email ?? '',
  phone: judge.phone ?? '',
  idNumber: judge.idNumber ?? '',
  rounds: judge.rounds,
  covers: judge.covers,
  cap: judge.cap === null ? '' : String(judge.cap),
});

/** Ticks or unticks one id, keeping the definition's order so the request reads the same each time. */
export const toggled = (chosen: string[], id: string, on: boolean, order: string[]) =>
  order.filter((candidate) => (candidate === id ? on : chosen.includes(candidate)));

export interface CoverChoice {
  id: string;
  name: string;
  nameEn?: string;
  /** A whole track of several divisions, offered before its divisions. */
  isTrack: boolean;
}

/**
 * What a judge can cover, as the assignment groups entries (src/review/round-entries.ts): each
 * division, and a track of several divisions as a whole; a one-division track's id is its division's.
 */
export const coverChoices = (contest: Pick<ContestView, 'tracks' | 'divisions'>): CoverChoice[] =>
  contest.tracks.flatMap((track) => {
    const divisions = contest.divisions.filter((d) => d.trackId === track.id);
    const whole: CoverChoice[] = divisions.length > 1 ? [{ id: track.id, name: track.name, nameEn: track.nameEn, isTrack: true }] : [];
    return [...whole, ...divisions.map((d) => ({ id: d.id, name: d.name, nameEn: d.nameEn, isTrack: false }))];
  });
