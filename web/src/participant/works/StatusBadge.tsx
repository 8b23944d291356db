import type { WorksStatus } from '../../api/types.ts';
import { useI18n } from '../../i18n.ts';

const marks: Record<WorksStatus, string> = { done: '✓', missing: '!', invalid: '✕', upcoming: '…' };

/** An item's state: green done, amber missing, red invalid, grey not yet open (未开始) — in words as well as colour. */
export const StatusBadge = ({ status }: { status: WorksStatus }) => {
  const { t } = useI18n();
  return (
    <span className={`status-badge status-${status}`} data-testid="works-status">
      <span aria-hidden="true" className="status-mark">
        {marks[status]}
      </span>
      {t(`status.${status}`)}
    </span>
  );
};
