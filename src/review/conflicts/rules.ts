/**
 * Conflicts of interest (回避) between judges and entries, over plain data. Leitai finds two kinds
 * itself: the same organisation (a judge's organisation, employer or school is an entry's organisation,
 * or a school or employer of its leader, members or advisors) and the same person (the judge's account
 * is one of the entry's, or their ID number, phone or email is one of its people's). A judge also
 * declares conflicts: an entry, an organisation (matched like the found ones) or a person (by an
 * identifier, or by exact name when no identifier is given).
 *
 * Names compare as `comparableText` (繁简, full-width, spacing folded); identifiers in the canonical
 * forms registration keeps. An empty value never matches. Each reason names the organisation and the
 * role it matched (成员, 指导老师…), never a phone or ID number. One pass over the entries with the
 * judges and declarations in maps: 10,000 entries × 1,000 judges take well under a second.
 */
import type { LocalisedText } from '../../platform/errors.ts';
import { comparableText } from '../../platform/text.ts';
import { isValidMobile, maskEmail, maskIdNumber, maskPhone, normaliseIdNumber, normalisePhone } from '../../registration/identity.ts';

export type PersonRole = 'leader' | 'member' | 'advisor';
type OrgField = 'organisation' | 'employer' | 'school';

export interface JudgeKeys {
  id: string;
  accountId: string | null;
  organisation: string;
  employer: string;
  school: string;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
}

export interface EntryPerson {
  role: PersonRole;
  name: string;
  school?: string;
  employer?: string;
  idNumber?: string;
  phone?: string;
  email?: string;
}

export interface EntryKeys {
  id: string;
  /** Its accounts: the one that registered it (`owner`), and its people's who confirmed with one. */
  accounts: { accountId: string; role: PersonRole | 'owner' }[];
  /** The names of its organisations (参赛单位). */
  organisations: string[];
  people: EntryPerson[];
}

export type Declared = { id: string; judgeId: string; note: string } & (
  | { kind: 'entry'; registrationId: string }
  | { kind: 'organisation'; organisation: string }
  | { kind: 'person'; name: string | null; identifier: string | null }
);

export const reasonKinds = ['declared-entry', 'declared-organisation', 'declared-person', 'organisation', 'employer', 'school', 'person'] as const;
export type ReasonKind = (typeof reasonKinds)[number];

export interface Reason {
  kind: ReasonKind;
  detail: LocalisedText;
}

export interface Conflict {
  judgeId: string;
  registrationId: string;
  reasons: Reason[];
}

type Via = 'account' | 'id' | 'phone' | 'email';
/** Where in an entry an organisation's name was found. */
type Side = 'organisation' | `${PersonRole}.${'school' | 'employer'}`;
type Who = PersonRole | 'owner';

const whoLabels: Record<Who, LocalisedText> = {
  owner: { zh: '报名人', en: 'registrant' },
  leader: { zh: '负责人', en: 'leader' },
  member: { zh: '成员', en: 'member' },
  advisor: { zh: '指导老师', en: 'advisor' },
};
const viaLabels: Record<Via, LocalisedText> = {
  account: { zh: '账号', en: 'account' },
  id: { zh: '身份证号', en: 'ID number' },
  phone: { zh: '手机号', en: 'phone' },
  email: { zh: '邮箱', en: 'email' },
};
const fieldLabels: Record<OrgField, LocalisedText> = {
  organisation: { zh: '所在单位', en: 'organisation' },
  employer: { zh: '工作单位', en: 'employer' },
  school: { zh: '学校', en: 'school' },
};
const sideLabel = (side: Side): LocalisedText => {
  if (side === 'organisation') return { zh: '参赛单位', en: 'entrant organisation' };
  const [who, field] = side.split('.') as [PersonRole, 'school' | 'employer'];
  return { zh: `${whoLabels[who].zh}的${fieldLabels[field].zh}`, en: `${whoLabels[who].en}'s ${fieldLabels[field].en}` };
};

const joined = (labels: LocalisedText[]): LocalisedText => ({ zh: labels.map((l) => l.zh).join('、'), en: labels.map((l) => l.en).join(', ') });
const noted = (detail: LocalisedText, note: string): LocalisedText =>
  note === '' ? detail : { zh: `${detail.zh}（说明：${note}）`, en: `${detail.en} (note: ${note})` };

/**
 * Calls `found` with each of a person's identifiers in the form registration keeps them
 * (`phone:13912345678`): a callback, not a list, since this runs for every person of every entry.
 */
