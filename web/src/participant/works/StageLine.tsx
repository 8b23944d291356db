import type { StageView } from '../../api/types.ts';
import { Badge } from '../../components/Badge.tsx';
import { WindowText } from '../../components/WindowText.tsx';
import { useI18n } from '../../i18n.ts';
import { timeZoneName } from '../../lib/time-zone.ts';

const tones = { upcoming: 'neutral', open: 'open', closed: 'closed' } as const;

/** When a requirement is handed in: its stage (线上阶段提交), the window in the contest's time zone, and whether it is open now. */
export const StageLine = ({ stage, timeZone }: { stage: StageView; timeZone: string }) => {
  const { t, lang, name } = useI18n();
  return (
    <p className="works-stage small" data-testid="works-stage" data-state={stage.state}>
      <Badge tone={tones[stage.state]}>{t(`stage.${stage.state}`)}</Badge> {t('works.stage', { phase: name(stage) })} ·{' '}
      <WindowText start={stage.start} end={stage.end} timeZone={timeZone} />
      {t('works.stageZone', { zone: timeZoneName(timeZone, lang) })}
    </p>
  );
};
