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

export const OpenBadge = ({ open }: { open: boolean }) => {
  const { t } = useI18n();
  return (
    <Badge tone={open ? 'open' : 'closed'} testId="registration-state">
      {open ? t('contest.registrationOpen') : t('contest.registrationClosed')}
    </Badge>
  );
};