const eachIdentifier = (person: { idNumber?: string | null; phone?: string | null; email?: string | null }, found: (via: Via, id: string) => void) => {
  if (person.idNumber) found('id', `id:${normaliseIdNumber(person.idNumber)}`);
  if (person.phone) found('phone', `phone:${normalisePhone(person.phone)}`);
  const email = person.email?.trim();
  if (email) found('email', `email:${email.toLowerCase()}`);
};

/** A declared identifier may be any of the three: it is looked up in each canonical form. */
const declaredIdentifierForms = (value: string) => [`id:${normaliseIdNumber(value)}`, `phone:${normalisePhone(value)}`, `email:${value.trim().toLowerCase()}`];

/** A declared identifier as replies and audit events show it: masked as the kind it looks like. */
export const maskIdentifier = (value: string) =>
  value.includes('@') ? maskEmail(value.trim()) : isValidMobile(value) ? maskPhone(value) : maskIdNumber(value);

/**
 * What one judge matched in one entry, grouped as the reasons will be: each list without repeats,
 * made only when something is found (lists, not sets: they hold a few items, and every pair in
 * conflict has one of these).
 */
interface Hits {
  organisation?: Side[];
  employer?: Side[];
  school?: Side[];
  who?: Who[];
  via?: Via[];
  declared?: { declared: Declared; where: (Side | PersonRole)[] }[];
}

const withOnce = <T>(list: T[] | undefined, value: T): T[] => {
  if (!list) return [value];
  if (!list.includes(value)) list.push(value);
  return list;
};

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** The judges and declarations in maps keyed as an entry's values are looked up. */
function indexJudges(judges: JudgeKeys[], declared: Declared[], key: (text: string) => string) {
  const byOrganisation = new Map<string, { judge: number; field: OrgField }[]>();
  const byIdentifier = new Map<string, { judge: number; via: Via }[]>();
  const byAccount = new Map<string, number[]>();
  judges.forEach((judge, index) => {
    for (const field of ['organisation', 'employer', 'school'] as const) {
      const k = key(judge[field]);
      if (k !== '') push(byOrganisation, k, { judge: index, field });
    }
    eachIdentifier(judge, (via, id) => push(byIdentifier, id, { judge: index, via }));
    if (judge.accountId) push(byAccount, judge.accountId, index);
  });
  const judgeIndex = new Map(judges.map((judge, index) => [judge.id, index]));
  const entries = new Map<string, { judge: number; declared: Declared }[]>();
  const organisations = new Map<string, { judge: number; declared: Declared }[]>();
  const identifiers = new Map<string, { judge: number; declared: Declared }[]>();
  const names = new Map<string, { judge: number; declared: Declared }[]>();
  for (const declaration of declared) {
    const judge = judgeIndex.get(declaration.judgeId);
    if (judge === undefined) continue;
    const item = { judge, declared: declaration };
    if (declaration.kind === 'entry') push(entries, declaration.registrationId, item);
    else if (declaration.kind === 'organisation') {
      const k = key(declaration.organisation);
      if (k !== '') push(organisations, k, item);
    } else if (declaration.identifier?.trim()) for (const form of new Set(declaredIdentifierForms(declaration.identifier))) push(identifiers, form, item);
    else if (declaration.name?.trim()) push(names, declaration.name.trim(), item);
  }
  return { byOrganisation, byIdentifier, byAccount, declared: { entries, organisations, identifiers, names } };
}

type JudgeIndex = ReturnType<typeof indexJudges>;

/** What a lookup that finds nothing iterates: one shared empty list, not a new one per miss. */
const none: readonly never[] = [];
const sidesOf = {
  leader: { school: 'leader.school', employer: 'leader.employer' },
  member: { school: 'member.school', employer: 'member.employer' },
  advisor: { school: 'advisor.school', employer: 'advisor.employer' },
} as const satisfies Record<PersonRole, Record<'school' | 'employer', Side>>;

