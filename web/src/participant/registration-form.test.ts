import { describe, expect, it } from 'vitest';
import type { ContestView, Eligibility, RegistrationInput, RegistrationView } from '../api/types.ts';
import { emptyInput, inputFromRegistration, knownFields, layoutOf, placeOf, toRequest, withPlace } from './registration-form.ts';

const eligibility = (over: Partial<Eligibility> = {}): Eligibility => ({
  entrantKinds: ['individual', 'team', 'organisation'],
  rules: [{ rule: 'teamSize', text: { zh: '团队不超过 10 人（含负责人）', en: 'At most 10 people' }, params: { max: 10 } }],
  declarations: [{ id: 'original', text: '作品为原创' }],
  teamSize: { max: 10 },
  studentsOnly: false,
  legalEntityOnly: false,
  ...over,
});

const sub = (id: string, name: string, e: Eligibility) => ({ id, name, eligibility: e });

const contest = {
  id: 'jjj-2026',
  tracks: [
    {
      id: 'publicity',
      name: '社保卡宣传赛道',
      eligibility: eligibility(),
      groups: [],
      categories: [],
      topics: [],
      topicRequired: false,
      openChallenges: false,
    },
    {
      id: 'app-dev',
      name: '应用开发赛道',
      eligibility: eligibility(),
      groups: [
        sub('campus', '校园组', eligibility({ entrantKinds: ['individual', 'team'], studentsOnly: true, advisors: { max: 2 } })),
        sub('society', '社会组', eligibility()),
      ],
      categories: [],
      topics: [],
      topicRequired: false,
      openChallenges: false,
    },
    {
      id: 'solo',
      name: '单组赛道',
      eligibility: eligibility(),
      groups: [sub('only', '唯一组', eligibility({ entrantKinds: ['organisation'] }))],
      categories: [],
      topics: [],
      topicRequired: false,
      openChallenges: false,
    },
  ],
  zones: [],
} as unknown as ContestView;

describe('the registration form', () => {
  it('starts blank with no track chosen when the contest has several', () => {
    const input = emptyInput(contest);
    expect(input.trackId).toBe('');
    expect(placeOf(contest, input).eligibility).toBeUndefined();
  });

  it('reads the rules of the group once a track with groups has one chosen', () => {
    const input = withPlace(contest, emptyInput(contest), { trackId: 'app-dev' });
    expect(placeOf(contest, input).eligibility).toBeUndefined();
    const campus = withPlace(contest, input, { groupId: 'campus' });
    expect(placeOf(contest, campus).eligibility?.studentsOnly).toBe(true);
  });

  it('clears the group when the track changes, and takes a single group by itself', () => {
    const campus = withPlace(contest, withPlace(contest, emptyInput(contest), { trackId: 'app-dev' }), { groupId: 'campus' });
    const publicity = withPlace(contest, campus, { trackId: 'publicity' });
    expect(publicity.groupId).toBeUndefined();
    const solo = withPlace(contest, campus, { trackId: 'solo' });
    expect(solo.groupId).toBe('only');
  });

  it('moves the entrant kind to one the new place allows', () => {
    const input: RegistrationInput = { ...emptyInput(contest), entrantKind: 'organisation' };
    const campus = withPlace(contest, withPlace(contest, input, { trackId: 'app-dev' }), { groupId: 'campus' });
    expect(campus.entrantKind).toBe('individual');
    const team = withPlace(contest, { ...campus, entrantKind: 'team' }, { groupId: 'campus' });
    expect(team.entrantKind).toBe('team');
  });

  it('shows members for a team, advisors only where allowed, organisations for an organisation', () => {
    const campus = contest.tracks[1].groups[0].eligibility;
    const society = contest.tracks[1].groups[1].eligibility;
    expect(layoutOf(campus, 'team')).toEqual({
      teamName: true,
      members: true,
      advisors: true,
      organisations: false,
      person: { student: true, experience: false, employerType: false },
    });
    expect(layoutOf(society, 'team').advisors).toBe(false);
    expect(layoutOf(society, 'organisation')).toMatchObject({ members: false, organisations: true, teamName: false });
  });

  it('sends only what the kind of entrant has, trimmed, without empty optional fields', () => {
    const input: RegistrationInput = {
      title: '  社保卡助手 ',
      trackId: 'app-dev',
      groupId: 'society',
      entrantKind: 'team',
      teamName: ' 飞鸟队 ',
      leader: { name: '张三 ', phone: '13800000000', email: '', idNumber: '' },
      members: [{ name: '李四', phone: '', email: 'li@example.cn', idNumber: '' }],
      advisors: [{ name: '王老师' }],
      organisations: [{ name: '某公司', type: 'enterprise', isLead: true, hasLegalEntity: true }],
      declarations: ['original'],
    };
    const layout = layoutOf(contest.tracks[1].groups[1].eligibility, 'team');
    expect(toRequest(input, layout)).toEqual({
      title: '社保卡助手',
      trackId: 'app-dev',
      groupId: 'society',
      entrantKind: 'team',
      teamName: '飞鸟队',
      leader: { name: '张三', phone: '13800000000' },
      members: [{ name: '李四', email: 'li@example.cn' }],
      advisors: [],
      organisations: [],
      declarations: ['original'],
    });
  });

  it('knows the field names it shows, row by row', () => {
    const input = { ...emptyInput(contest), members: [{ name: '' }, { name: '' }] };
    const known = knownFields(input, layoutOf(eligibility(), 'team'));
    expect(known.has('members.1.idNumber')).toBe(true);
    expect(known.has('members.2.idNumber')).toBe(false);
    expect(known.has('teamName')).toBe(true);
    expect(known.has('organisations')).toBe(false);
  });

  it('prefills the form from a registration for editing', () => {
    const registration = {
      id: 'r1',
      title: '社保卡助手',
      track: { id: 'app-dev', name: '应用开发赛道' },
      group: { id: 'society', name: '社会组' },
      entrantKind: 'team',
      teamName: '飞鸟队',
      leader: { name: '张三', phone: '13800000000', status: 'confirmed' },
      members: [{ name: '李四', status: 'invited' }],
      advisors: [],
      organisations: [],
      declarations: ['original'],
    } as unknown as RegistrationView;
    expect(inputFromRegistration(registration)).toEqual({
      title: '社保卡助手',
      trackId: 'app-dev',
      groupId: 'society',
      entrantKind: 'team',
      teamName: '飞鸟队',
      leader: { name: '张三', phone: '13800000000', email: '', idNumber: '' },
      members: [{ name: '李四', phone: '', email: '', idNumber: '' }],
      advisors: [],
      organisations: [],
      declarations: ['original'],
    });
  });
});
