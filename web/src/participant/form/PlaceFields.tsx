import type { ContestView, RegistrationInput } from '../../api/types.ts';
import { FieldProblems } from '../../components/Problems.tsx';
import { useI18n } from '../../i18n.ts';
import { placeOf } from '../registration-form.ts';
import { useField, useForm } from './form-context.ts';
import { SelectField } from './fields.tsx';

type PlaceKey = 'trackId' | 'groupId' | 'categoryId' | 'topicId' | 'zoneId';

/** Where the entry competes: track → group or category → topic → zone, only what the contest has. */
export const PlaceFields = ({ contest, onPlace }: { contest: ContestView; onPlace: (change: Partial<Pick<RegistrationInput, PlaceKey>>) => void }) => {
  const { t, name } = useI18n();
  const { input } = useForm();
  const { track } = placeOf(contest, input);
  const set = (key: PlaceKey) => (value: string) => onPlace({ [key]: value || undefined });
  return (
    <fieldset className="form-section">
      <legend>{t('form.place')}</legend>
      {contest.tracks.length > 1 && (
        <SelectField
          name="trackId"
          label={t('form.track')}
          placeholder={t('form.choose')}
          options={contest.tracks.map((tr) => ({ value: tr.id, label: name(tr) }))}
          onChange={set('trackId')}
        />
      )}
      {contest.tracks.length === 1 && track && (
        <p className="fixed-choice">
          <span className="label">{t('form.track')}</span>
          {name(track)}
        </p>
      )}
      {track && track.groups.length > 0 && (
        <SelectField
          name="groupId"
          label={t('form.group')}
          placeholder={t('form.choose')}
          options={track.groups.map((g) => ({ value: g.id, label: name(g) }))}
          onChange={set('groupId')}
        />
      )}
      {track && track.categories.length > 0 && (
        <SelectField
          name="categoryId"
          label={t('form.category')}
          placeholder={t('form.choose')}
          options={track.categories.map((c) => ({ value: c.id, label: name(c) }))}
          onChange={set('categoryId')}
        />
      )}
      {track && track.topics.length > 0 && (
        <SelectField
          name="topicId"
          label={t('form.topic')}
          hint={track.topicRequired ? t('topic.required') : undefined}
          placeholder={track.topicRequired ? t('form.choose') : t('form.noTopic')}
          options={track.topics.map((topic) => ({
            value: topic.id,
            label: `${name(topic)}${topic.openChallenge ? ` · ${t('topic.openChallenge')}` : ''}${
              topic.registration === 'closed' ? ` (${t('topic.closed')}${topic.closedReason ? `: ${topic.closedReason}` : ''})` : ''
            }`,
            disabled: topic.registration === 'closed',
          }))}
          onChange={set('topicId')}
        />
      )}
      {contest.zones.length > 0 && (
        <SelectField
          name="zoneId"
          label={t('form.zone')}
          hint={contest.zoneRequired ? t('zone.required') : undefined}
          placeholder={contest.zoneRequired ? t('form.choose') : t('form.noZone')}
          options={contest.zones.map((z) => ({ value: z.id, label: `${name(z)}${z.coordinator ? ` · ${z.coordinator}` : ''}` }))}
          onChange={set('zoneId')}
        />
      )}
    </fieldset>
  );
};

/** Individual, team or organisation: only the kinds the chosen place admits. */
export const EntrantKindField = ({ allowed }: { allowed: RegistrationInput['entrantKind'][] }) => {
  const { t } = useI18n();
  const f = useField('entrantKind');
  if (allowed.length === 0) return null;
  return (
    <fieldset className={`field radios${f.invalid ? ' has-error' : ''}`}>
      <legend>{t('form.entrantKind')}</legend>
      <FieldProblems problems={f.problems} id={f.errorId} />
      <div className="radio-row">
        {allowed.map((kind) => (
          <label key={kind} className="radio-card">
            <input
              type="radio"
              name="entrantKind"
              value={kind}
              checked={f.value === kind}
              disabled={f.disabled}
              data-testid={`entrantKind-${kind}`}
              onChange={() => {
                f.touch();
                f.change(kind);
              }}
            />
            <span>{t(`entrantKind.${kind}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
};