/** Every judge's matches in one entry. */
function hitsIn(entry: EntryKeys, index: JudgeIndex, key: (text: string) => string): Map<number, Hits> {
  const hits = new Map<number, Hits>();
  const of = (judge: number) => {
    let found = hits.get(judge);
    if (!found) hits.set(judge, (found = {}));
    return found;
  };
  const declaredHit = (judge: number, declared: Declared, where?: Side | PersonRole) => {
    const h = of(judge);
    h.declared ??= [];
    let item = h.declared.find((d) => d.declared === declared);
    if (!item) h.declared.push((item = { declared, where: [] }));
    if (where && !item.where.includes(where)) item.where.push(where);
  };
  const personHit = (judge: number, who: Who, via: Via) => {
    const h = of(judge);
    h.who = withOnce(h.who, who);
    h.via = withOnce(h.via, via);
  };
  const organisationHit = (text: string | undefined, side: Side) => {
    const k = text ? key(text) : '';
    if (k === '') return;
    for (const { judge, field } of index.byOrganisation.get(k) ?? none) {
      const h = of(judge);
      h[field] = withOnce(h[field], side);
    }
    for (const { judge, declared } of index.declared.organisations.get(k) ?? none) declaredHit(judge, declared, side);
  };

  for (const name of entry.organisations) organisationHit(name, 'organisation');
  for (const person of entry.people) {
    organisationHit(person.school, sidesOf[person.role].school);
    organisationHit(person.employer, sidesOf[person.role].employer);
    eachIdentifier(person, (via, id) => {
      for (const { judge } of index.byIdentifier.get(id) ?? none) personHit(judge, person.role, via);
      for (const { judge, declared } of index.declared.identifiers.get(id) ?? none) declaredHit(judge, declared, person.role);
    });
    for (const { judge, declared } of index.declared.names.get(person.name.trim()) ?? none) declaredHit(judge, declared, person.role);
  }
  for (const { accountId, role } of entry.accounts) for (const judge of index.byAccount.get(accountId) ?? none) personHit(judge, role, 'account');
  for (const { judge, declared } of index.declared.entries.get(entry.id) ?? none) declaredHit(judge, declared);
  return hits;
}

const declaredReason = ({ declared, where }: { declared: Declared; where: (Side | PersonRole)[] }): Reason => {
  if (declared.kind === 'entry')
    return { kind: 'declared-entry', detail: noted({ zh: '评委申报回避该作品', en: 'The judge declared a conflict with this entry' }, declared.note) };
  if (declared.kind === 'organisation') {
    const sides = joined(where.map((side) => sideLabel(side as Side)));
    const detail = {
      zh: `评委申报回避单位「${declared.organisation}」：该作品的${sides.zh}`,
      en: `The judge declared a conflict with "${declared.organisation}": the entry's ${sides.en}`,
    };
    return { kind: 'declared-organisation', detail: noted(detail, declared.note) };
  }
  const roles = joined(where.map((who) => whoLabels[who as PersonRole]));
  const name = declared.name?.trim();
  const detail = {
    zh: `评委申报回避人员${name ? `「${name}」` : ''}：该作品的${roles.zh}`,
    en: `The judge declared a conflict with ${name ? `"${name}"` : 'a person'}: the entry's ${roles.en}`,
  };
  return { kind: 'declared-person', detail: noted(detail, declared.note) };
};

const reasonsOf = (judge: JudgeKeys, hits: Hits): Reason[] => {
  const reasons = (hits.declared ?? []).map(declaredReason);
  for (const field of ['organisation', 'employer', 'school'] as const) {
    const sides = hits[field];
    if (!sides) continue;
    const where = joined(sides.map(sideLabel));
    reasons.push({
      kind: field,
      detail: {
        zh: `评委的${fieldLabels[field].zh}「${judge[field]}」与该作品的${where.zh}相同`,
        en: `The judge's ${fieldLabels[field].en} "${judge[field]}" is the same as the entry's ${where.en}`,
      },
    });
  }
  if (hits.who && hits.via) {
    const who = joined(hits.who.map((w) => whoLabels[w]));
    const via = joined(hits.via.map((v) => viaLabels[v]));
    reasons.push({ kind: 'person', detail: { zh: `评委本人是该作品的${who.zh}（${via.zh}相同）`, en: `The judge is the entry's ${who.en} (same ${via.en})` } });
  }
  // Declared ones come first already, and the found ones in kind order: only declarations of several kinds need sorting.
  return reasons.length > 1 ? reasons.sort((a, b) => reasonKinds.indexOf(a.kind) - reasonKinds.indexOf(b.kind)) : reasons;
};

/** Every (judge, entry) pair in conflict, with its reasons: entries in the order given, then judges. */
export function findConflicts(judges: JudgeKeys[], entries: EntryKeys[], declared: Declared[]): Conflict[] {
  const keys = new Map<string, string>();
  const key = (text: string) => {
    let k = keys.get(text);
    if (k === undefined) keys.set(text, (k = comparableText(text)));
    return k;
  };
  const index = indexJudges(judges, declared, key);
  return entries.flatMap((entry) =>
    [...hitsIn(entry, index, key)]
      .sort(([a], [b]) => a - b)
      .map(([judge, hits]) => ({ judgeId: judges[judge].id, registrationId: entry.id, reasons: reasonsOf(judges[judge], hits) })),
  );
}
