import type { EligibilityRule, EntrantKind, OrganisationType } from './schema/index.ts';
import type { LocalisedText } from '../platform/errors.ts';
import { count } from '../platform/plural.ts';

export const entrantKindNames: Record<EntrantKind, LocalisedText> = {
  individual: { zh: '个人', en: 'individual' },
  team: { zh: '团队', en: 'team' },
  organisation: { zh: '单位', en: 'organisation' },
};

export const organisationTypeNames: Record<OrganisationType, LocalisedText> = {
  government: { zh: '党政机关', en: 'government body' },
  'public-institution': { zh: '事业单位', en: 'public institution' },
  enterprise: { zh: '企业', en: 'enterprise' },
  'financial-institution': { zh: '金融机构', en: 'financial institution' },
  'research-institute': { zh: '科研院所', en: 'research institute' },
  university: { zh: '高等院校', en: 'university' },
  'social-organisation': { zh: '社会团体', en: 'social organisation' },
  'designated-medical-institution': { zh: '定点医药机构', en: 'designated medical institution' },
  other: { zh: '其他组织', en: 'other organisation' },
};

const list = (items: LocalisedText[]) => ({ zh: items.map((i) => i.zh).join('、'), en: items.map((i) => i.en).join(', ') });

/** A rule as one readable sentence for the contest page ("who may enter"). */
export const describeRule = (rule: EligibilityRule): LocalisedText => {
  switch (rule.rule) {
    case 'entrantKinds': {
      const kinds = list(rule.allowed.map((k) => entrantKindNames[k]));
      return { zh: `可报名：${kinds.zh}`, en: `Open to: ${kinds.en}` };
    }
    case 'teamSize':
      return {
        zh: `团队${rule.min ? ` ${rule.min}–${rule.max} 人` : `不超过 ${rule.max} 人`}（含负责人）`,
        en: rule.min ? `Teams of ${rule.min}–${count(rule.max, 'person')}, leader included` : `At most ${count(rule.max, 'person')} per team, leader included`,
      };
    case 'advisors':
      return rule.max === 0 ? { zh: '不设指导老师', en: 'No advisors' } : { zh: `指导老师不超过 ${rule.max} 人`, en: `At most ${count(rule.max, 'advisor')}` };
    case 'studentsOnly':
      return { zh: '仅限全日制在校生', en: 'Full-time students only' };
    case 'minExperienceYears':
      return { zh: `每位成员至少 ${rule.years} 年实际工作经验`, en: `Every member has at least ${count(rule.years, 'year')} of work experience` };
    case 'excludedEmployers':
      // The definition names the excluded in Chinese only: quoted as a name in English.
      return { zh: `${rule.description}不可报名`, en: `Not open to: "${rule.description}"` };
    case 'organisationTypes': {
      const types = list(rule.allowed.map((t) => organisationTypeNames[t]));
      return { zh: `参赛单位类型：${types.zh}`, en: `Organisations: ${types.en}` };
    }
    case 'legalEntityOnly':
      return { zh: '参赛单位须具有独立法人资格（统一社会信用代码）', en: 'Organisations must be independent legal entities (unified social credit code)' };
    case 'leadOrganisation':
      return { zh: '多家单位合作报名须指定一家牵头单位', en: 'Joint entries name one lead organisation' };
    case 'exclusiveMembers':
      return { zh: '不同团队不得共用队员', en: 'No person may be on two teams' };
    case 'oneEntryPerWork':
      return { zh: '每个作品只能报名一次、参加一个奖项评选', en: 'Each work enters once and competes for one award' };
    case 'declarations':
      return { zh: `报名须确认 ${rule.items.length} 项承诺`, en: `Entrants accept ${count(rule.items.length, 'declaration')}` };
  }
};
