import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDefinitionFile } from './load.ts';
import { resolveScope, type EntryPlace } from './scope.ts';
import type { ContestDefinition, EligibilityRule } from './schema/index.ts';
import { divisions, phasesAt, presentPhase, prizePoolCny } from './views.ts';

/** The five seed contests shipped in contests/, checked against the numbers of their announcements. */

const seedPath = (file: string) => fileURLToPath(new URL(`../../contests/${file}`, import.meta.url));

const loadSeed = async (file: string): Promise<ContestDefinition> => {
  const loaded = await loadDefinitionFile(seedPath(file));
  if (!loaded.ok) throw new Error(`${file} is invalid:\n${loaded.errors.map((e) => `${e.line} ${e.path}: ${e.message}`).join('\n')}`);
  return loaded.definition;
};

const divisionIds = (definition: ContestDefinition) => divisions(definition).map((d) => d.id);

const windowOf = (definition: ContestDefinition, phaseId: string) => {
  const phase = definition.phases.find((p) => p.id === phaseId);
  if (!phase) throw new Error(`no phase ${phaseId}`);
  const { start, end } = presentPhase(definition, phase);
  return { start, end };
};

const phaseIdsAt = (definition: ContestDefinition, iso: string) => phasesAt(definition, new Date(iso)).map((p) => p.id);

const rulesAt = (definition: ContestDefinition, place: EntryPlace): EligibilityRule[] => {
  const resolved = resolveScope(definition, place);
  if (!resolved.ok) throw new Error(`cannot resolve ${JSON.stringify(place)}: ${resolved.problem.code}`);
  return resolved.scope.rules;
};

const ruleNamed = <Name extends EligibilityRule['rule']>(rules: EligibilityRule[], name: Name) =>
  rules.find((r): r is Extract<EligibilityRule, { rule: Name }> => r.rule === name);

describe('every seed definition', () => {
  const files = [
    '000-jjj-social-security-card-2025.yaml',
    '001-hebei-smart-government-data-2022.yaml',
    '002-yangquan-medical-e-voucher-works-2022.yaml',
    '003-ilo-digital-social-security-hackathon-2021.yaml',
    '004-hebei-data-elements-2025.yaml',
  ];

  it.each(files)('%s is valid', async (file) => {
    const loaded = await loadDefinitionFile(seedPath(file));
    expect(loaded.ok ? [] : loaded.errors).toEqual([]);
  });

  it.each(files)('%s runs in Asia/Shanghai and is free to enter', async (file) => {
    const definition = await loadSeed(file);
    expect(definition.timeZone).toBe('Asia/Shanghai');
    expect(definition.free).toBe(true);
  });
});

