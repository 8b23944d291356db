import { describe, expect, it } from 'vitest';
import { creditCodes, entry, seedDefinition } from '../../../test/support/factories.ts';
import { checkEligibility, toExistingEntry, type ExistingEntry } from './index.ts';
import type { OrganisationInput } from '../schema.ts';

const contest = seedDefinition('004');
const organisation = (extra: Partial<OrganisationInput> = {}): OrganisationInput => ({
  name: '张家口某数据科技有限公司',
  type: 'enterprise',
  isLead: true,
  hasLegalEntity: true,
  creditCode: creditCodes.enterprise,
  ...extra,
});
const place = { entrantKind: 'organisation' as const, zoneId: 'zhangjiakou' };
const check = (input: Parameters<typeof entry>[1], others: ExistingEntry[] = []) => checkEligibility(contest, entry(contest, input), others).problems;
const codes = (input: Parameters<typeof entry>[1], others: ExistingEntry[] = []) => check(input, others).map((p) => p.code);

describe('seed 004 "数据要素×"大赛河北分赛 (张家口赛区)', () => {
  describe('参赛单位须是具有独立法人资格的企业、事业单位、科研院所、高校等单位', () => {
    it('accepts an enterprise with a valid unified social credit code', () => {
      expect(codes({ ...place, trackId: 'industrial-manufacturing', organisations: [organisation()] })).toEqual([]);
    });
    it('refuses an organisation without legal personality', () => {
      expect(codes({ ...place, trackId: 'industrial-manufacturing', organisations: [organisation({ hasLegalEntity: false })] })).toEqual([
        'organisation.not_legal_entity',
      ]);
    });
    it('refuses a credit code whose check character is wrong, and a missing one', () => {
      expect(check({ ...place, trackId: 'industrial-manufacturing', organisations: [organisation({ creditCode: '91350100M000100Y44' })] })).toEqual([
        {
          code: 'organisation.invalid_credit_code',
          message: {
            zh: '张家口某数据科技有限公司 的统一社会信用代码 91350100M000100Y44 校验不通过（GB 32100）',
            en: 'The unified social credit code 91350100M000100Y44 of 张家口某数据科技有限公司 fails the GB 32100 check',
          },
          path: 'organisations[0].creditCode',
          rule: 'rules[1]',
        },
      ]);
      expect(codes({ ...place, trackId: 'industrial-manufacturing', organisations: [organisation({ creditCode: undefined })] })).toEqual([
        'organisation.credit_code_required',
      ]);
    });
    it('refuses individuals and teams', () => {
      expect(codes({ ...place, trackId: 'industrial-manufacturing', entrantKind: 'individual' })).toEqual(['entrant.kind_not_allowed']);
      expect(codes({ ...place, trackId: 'industrial-manufacturing', entrantKind: 'team', members: [] })).toEqual(['entrant.kind_not_allowed']);
    });
    it('refuses an organisation entry that names no organisation', () => {
      expect(codes({ ...place, trackId: 'industrial-manufacturing', organisations: [] })).toEqual(['organisation.required']);
    });
  });

  describe('各级政府部门…可参与城市治理、气象服务、应急管理、开放创新、京津冀协同发展等赛道', () => {
    const government = organisation({ name: '张家口市某局', type: 'government', creditCode: creditCodes.government });
    it('accepts a government department in each of those five tracks', () => {
      for (const trackId of ['urban-governance', 'meteorological-services', 'emergency-management', 'jjj-coordinated-development']) {
        expect(codes({ ...place, trackId, organisations: [government] })).toEqual([]);
      }
      expect(codes({ ...place, trackId: 'open-innovation', organisations: [government] })).toEqual([]);
    });
    it('refuses a government department in an industry track such as 工业制造', () => {
      expect(check({ ...place, trackId: 'industrial-manufacturing', organisations: [government] })[0]).toMatchObject({
        code: 'organisation.type_not_allowed',
        path: 'organisations[0].type',
        rule: 'rules[2]',
      });
    });
  });

  describe('合作组队需指定一个组织为牵头参赛单位', () => {
    const partner = organisation({ name: '河北北方学院', type: 'university', isLead: false, creditCode: creditCodes.university });
    it('accepts a joint entry with exactly one lead', () => {
      expect(codes({ ...place, trackId: 'green-low-carbon', organisations: [organisation(), partner] })).toEqual([]);
    });
    it('refuses a joint entry with no lead, and with two', () => {
      expect(codes({ ...place, trackId: 'green-low-carbon', organisations: [organisation({ isLead: false }), partner] })).toEqual([
        'organisation.lead_required',
      ]);
      expect(codes({ ...place, trackId: 'green-low-carbon', organisations: [organisation(), { ...partner, isLead: true }] })).toEqual([
        'organisation.several_leads',
      ]);
    });
  });

  describe('赛题 and 赛区', () => {
    it('refuses the two open-innovation topics no longer open to registration', () => {
      for (const topicId of ['vertical-model-datasets', 'public-social-data-fusion']) {
        expect(codes({ ...place, trackId: 'open-innovation', topicId, organisations: [organisation()] })).toEqual(['topic.closed']);
      }
    });
    it('accepts a listed open topic of the 京津冀协同发展 track', () => {
      expect(codes({ ...place, trackId: 'jjj-coordinated-development', topicId: 'regional-industry', organisations: [organisation()] })).toEqual([]);
    });
    it('needs the zone 张家口赛区', () => {
      expect(codes({ entrantKind: 'organisation', trackId: 'transport', organisations: [organisation()] })).toEqual(['place.zone_required']);
      expect(codes({ entrantKind: 'organisation', trackId: 'transport', zoneId: 'baoding', organisations: [organisation()] })).toEqual(['place.unknown_zone']);
    });
    it('has 15 tracks to enter, no other', () => {
      expect(contest.tracks).toHaveLength(15);
      expect(codes({ ...place, trackId: 'space-mining', organisations: [organisation()] })).toEqual(['place.unknown_track']);
    });
  });

  describe('每个参赛项目限报一个赛题方向', () => {
    const first = entry(contest, { ...place, trackId: 'transport', title: '冬奥交通数据平台', organisations: [organisation()] });
    const others = [toExistingEntry('r1', '0001', first)];
    it('refuses the same project by the same lead organisation in a second track', () => {
      expect(codes({ ...place, trackId: 'urban-governance', title: '冬奥交通数据平台', organisations: [organisation()] }, others)).toEqual([
        'entry.already_entered',
      ]);
    });
    it('accepts the same title by another organisation', () => {
      expect(
        codes(
          {
            ...place,
            trackId: 'urban-governance',
            title: '冬奥交通数据平台',
            organisations: [organisation({ creditCode: creditCodes.anotherEnterprise, name: '另一家公司' })],
          },
          others,
        ),
      ).toEqual([]);
    });
  });
});
