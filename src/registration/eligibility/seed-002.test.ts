import { describe, expect, it } from 'vitest';
import { entry, person, seedDefinition } from '../../../test/support/factories.ts';
import { checkEligibility } from './index.ts';

const contest = seedDefinition('002');
const check = (input: Parameters<typeof entry>[1]) => checkEligibility(contest, entry(contest, input)).problems;
const codes = (input: Parameters<typeof entry>[1]) => check(input).map((p) => p.code);

describe('seed 002 2022"漾泉医保"医保电子凭证创意作品征集', () => {
  describe('四类作品 (categories)', () => {
    it('accepts an individual in each of the four categories', () => {
      for (const categoryId of ['graphic-design', 'video', 'cultural-creative', 'copywriting']) {
        expect(codes({ trackId: 'works', categoryId, entrantKind: 'individual' })).toEqual([]);
      }
    });
    it('accepts a designated medical institution as an organisation', () => {
      expect(
        codes({
          trackId: 'works',
          categoryId: 'video',
          entrantKind: 'organisation',
          organisations: [{ name: '阳泉市第一人民医院', type: 'designated-medical-institution', isLead: true, hasLegalEntity: true }],
        }),
      ).toEqual([]);
    });
    it('needs a category in the works track', () => {
      expect(codes({ trackId: 'works', entrantKind: 'individual' })).toEqual(['place.category_required']);
    });
    it('refuses a work whose author did not promise it is original and unpublished', () => {
      const input = entry(contest, { trackId: 'works', categoryId: 'copywriting', entrantKind: 'individual' });
      expect(checkEligibility(contest, { ...input, declarations: [] }).problems.map((p) => p.code)).toContain('declaration.missing');
    });
  });

  describe('"医保电子凭证推荐官": 非医保部门人员均可报名', () => {
    it('accepts a person who works elsewhere', () => {
      expect(codes({ trackId: 'ambassador', entrantKind: 'individual', leader: person(1, { employer: '阳泉市某社区卫生服务中心' }) })).toEqual([]);
    });
    it('refuses a person employed by a 医疗保障局, by the name of the employer', () => {
      expect(check({ trackId: 'ambassador', entrantKind: 'individual', leader: person(1, { employer: '阳泉市医疗保障局' }) })).toEqual([
        {
          code: 'eligibility.excluded_employer',
          message: {
            zh: '负责人 参赛者1 任职于 阳泉市医疗保障局；医保部门人员不可报名',
            en: 'Leader 参赛者1 works for 阳泉市医疗保障局; not open to "医保部门人员"',
          },
          path: 'leader.employer',
          rule: 'tracks[1].rules[1]',
        },
      ]);
    });
    it('refuses the employer written in traditional characters, with spaces, full-width or with invisible characters', () => {
      for (const employer of ['陽泉市醫療保障局', '阳泉市医疗 保障局', '阳泉市医疗\u200b保障局', '阳泉市醫保中心', '阳泉市医疗\u3000保障局']) {
        expect(codes({ trackId: 'ambassador', entrantKind: 'individual', leader: person(1, { employer }) })).toEqual(['eligibility.excluded_employer']);
      }
    });
    it('refuses a person who declares a medical insurance department as employer type', () => {
      expect(
        codes({ trackId: 'ambassador', entrantKind: 'individual', leader: person(1, { employer: '某中心', employerType: 'medical-insurance-department' }) }),
      ).toEqual(['eligibility.excluded_employer']);
    });
    it('is for individuals only', () => {
      expect(
        codes({
          trackId: 'ambassador',
          entrantKind: 'organisation',
          organisations: [{ name: '某企业', type: 'enterprise', isLead: true, hasLegalEntity: true }],
        }),
      ).toEqual(['entrant.kind_not_allowed']);
    });
  });
});
