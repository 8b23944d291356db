import type { ReactNode } from 'react';
import { useI18n } from '../i18n.ts';

export type Tone = 'neutral' | 'open' | 'closed' | 'demo' | 'info' | 'warn';

export const Badge = ({ tone = 'neutral', children, testId }: { tone?: Tone; children: ReactNode; testId?: string }) => (
  <span className={`badge badge-${tone}`} data-testid={testId}>
    {children}
  </span>
);

/** Marks demo data wherever it shows: 演示数据 Demo. */
export const DemoBadge = () => {
  const { t } = useI18n();
  return (
    <Badge tone="demo" testId="demo-badge">
      {t('common.demo')}
    </Badge>
  );
};

export type RegistrationStage = 'upcoming' | 'open' | 'closed' | 'ended';

/** 报名中, 报名未开放 (not yet), 报名已截止 (the contest runs on) or 已结束 (all over), as the server puts the contest's stage. */
export const StageBadge = ({ stage }: { stage: RegistrationStage }) => {
  const { t } = useI18n();
  return (
    <Badge tone={stage === 'open' ? 'open' : 'closed'} testId="registration-state">
      {t(`contest.stage.${stage}`)}
    </Badge>
  );
};
