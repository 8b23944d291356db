import type { ContestView } from '../api/types.ts';
import { useI18n } from '../i18n.ts';

/**
 * Says which texts of a copied edition are still the previous edition's (the server's carriedOver),
 * so nobody takes last year's summary or announcement link for this year's.
 */
export const CarriedOverNote = ({ contest }: { contest: Pick<ContestView, 'carriedOver' | 'editions'> }) => {
  const { t, name } = useI18n();
  const carried = contest.carriedOver ?? [];
  if (carried.length === 0) return null;
  const which = carried.length > 1 ? 'both' : carried[0];
  return (
    <p className="notice notice-info small" data-testid="carried-over">
      {t(`contest.carriedOver.${which}`)}
      {contest.editions.of && <span className="muted">（{name(contest.editions.of)}）</span>}
    </p>
  );
};