describe('000 京津冀社保卡"一卡通"应用创新大赛', () => {
  const file = '000-jjj-social-security-card-2025.yaml';

  it('has four divisions: publicity, the campus and social groups of app development, and case selection', async () => {
    const definition = await loadSeed(file);
    expect(divisionIds(definition)).toEqual(['publicity', 'app-dev/campus', 'app-dev/social', 'case-selection']);
    expect(divisions(definition).map((d) => d.name)).toEqual(['社保卡宣传赛道', '应用开发赛道（校园组）', '应用开发赛道（社会组）', '应用案例选拔赛道']);
  });

  it('pays 156000 yuan in prizes, before tax, through 河北日报文化传媒有限公司 alone', async () => {
    const definition = await loadSeed(file);
    expect(prizePoolCny(definition)).toBe(156000);
    expect(definition.awards.preTax).toBe(true);
    expect(definition.awards.oneAwardPerEntry).toBe(true);
    expect(definition.prizePayer).toBe('河北日报文化传媒有限公司');
  });

  it('gives 优秀作品奖 with a certificate to the four finalists of each division who are not placed', async () => {
    const definition = await loadSeed(file);
    const excellence = definition.awards.groups.map((g) => g.tiers.find((t) => t.id === 'excellence'));
    expect(excellence.map((t) => [t?.count, t?.certificate, t?.decidedBy, t?.prizeCny])).toEqual([
      [4, true, 'finalists-not-placed', undefined],
      [4, true, 'finalists-not-placed', undefined],
      [4, true, 'finalists-not-placed', undefined],
      [4, true, 'finalists-not-placed', undefined],
    ]);
  });

  it('opens registration and submission from 12 May to the end of 9 September 2025', async () => {
    const definition = await loadSeed(file);
    expect(windowOf(definition, 'registration')).toEqual({ start: '2025-05-12T00:00:00+08:00', end: '2025-09-09T23:59:59+08:00' });
    expect(definition.phases.find((p) => p.id === 'registration')?.alsoKinds).toEqual(['submission']);
    expect(windowOf(definition, 'preliminary')).toEqual({ start: '2025-09-12T00:00:00+08:00', end: '2025-09-16T23:59:59+08:00' });
    expect(windowOf(definition, 'public-vote')).toEqual({ start: '2025-09-12T00:00:00+08:00', end: '2025-09-16T23:59:59+08:00' });
    expect(windowOf(definition, 'final')).toEqual({ start: '2025-09-28T00:00:00+08:00', end: '2025-09-28T23:59:59+08:00' });
  });

  it('is in registration at the last second of 9 September and in no phase a second later', async () => {
    const definition = await loadSeed(file);
    expect(phaseIdsAt(definition, '2025-09-09T23:59:59+08:00')).toEqual(['registration']);
    expect(phaseIdsAt(definition, '2025-09-10T00:00:00+08:00')).toEqual([]);
    expect(phaseIdsAt(definition, '2025-05-11T23:59:59+08:00')).toEqual([]);
    expect(phaseIdsAt(definition, '2025-09-14T12:00:00+08:00')).toEqual(['preliminary', 'public-vote']);
    expect(phaseIdsAt(definition, '2025-09-28T09:00:00+08:00')).toEqual(['final']);
  });

  it('scores the preliminary half by judges and half by the public vote, and sends 10 of each division to the final', async () => {
    const definition = await loadSeed(file);
    const [preliminary, final] = definition.review.rounds;
    expect(preliminary.weights).toEqual({ judges: 50, publicVote: 50 });
    expect(preliminary.publicVotePhase).toBe('public-vote');
    expect(preliminary.advance).toEqual({ perDivision: 10 });
    expect(final.mode).toBe('live');
  });

  it('limits teams to ten people, the leader included, everywhere', async () => {
    const definition = await loadSeed(file);
    for (const place of [{ trackId: 'publicity' }, { trackId: 'app-dev', groupId: 'social' }, { trackId: 'case-selection' }]) {
      expect(ruleNamed(rulesAt(definition, place), 'teamSize')).toMatchObject({ max: 10 });
      expect(ruleNamed(rulesAt(definition, place), 'oneEntryPerWork')).toBeDefined();
    }
  });

  it('admits only full-time students with at most two advisors to the campus group', async () => {
    const definition = await loadSeed(file);
    const rules = rulesAt(definition, { trackId: 'app-dev', groupId: 'campus' });
    expect(ruleNamed(rules, 'studentsOnly')).toBeDefined();
    expect(ruleNamed(rules, 'advisors')).toMatchObject({ max: 2 });
    expect(ruleNamed(rules, 'teamSize')).toMatchObject({ max: 10 });
    expect(ruleNamed(rules, 'entrantKinds')).toMatchObject({ allowed: ['individual', 'team'] });
  });

  it('puts neither the students-only nor the advisors rule on the social group', async () => {
    const definition = await loadSeed(file);
    const rules = rulesAt(definition, { trackId: 'app-dev', groupId: 'social' });
    expect(ruleNamed(rules, 'studentsOnly')).toBeUndefined();
    expect(ruleNamed(rules, 'advisors')).toBeUndefined();
    expect(ruleNamed(rules, 'entrantKinds')).toMatchObject({ allowed: ['individual', 'team', 'organisation'] });
  });

  it('asks the publicity track for its work alone, with no statement of its form that the article never asks for', async () => {
    const definition = await loadSeed(file);
    const resolved = resolveScope(definition, { trackId: 'publicity' });
    const works = resolved.ok ? resolved.scope.works : undefined;
    expect(works?.files.map((f) => [f.id, f.required])).toEqual([['work', true]]);
    expect(works?.fields).toEqual([]);
  });

  it("registers a campus entry under its leader's school, and a social entry under none", async () => {
    const definition = await loadSeed(file);
    const [campus, social] = definition.tracks.find((t) => t.id === 'app-dev')!.groups;
    expect([campus.entrySchool, social.entrySchool]).toEqual(['leader', undefined]);
  });

  it('gives the public vote the window of the preliminary, marked as not published', async () => {
    const definition = await loadSeed(file);
    expect(definition.phases.filter((p) => p.unpublished).map((p) => [p.id, p.unpublished])).toEqual([['public-vote', ['start', 'end']]]);
  });

  it('asks entrants to declare that every member took part and that the information and IP are clean', async () => {
    const definition = await loadSeed(file);
    const declarations = ruleNamed(definition.rules, 'declarations');
    expect(declarations?.items.map((i) => i.id)).toEqual(['actual-participants', 'truthful-and-clear-ip', 'accept-rules']);
  });
});

