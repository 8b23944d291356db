import { Badge } from '../components/Badge.tsx';
import { useI18n } from '../i18n.ts';
import { statusTone, type EntryStatus } from './status.ts';

/** 未评 / 草稿 / 已提交 beside an assigned entry. */
export const StatusChip = ({ status }: { status: EntryStatus }) => {
  const { t } = useI18n();
  return (
    <Badge tone={statusTone[status]} testId="score-status">
      {t(`judge.status.${status}`)}
    </Badge>
  );
};

export const BlindBadge = () => {
  const { t } = useI18n();
  return (
    <Badge tone="info" testId="blind-badge">
      {t('judge.blind')}
    </Badge>
  );
};
