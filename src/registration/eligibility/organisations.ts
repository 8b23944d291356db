import { count } from '../../platform/plural.ts';
import { isValidCreditCode } from '../identity.ts';
import { organisationTypeNames } from '../../contest/describe-rule.ts';
import { placeName, problem, ruleOf, ruleSource, type Check } from './context.ts';

export const checkOrganisationsPresent: Check = ({ entry }) =>
  entry.entrantKind === 'organisation' && entry.organisations.length === 0
    ? [problem('organisation.required', '单位报名须填写参赛单位', 'An organisation entry names at least one organisation', { path: 'organisations' })]
    : [];

export const checkOrganisationTypes: Check = ({ entry, scope }) => {
  const rule = ruleOf(scope, 'organisationTypes');
  if (!rule) return [];
  const place = placeName(scope);
  const allowedZh = rule.allowed.map((t) => organisationTypeNames[t].zh).join('、');
  const allowedEn = rule.allowed.map((t) => organisationTypeNames[t].en).join(', ');
  return entry.organisations.flatMap((organisation, i) =>
    rule.allowed.includes(organisation.type)
      ? []
      : [
          problem(
            'organisation.type_not_allowed',
            `${organisation.name}（${organisationTypeNames[organisation.type].zh}）不能参加${place.zh}；可参加的单位：${allowedZh}`,
            `${organisation.name} (${organisationTypeNames[organisation.type].en}) may not enter ${place.en}; open to: ${allowedEn}`,
            { path: `organisations[${i}].type`, rule: ruleSource(scope, rule) },
          ),
        ],
  );
};

/** 具有独立法人资格: declared, and backed by a 统一社会信用代码 that passes its check. */
export const checkLegalEntity: Check = ({ entry, scope }) => {
  const rule = ruleOf(scope, 'legalEntityOnly');
  if (!rule) return [];
  const source = ruleSource(scope, rule);
  return entry.organisations.flatMap((organisation, i) => {
    if (!organisation.hasLegalEntity) {
      return [
        problem('organisation.not_legal_entity', `${organisation.name} 须具有独立法人资格`, `${organisation.name} must be an independent legal entity`, {
          path: `organisations[${i}].hasLegalEntity`,
          rule: source,
        }),
      ];
    }
    if (!organisation.creditCode) {
      return [
        problem(
          'organisation.credit_code_required',
          `请填写 ${organisation.name} 的统一社会信用代码`,
          `Give the unified social credit code of ${organisation.name}`,
          { path: `organisations[${i}].creditCode`, rule: source },
        ),
      ];
    }
    if (!isValidCreditCode(organisation.creditCode)) {
      return [
        problem(
          'organisation.invalid_credit_code',
          `${organisation.name} 的统一社会信用代码 ${organisation.creditCode} 校验不通过（GB 32100）`,
          `The unified social credit code ${organisation.creditCode} of ${organisation.name} fails the GB 32100 check`,
          { path: `organisations[${i}].creditCode`, rule: source },
        ),
      ];
    }
    return [];
  });
};

/** 合作组队需指定一个组织为牵头参赛单位: exactly one lead when several organisations enter together. */
export const checkLeadOrganisation: Check = ({ entry, scope }) => {
  const rule = ruleOf(scope, 'leadOrganisation');
  if (!rule || entry.organisations.length < 2) return [];
  const leads = entry.organisations.filter((o) => o.isLead).length;
  if (leads === 1) return [];
  return [
    leads === 0
      ? problem(
          'organisation.lead_required',
          `${entry.organisations.length} 家单位合作报名，须指定一家牵头参赛单位`,
          `${count(entry.organisations.length, 'organisation')} enter together; name one lead organisation`,
          { path: 'organisations', rule: ruleSource(scope, rule) },
        )
      : problem('organisation.several_leads', `指定了 ${leads} 家牵头单位，只能指定一家`, `${count(leads, 'lead organisation')} named; name exactly one`, {
          path: 'organisations',
          rule: ruleSource(scope, rule),
        }),
  ];
};