describe('001 河北省首届“智慧政务 创想未来”数据应用创新创业大赛', () => {
  const file = '001-hebei-smart-government-data-2022.yaml';

  it('has three tracks, each a division', async () => {
    const definition = await loadSeed(file);
    expect(divisionIds(definition)).toEqual(['government-services', 'economic-development', 'financial-innovation']);
  });

  it('pays 1280000 yuan: one 500000 grand prize and 1, 2, 3 prizes of 100000, 50000, 20000 in each track', async () => {
    const definition = await loadSeed(file);
    expect(prizePoolCny(definition)).toBe(1280000);
    const [contestWide, perTrack] = definition.awards.groups;
    expect(contestWide.divisions).toBe('contest');
    expect(contestWide.tiers.map((t) => [t.id, t.count, t.prizeCny])).toEqual([
      ['grand', 1, 500000],
      ['special', undefined, undefined],
      ['popularity', 1, undefined],
    ]);
    expect(perTrack.divisions).toBe('each');
    expect(perTrack.tiers.map((t) => [t.id, t.count, t.prizeCny])).toEqual([
      ['first', 1, 100000],
      ['second', 2, 50000],
      ['third', 3, 20000],
    ]);
  });

  it('gives every finalist prizes and a medal, 创新精神奖 among them, and does not say whether prizes are before tax', async () => {
    const definition = await loadSeed(file);
    const finalists = definition.awards.groups[2];
    expect(finalists.divisions).toBe('contest');
    expect(finalists.tiers.map((t) => [t.id, t.name, t.goods, t.decidedBy, t.count, t.prizeCny])).toEqual([
      ['finalist-prizes', '总决赛入围奖品及奖牌', '不同类型奖品及奖牌', 'finalists', undefined, undefined],
      ['innovation-spirit', '创新精神奖', '奖品及奖牌', 'judges', undefined, undefined],
    ]);
    expect(definition.awards.preTax).toBeUndefined();
  });

  it('names the organising committee as published and says when the names of the review committee will be', async () => {
    const definition = await loadSeed(file);
    const [organising, review] = definition.committees;
    expect(organising.members).toHaveLength(16);
    expect(organising.members.filter((m) => m.role !== '秘书处').map((m) => `${m.role} ${m.name}`)).toEqual([
      '顾问 吴显国',
      '顾问 陈中新',
      '主任 张瑞书',
      '副主任 王彤',
      '副主任 王 东',
      '副主任 甘中达',
    ]);
    expect(review).toMatchObject({ id: 'review-committee', members: [], membersPublished: '根据组委会邀请结果在赛事初选之前向社会公布评审委员会人员名单' });
  });

  it('offers guaranteed loans of 20万 a person, 22万 a partner up to 130万, 300万 for a small firm, with interest subsidised, and three more measures', async () => {
    const definition = await loadSeed(file);
    const measures = definition.support?.measures ?? [];
    expect(measures.map((m) => m.id)).toEqual(['startup-guarantee-loans', 'commerce-promotion', 'technology-services', 'policy-support']);
    expect(measures[0].loanLimits?.map((l) => l.maxCny)).toEqual([200000, 220000, 1300000, 3000000]);
    expect(measures[0].interestSubsidy).toBe('由财政部门按照有关规定给予贴息支持');
  });

  it('gives 单项奖 若干 and a popularity award decided by the public vote alone', async () => {
    const definition = await loadSeed(file);
    const tiers = definition.awards.groups[0].tiers;
    expect(tiers.find((t) => t.id === 'special')?.countAsPublished).toBe('若干');
    expect(tiers.find((t) => t.id === 'popularity')).toMatchObject({ decidedBy: 'public-vote', independentOfFinal: true });
  });

  it('keeps every dated stage of 十二、赛事安排', async () => {
    const definition = await loadSeed(file);
    const windows = Object.fromEntries(definition.phases.map((p) => [p.id, windowOf(definition, p.id)]));
    expect(windows).toEqual({
      launch: { start: '2022-03-01T00:00:00+08:00', end: '2022-03-10T23:59:59+08:00' },
      'press-conference': { start: '2022-03-10T00:00:00+08:00', end: '2022-03-10T23:59:59+08:00' },
      registration: { start: '2022-03-10T00:00:00+08:00', end: '2022-06-20T23:59:59+08:00' },
      'media-call': { start: '2022-04-01T00:00:00+08:00', end: '2022-05-31T23:59:59+08:00' },
      'selection-stage': { start: '2022-06-21T00:00:00+08:00', end: '2022-07-31T23:59:59+08:00' },
      'review-planning': { start: '2022-06-21T00:00:00+08:00', end: '2022-06-30T23:59:59+08:00' },
      preliminary: { start: '2022-07-02T00:00:00+08:00', end: '2022-07-15T23:59:59+08:00' },
      semifinal: { start: '2022-07-15T00:00:00+08:00', end: '2022-07-31T23:59:59+08:00' },
      final: { start: '2022-08-01T00:00:00+08:00', end: '2022-08-20T23:59:59+08:00' },
      'public-vote': { start: '2022-08-01T00:00:00+08:00', end: '2022-08-20T23:59:59+08:00' },
      ceremony: { start: '2022-08-26T00:00:00+08:00', end: '2022-09-10T23:59:59+08:00' },
      promotion: { start: '2022-09-10T00:00:00+08:00', end: '2022-09-30T23:59:59+08:00' },
    });
  });

  it('knows which stages are open at chosen instants', async () => {
    const definition = await loadSeed(file);
    expect(phaseIdsAt(definition, '2022-06-20T23:59:59+08:00')).toEqual(['registration']);
    expect(phaseIdsAt(definition, '2022-06-21T00:00:00+08:00')).toEqual(['selection-stage', 'review-planning']);
    expect(phaseIdsAt(definition, '2022-07-01T12:00:00+08:00')).toEqual(['selection-stage']);
    expect(phaseIdsAt(definition, '2022-07-15T12:00:00+08:00')).toEqual(['selection-stage', 'preliminary', 'semifinal']);
    expect(phaseIdsAt(definition, '2022-08-21T00:00:00+08:00')).toEqual([]);
  });

  it('reviews by track, then semifinal, then final, without counting the public vote', async () => {
    const definition = await loadSeed(file);
    expect(definition.review.rounds.map((r) => [r.id, r.phase, r.divisions, r.weights.publicVote])).toEqual([
      ['preliminary', 'preliminary', 'each', 0],
      ['semifinal', 'semifinal', 'each', 0],
      ['final', 'final', 'each', 0],
    ]);
  });

  it('limits teams to ten and forbids a member on two teams, in every track', async () => {
    const definition = await loadSeed(file);
    const rules = rulesAt(definition, { trackId: 'financial-innovation' });
    expect(ruleNamed(rules, 'teamSize')).toMatchObject({ max: 10 });
    expect(ruleNamed(rules, 'exclusiveMembers')).toBeDefined();
    expect(ruleNamed(rules, 'entrantKinds')).toMatchObject({ allowed: ['individual', 'team', 'organisation'] });
    expect(ruleNamed(rules, 'organisationTypes')?.allowed).toEqual([
      'government',
      'university',
      'research-institute',
      'enterprise',
      'public-institution',
      'financial-institution',
    ]);
  });

  it('asks for PDF or PPT material and a video of at most five minutes, named entrant+title', async () => {
    const definition = await loadSeed(file);
    const works = definition.works!;
    expect(works.naming).toBe('{entrantName}+{title}');
    expect(works.files.map((f) => [f.id, f.kinds])).toEqual([
      ['material', ['pdf', 'ppt', 'pptx']],
      ['video', ['mp4', 'mov']],
    ]);
    expect(works.files[1].video?.maxDurationSeconds).toBe(300);
    expect(works.fields.find((f) => f.id === 'prototype-url')).toMatchObject({ type: 'url', required: false });
  });
});

