import type { Timeline, TimelinePoint } from '../../api/voting.ts';
import { useI18n } from '../../i18n.ts';
import { formatStamp, localParts } from '../../lib/format.ts';
import { barsOf, bucketMs, labelledBars, scaleTicks, timelineTotals } from './chart.ts';
import { Table } from '../../components/Table.tsx';

const width = 720;
const height = 220;
const left = 44;
const bottom = 24;
const top = 8;
const plot = { width: width - left - 8, height: height - top - bottom };

const pad = (n: number) => String(n).padStart(2, '0');
/** A bucket's start on the axis, in the contest's time zone: 9/12 14:00 by the hour, 14:05 by the minute. */
const axisLabel = (iso: string, bucket: Timeline['bucket'], timeZone: string) => {
  const p = localParts(iso, timeZone);
  return bucket === 'hour' ? `${p.month}/${p.day} ${pad(p.hour)}:00` : `${pad(p.hour)}:${pad(p.minute)}`;
};

const layers = ['counted', 'held', 'rejected'] as const;

/** A day by the hour, an hour by the minute: the least span a chart shows. */
const minSlots = 24;

/**
 * 投票走势 Votes over time, as stacked bars: counted below, held above them, rejected on top, one bar
 * per minute or hour. Plain SVG, not a chart library: the page needs one kind of chart, whose
 * geometry (chart.ts) is small and tested; a library (Recharts, ECharts, Chart.js) would add 50–300
 * KB to draw it, and the canvas ones no text a test or a screen reader can read. Colours come from
 * the stylesheet (the style policy allows no inline styles), and the numbers are in a table beneath.
 */
export const VotesChart = ({ points, bucket, timeZone }: { points: TimelinePoint[]; bucket: Timeline['bucket']; timeZone: string }) => {
  const { t, lang } = useI18n();
  if (points.length === 0) return <p className="empty">{t('voting.chart.none')}</p>;
  const { bars, top: max, slots } = barsOf(points, bucketMs[bucket], plot, minSlots);
  const totals = timelineTotals(points);
  const summary = t('voting.chart.summary', {
    counted: totals.counted,
    held: totals.held,
    rejected: totals.rejected,
    at: totals.busiest ? formatStamp(totals.busiest.at, lang, timeZone) : '',
    n: totals.busiestVotes,
  });
  return (
    <figure className="votes-chart" data-testid="votes-chart">
      <div className="chart-scroll">
        <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
          <g transform={`translate(${left},${top})`}>
            {scaleTicks(max).map((value) => {
              const y = plot.height - (value / max) * plot.height;
              return (
                <g key={value} className="chart-grid">
                  <line x1={0} x2={plot.width} y1={y} y2={y} />
                  <text x={-6} y={y} dy="0.35em" textAnchor="end">
                    {value}
                  </text>
                </g>
              );
            })}
            {bars.map((bar) => (
              <g key={bar.at}>
                <title>{[formatStamp(bar.at, lang, timeZone), ...layers.map((layer) => `${t(`voting.chart.${layer}`)} ${bar[layer].n}`)].join(' · ')}</title>
                {layers.map((layer) => (
                  <rect key={layer} className={`chart-${layer}`} x={bar.x} y={bar[layer].y} width={bar.width} height={bar[layer].height} />
                ))}
              </g>
            ))}
            {labelledBars(bars, slots, 6).map((bar) => (
              <text key={bar.at} className="chart-axis" x={bar.x} y={plot.height + 16}>
                {axisLabel(bar.at, bucket, timeZone)}
              </text>
            ))}
          </g>
        </svg>
      </div>
      <figcaption className="small">
        {layers.map((layer) => (
          <span key={layer} className="chart-key-item">
            <span className={`chart-key chart-key-${layer}`} aria-hidden="true" /> {t(`voting.chart.${layer}`)}
          </span>
        ))}
        <span data-testid="chart-summary">{summary}</span>
      </figcaption>
      <details className="small">
        <summary>{t('voting.chart.data')}</summary>
        <Table
          className="compact"
          heads={
            <>
              <th scope="col">{t('voting.chart.at')}</th>
              {layers.map((layer) => (
                <th key={layer} scope="col" className="num">
                  {t(`voting.chart.${layer}`)}
                </th>
              ))}
            </>
          }
        >
          {points.map((point) => (
            <tr key={point.at}>
              <td>{formatStamp(point.at, lang, timeZone)}</td>
              {layers.map((layer) => (
                <td key={layer} className="num">
                  {point[layer]}
                </td>
              ))}
            </tr>
          ))}
        </Table>
      </details>
    </figure>
  );
};
