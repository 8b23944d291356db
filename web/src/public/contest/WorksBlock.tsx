import type { PhaseView, Works } from '../../api/types.ts';
import { useI18n, type I18n } from '../../i18n.ts';
import { fieldRules, fileRules } from '../../lib/works.ts';

const namingParts = ['entrantName', 'title', 'category', 'leaderName', 'leaderPhone', 'track', 'group'] as const;

/** `{entrantName}+{title}` as a reader understands it: 参赛者名称+作品名称. */
export const namingText = (pattern: string, { t }: I18n) =>
  pattern.replace(/\{(\w+)\}/g, (whole, part: string) =>
    (namingParts as readonly string[]).includes(part) ? t(`naming.${part as (typeof namingParts)[number]}`) : whole,
  );

/** The stage a requirement is handed in, where works differ by stage (003's application, online stage, workshop). */
const Stage = ({ phaseId, phases }: { phaseId?: string; phases: PhaseView[] }) => {
  const { t, name } = useI18n();
  const phase = phaseId && phases.find((p) => p.id === phaseId);
  return phase ? <span className="badge badge-info">{t('works.stage', { phase: name(phase) })}</span> : null;
};

/** What an entry hands in, as rules to read: the entrant uploads on the registration's works page (participant/works/). */
export const WorksBlock = ({ works, phases }: { works: Works; phases: PhaseView[] }) => {
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
            <Stage phaseId={file.phase} phases={phases} />
            {!file.required && <span className="badge badge-neutral">{t('common.optional')}</span>}
            <span className="muted"> · {fileRules(file, i18n.lang).join(' · ')}</span>
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
            <Stage phaseId={field.phase} phases={phases} />
            {!field.required && <span className="badge badge-neutral">{t('common.optional')}</span>}
            <span className="muted">
              {' · '}
              {fieldRules(field, i18n.lang).join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      {works.naming && <p className="muted small">{t('works.naming', { pattern: namingText(works.naming, i18n) })}</p>}
    </div>
  );
};