describe('002 2022“漾泉医保”医保电子凭证创意作品征集', () => {
  const file = '002-yangquan-medical-e-voucher-works-2022.yaml';

  it('has five divisions: four categories of works and the ambassador call', async () => {
    const definition = await loadSeed(file);
    expect(divisionIds(definition)).toEqual(['works/graphic-design', 'works/video', 'works/cultural-creative', 'works/copywriting', 'ambassador']);
    expect(definition.tracks[0].categories.map((c) => c.name)).toEqual(['平面设计类', '视频类', '文创产品类', '文案类']);
  });

  it('gives prizes in kind only: gold, silver, bronze per category and three ambassadors, all by votes', async () => {
    const definition = await loadSeed(file);
    expect(prizePoolCny(definition)).toBe(0);
    const [works, ambassador] = definition.awards.groups;
    expect(works.tiers.map((t) => [t.name, t.count, t.goods, t.certificate, t.decidedBy])).toEqual([
      ['金奖', 1, '奖品', true, 'public-vote'],
      ['银奖', 1, '奖品', true, 'public-vote'],
      ['铜奖', 1, '奖品', true, 'public-vote'],
    ]);
    expect(ambassador.divisions).toEqual(['ambassador']);
    expect(ambassador.tiers[0]).toMatchObject({ count: 3, title: '医保电子凭证推荐官', decidedBy: 'public-vote', certificate: true });
  });

  it('registers from 15 September to 5 October and votes from 10 to 15 October 2022', async () => {
    const definition = await loadSeed(file);
    expect(windowOf(definition, 'registration')).toEqual({ start: '2022-09-15T00:00:00+08:00', end: '2022-10-05T23:59:59+08:00' });
    expect(windowOf(definition, 'public-vote')).toEqual({ start: '2022-10-10T00:00:00+08:00', end: '2022-10-15T23:59:59+08:00' });
    expect(windowOf(definition, 'activity')).toEqual({ start: '2022-09-15T00:00:00+08:00', end: '2022-10-15T23:59:59+08:00' });
    expect(phaseIdsAt(definition, '2022-10-05T23:59:59+08:00')).toEqual(['activity', 'registration']);
    expect(phaseIdsAt(definition, '2022-10-06T00:00:00+08:00')).toEqual(['activity', 'screening']);
    expect(phaseIdsAt(definition, '2022-10-15T23:59:59+08:00')).toEqual(['activity', 'public-vote']);
    expect(phaseIdsAt(definition, '2022-10-16T00:00:00+08:00')).toEqual([]);
  });

  it('ranks by the public vote alone', async () => {
    const definition = await loadSeed(file);
    const vote = definition.review.rounds.find((r) => r.id === 'public-vote');
    expect(vote?.weights).toEqual({ judges: 0, publicVote: 100 });
  });

  it('asks graphic designs for EXIF-bearing JPEGs at least 800 px on the long side', async () => {
    const definition = await loadSeed(file);
    const resolved = resolveScope(definition, { trackId: 'works', categoryId: 'graphic-design' });
    const works = resolved.ok ? resolved.scope.works : undefined;
    expect(works?.naming).toBe('{category}+{title}+{leaderName}+{leaderPhone}');
    expect(works?.files.map((f) => [f.kinds, f.count, f.image])).toEqual([[['jpeg'], { min: 1, max: 1 }, { minLongSidePx: 800, exifRequired: true }]]);
  });

  it('asks videos for landscape MP4 of at most 180 s, at least 960×540, with subtitles', async () => {
    const definition = await loadSeed(file);
    const resolved = resolveScope(definition, { trackId: 'works', categoryId: 'video' });
    const video = resolved.ok ? resolved.scope.works?.files[0] : undefined;
    expect(video?.kinds).toEqual(['mp4']);
    expect(video?.video).toEqual({ maxDurationSeconds: 180, orientation: 'landscape', minWidthPx: 960, minHeightPx: 540, subtitles: 'required' });
  });

  it('limits the design note to 100 字 and copywriting to 20 字', async () => {
    const definition = await loadSeed(file);
    const fieldsOf = (categoryId: string) => {
      const resolved = resolveScope(definition, { trackId: 'works', categoryId });
      return resolved.ok ? resolved.scope.works?.fields.map((f) => [f.id, f.maxChars]) : undefined;
    };
    expect(fieldsOf('cultural-creative')).toEqual([['design-note', 100]]);
    expect(fieldsOf('copywriting')).toEqual([['copy', 20]]);
  });

  it('admits only individuals outside medical insurance departments as ambassadors', async () => {
    const definition = await loadSeed(file);
    const rules = rulesAt(definition, { trackId: 'ambassador' });
    expect(ruleNamed(rules, 'entrantKinds')).toMatchObject({ allowed: ['individual'] });
    expect(ruleNamed(rules, 'excludedEmployers')).toMatchObject({
      organisationTypes: ['medical-insurance-department'],
      nameContains: ['医疗保障', '医保'],
    });
    expect(ruleNamed(rulesAt(definition, { trackId: 'works', categoryId: 'video' }), 'excludedEmployers')).toBeUndefined();
  });
});

