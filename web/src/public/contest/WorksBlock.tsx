import type { FileRequirement, Works } from '../../api/types.ts';
import { useI18n, type I18n } from '../../i18n.ts';

const fileDetails = (file: FileRequirement, { t }: I18n) => {
  const parts = [file.kinds.map((k) => k.toUpperCase()).join('/')];
  if (file.count.max > 1) parts.push(t('works.count', { min: file.count.min, max: file.count.max }));
  if (file.maxSizeMb) parts.push(t('works.maxSize', { mb: file.maxSizeMb }));
  if (file.image?.minLongSidePx) parts.push(t('works.minLongSide', { px: file.image.minLongSidePx }));
  if (file.image?.minWidthPx && file.image?.minHeightPx) parts.push(t('works.minSize', { w: file.image.minWidthPx, h: file.image.minHeightPx }));
  if (file.image?.exifRequired) parts.push(t('works.exif'));
  if (file.video?.maxDurationSeconds) parts.push(t('works.maxDuration', { s: file.video.maxDurationSeconds }));
  if (file.video?.orientation) parts.push(t(`works.${file.video.orientation}`));
  if (file.video?.minWidthPx && file.video?.minHeightPx) parts.push(t('works.minSize', { w: file.video.minWidthPx, h: file.video.minHeightPx }));
  if (file.video?.subtitles === 'required') parts.push(t('works.subtitles'));
  return parts;
};

const namingParts = ['entrantName', 'title', 'category', 'leaderName', 'leaderPhone', 'track', 'group'] as const;

/** `{entrantName}+{title}` as a reader understands it: 参赛者名称+作品名称. */
const namingText = (pattern: string, { t }: I18n) =>
  pattern.replace(/\{(\w+)\}/g, (whole, part: string) =>
    (namingParts as readonly string[]).includes(part) ? t(`naming.${part as (typeof namingParts)[number]}`) : whole,
  );

/** What an entry hands in, read-only (uploading comes with submissions). */
export const WorksBlock = ({ works }: { works: Works }) => {
  const i18n = useI18n();
  const { t } = i18n;
  if (works.files.length === 0 && works.fields.length === 0) return null;
  return (
    <div className="works" data-testid="works">
      <h4>{t('contest.works')}</h4>
      <ul className="rules">
        {works.files.map((file) => (
          <li key={file.id}>
            <strong>{file.name}</strong>
            {!file.required && <span className="badge badge-neutral">{t('common.optional')}</span>}
            <span className="muted"> · {fileDetails(file, i18n).join(' · ')}</span>
            {file.notes?.map((note) => (
              <div key={note} className="muted small">
                {note}
              </div>
            ))}
          </li>
        ))}
        {works.fields.map((field) => (
          <li key={field.id}>
            <strong>{field.name}</strong>
            {!field.required && <span className="badge badge-neutral">{t('common.optional')}</span>}
            <span className="muted">
              {' · '}
              {field.type === 'url' ? t('works.link') : t('works.text')}
              {field.maxChars && ` · ${t('works.maxChars', { n: field.maxChars })}`}
              {field.requiredWhen && ` · ${field.requiredWhen}`}
            </span>
          </li>
        ))}
      </ul>
      {works.naming && <p className="muted small">{t('works.naming', { pattern: namingText(works.naming, i18n) })}</p>}
    </div>
  );
};
