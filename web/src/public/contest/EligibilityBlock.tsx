import type { Eligibility } from '../../api/types.ts';
import { useI18n } from '../../i18n.ts';

/** Who may enter in one place: the readable rules, each with the announcement's sentence. */
export const EligibilityBlock = ({ eligibility, testId }: { eligibility: Eligibility; testId?: string }) => {
  const { t, pick, lang } = useI18n();
  const kinds = eligibility.entrantKinds.map((k) => t(`entrantKind.${k}`)).join(lang === 'zh' ? '、' : ', ');
  const rules = eligibility.rules.filter((r) => r.rule !== 'entrantKinds' && r.rule !== 'declarations');
  return (
    <div className="eligibility" data-testid={testId}>
      <h4>{t('contest.whoMayEnter')}</h4>
      <ul className="rules">
        {kinds && <li>{t('contest.entrantKinds', { kinds })}</li>}
        {rules.map((r) => (
          <li key={r.rule} data-rule={r.rule}>
            {pick(r.text)}
            {r.quote && (
              <blockquote className="quote" lang="zh-CN">
                {r.quote}
              </blockquote>
            )}
          </li>
        ))}
      </ul>
      {eligibility.declarations.length > 0 && (
        <details className="declarations">
          <summary>{t('contest.declarations', { n: eligibility.declarations.length })}</summary>
          <ul>
            {eligibility.declarations.map((d) => (
              <li key={d.id}>{lang === 'en' && d.textEn ? d.textEn : d.text}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
};