describe('003 “数字化社会保障”创客马拉松', () => {
  const file = '003-ilo-digital-social-security-hackathon-2021.yaml';

  it('has one division and no prize money', async () => {
    const definition = await loadSeed(file);
    expect(divisionIds(definition)).toEqual(['hackathon']);
    expect(prizePoolCny(definition)).toBe(0);
  });

  it('accepts teams only, of at most four, each member with two years of work', async () => {
    const definition = await loadSeed(file);
    const rules = rulesAt(definition, { trackId: 'hackathon' });
    expect(ruleNamed(rules, 'entrantKinds')).toMatchObject({ allowed: ['team'] });
    expect(ruleNamed(rules, 'teamSize')).toMatchObject({ min: 2, max: 4 });
    expect(ruleNamed(rules, 'minExperienceYears')).toMatchObject({ years: 2 });
  });

  it('opens applications on the earliest defensible day, 10 June 2021, marked as not published', async () => {
    const definition = await loadSeed(file);
    expect(windowOf(definition, 'registration').start).toBe('2021-06-10T00:00:00+08:00');
    expect(definition.phases.map((p) => [p.id, p.unpublished])).toEqual([
      ['registration', ['start']],
      ['selection', ['start', 'end']],
      ['online-stage', ['start', 'end']],
      ['workshop', undefined],
    ]);
  });

  it('asks for an initial concept proposal with the application, three materials at the end of the online stage and two at the workshop', async () => {
    const definition = await loadSeed(file);
    const works = definition.tracks[0].works!;
    const byPhase = (phase: string) => [...works.fields, ...works.files].filter((r) => r.phase === phase).map((r) => r.name);
    expect(byPhase('registration')).toEqual(['初步概念提案']);
    expect(byPhase('online-stage')).toEqual(['演示视频链接', '在线作品展示（演示文稿）', '愿景宣言', '可测试原型（文档）']);
    expect(byPhase('workshop')).toEqual(['数字应用程序链接', '在线作品展示（线下阶段）', '更详细的数字化可测试原型（文档）']);
    expect([...works.fields, ...works.files].filter((r) => !r.phase)).toEqual([]);
  });

  it('closes applications at the end of 30 August 2021 and holds the workshop on 10–11 November in 杭州', async () => {
    const definition = await loadSeed(file);
    expect(windowOf(definition, 'registration').end).toBe('2021-08-30T23:59:59+08:00');
    expect(windowOf(definition, 'workshop')).toEqual({ start: '2021-11-10T00:00:00+08:00', end: '2021-11-11T23:59:59+08:00' });
    expect(definition.phases.find((p) => p.id === 'workshop')?.place).toBe('中国杭州（具体地点随后公布）');
    expect(phaseIdsAt(definition, '2021-08-30T23:59:59+08:00')).toEqual(['registration']);
    expect(phaseIdsAt(definition, '2021-08-31T00:00:00+08:00')).toEqual(['selection']);
    expect(phaseIdsAt(definition, '2021-11-11T23:59:59+08:00')).toEqual(['workshop']);
  });

  it('selects 20 teams on six criteria scored 1–10, then 5 for the workshop', async () => {
    const definition = await loadSeed(file);
    const [selection, online, workshop] = definition.review.rounds;
    expect(selection.rubric?.map((c) => c.scale)).toEqual(Array(6).fill({ min: 1, max: 10 }));
    expect(selection.advance).toEqual({ total: 20 });
    expect(online.advance).toEqual({ total: 5 });
    expect(workshop.mode).toBe('live');
  });

  it('judges the final submissions on 创新性 30 and five more criteria', async () => {
    const definition = await loadSeed(file);
    const workshop = definition.review.rounds.find((r) => r.id === 'workshop');
    expect(workshop?.rubric?.map((c) => [c.name, c.weight])).toEqual([
      ['创新性', 30],
      ['实用价值', 15],
      ['升级和发展潜力', 15],
      ['社会效益', 15],
      ['原型的可用性', 15],
      ['文本表述', 10],
    ]);
  });

  it('rewards three winning teams and certifies the online participants, with no money', async () => {
    const definition = await loadSeed(file);
    const tiers = definition.awards.groups[0].tiers;
    expect(tiers.map((t) => [t.id, t.count, t.prizeCny, t.certificate])).toEqual([
      ['winners', 3, undefined, false],
      ['participation-certificate', undefined, undefined, true],
    ]);
  });
});

describe('004 2025年“数据要素×”大赛河北分赛', () => {
  const file = '004-hebei-data-elements-2025.yaml';

  it('has 15 tracks: 13 industries, open innovation and Beijing–Tianjin–Hebei coordination', async () => {
    const definition = await loadSeed(file);
    expect(definition.tracks.map((t) => t.name)).toEqual([
      '工业制造赛道',
      '现代农业赛道',
      '商贸流通赛道',
      '交通运输赛道',
      '金融服务赛道',
      '科技创新赛道',
      '文化旅游赛道',
      '医疗健康赛道',
      '医疗保障赛道',
      '应急管理赛道',
      '气象服务赛道',
      '城市治理赛道',
      '绿色低碳赛道',
      '开放创新赛道',
      '京津冀协同发展赛道',
    ]);
    expect(divisionIds(definition)).toHaveLength(15);
    expect(prizePoolCny(definition)).toBe(0);
  });

  it('marks the six industry tracks with 揭榜挂帅 sub-topics', async () => {
    const definition = await loadSeed(file);
    expect(definition.tracks.filter((t) => t.openChallenges).map((t) => t.id)).toEqual([
      'industrial-manufacturing',
      'commerce-circulation',
      'financial-services',
      'culture-tourism',
      'urban-governance',
      'green-low-carbon',
    ]);
  });

  it('closes the two named open-innovation topics to registration and counts 4 and 9 topics as published', async () => {
    const definition = await loadSeed(file);
    const closed = definition.tracks.flatMap((t) => t.topics.filter((topic) => topic.registration === 'closed'));
    expect(closed.map((t) => t.name)).toEqual(['建设高质量垂直行业大模型数据集', '公共数据与社会数据融合应用']);
    const byId = Object.fromEntries(definition.tracks.map((t) => [t.id, t]));
    expect(byId['open-innovation'].topicCountAsPublished).toBe(4);
    expect(byId['jjj-coordinated-development'].topicCountAsPublished).toBe(9);
    expect(byId['jjj-coordinated-development'].topics.map((t) => t.name)).toEqual(['区域产业协同', '生态环境联治', '医疗服务共享']);
    expect(definition.tracks.filter((t) => t.topicRequired)).toEqual([]);
  });

  it('reads 企业、事业单位、科研院所、高校等单位 as open: a bank or a social organisation enters an industry track', async () => {
    const definition = await loadSeed(file);
    const allowedIn = (trackId: string) => ruleNamed(rulesAt(definition, { trackId, zoneId: 'zhangjiakou' }), 'organisationTypes')?.allowed;
    expect(allowedIn('financial-services')).toEqual([
      'enterprise',
      'financial-institution',
      'research-institute',
      'university',
      'social-organisation',
      'designated-medical-institution',
      'other',
    ]);
  });

  it('admits government departments and 事业单位 to open innovation but not to industrial manufacturing', async () => {
    const definition = await loadSeed(file);
    const allowedIn = (trackId: string) => ruleNamed(rulesAt(definition, { trackId, zoneId: 'zhangjiakou' }), 'organisationTypes')?.allowed;
    expect(allowedIn('open-innovation')).toEqual([
      'enterprise',
      'financial-institution',
      'research-institute',
      'university',
      'social-organisation',
      'designated-medical-institution',
      'other',
      'government',
      'public-institution',
    ]);
    expect(allowedIn('industrial-manufacturing')).not.toContain('government');
    expect(allowedIn('industrial-manufacturing')).not.toContain('public-institution');
    const withGovernment = definition.tracks.filter((t) => allowedIn(t.id)?.includes('public-institution')).map((t) => t.id);
    expect(withGovernment).toEqual(['emergency-management', 'meteorological-services', 'urban-governance', 'open-innovation', 'jjj-coordinated-development']);
  });

  it('admits only legal-entity organisations, with a lead organisation for joint entries', async () => {
    const definition = await loadSeed(file);
    const rules = rulesAt(definition, { trackId: 'urban-governance', zoneId: 'zhangjiakou' });
    expect(rules.map((r) => r.rule)).toEqual(['entrantKinds', 'legalEntityOnly', 'organisationTypes', 'leadOrganisation', 'oneEntryPerWork', 'declarations']);
    expect(ruleNamed(rules, 'entrantKinds')).toMatchObject({ allowed: ['organisation'] });
  });

  it('takes supplementary materials during the preliminary review, only when the committee asks', async () => {
    const definition = await loadSeed(file);
    expect(definition.works?.files.map((f) => [f.id, f.phase, f.required])).toEqual([['supplementary-materials', 'preliminary', false]]);
  });

  it('requires the 张家口 zone', async () => {
    const definition = await loadSeed(file);
    expect(definition.zones.map((z) => [z.name, z.coordinator])).toEqual([['张家口赛区', '张家口市数据和政务服务局']]);
    expect(resolveScope(definition, { trackId: 'transport' })).toEqual({
      ok: false,
      problem: { code: 'place.zone_required', value: '张家口赛区' },
    });
  });

  it('reads 6月上旬-7月下旬 as 1 June to 31 July and the later stages by 上旬/中旬/下旬', async () => {
    const definition = await loadSeed(file);
    expect(windowOf(definition, 'registration')).toEqual({ start: '2025-06-01T00:00:00+08:00', end: '2025-07-31T23:59:59+08:00' });
    expect(definition.phases.find((p) => p.id === 'registration')?.asPublished).toBe('2025年6月上旬-7月下旬');
    expect(windowOf(definition, 'preliminary')).toEqual({ start: '2025-08-01T00:00:00+08:00', end: '2025-08-20T23:59:59+08:00' });
    expect(windowOf(definition, 'final')).toEqual({ start: '2025-08-21T00:00:00+08:00', end: '2025-08-31T23:59:59+08:00' });
    expect(windowOf(definition, 'after-final')).toEqual({ start: '2025-08-21T00:00:00+08:00', end: '2025-09-10T23:59:59+08:00' });
    expect(windowOf(definition, 'eligible-projects-survey').end).toBe('2025-06-23T23:59:59+08:00');
    expect(windowOf(definition, 'weekly-registration-updates').start).toBe('2025-06-26T00:00:00+08:00');
  });

  it('knows which stages are open at chosen instants', async () => {
    const definition = await loadSeed(file);
    expect(phaseIdsAt(definition, '2025-06-23T23:59:59+08:00')).toEqual(['registration', 'eligible-projects-survey']);
    expect(phaseIdsAt(definition, '2025-06-24T00:00:00+08:00')).toEqual(['registration']);
    expect(phaseIdsAt(definition, '2025-07-31T23:59:59+08:00')).toEqual(['registration', 'weekly-registration-updates']);
    expect(phaseIdsAt(definition, '2025-08-01T00:00:00+08:00')).toEqual(['preliminary']);
    expect(phaseIdsAt(definition, '2025-08-25T10:00:00+08:00')).toEqual(['final', 'after-final']);
    expect(phaseIdsAt(definition, '2025-09-11T00:00:00+08:00')).toEqual([]);
  });
});
