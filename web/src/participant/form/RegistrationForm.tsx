import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError, registrations } from '../../api/index.ts';
import type { ContestView, Problem, RegistrationInput } from '../../api/types.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorSummary } from '../../components/Problems.tsx';
import { useI18n } from '../../i18n.ts';
import { fieldName, placeProblems, setIn, topKey } from '../../lib/paths.ts';
import { knownFields, layoutOf, placeOf, ruleTexts, toRequest, withPlace } from '../registration-form.ts';
import { DeclarationsField } from './DeclarationsField.tsx';
import { TextField } from './fields.tsx';
import { fieldId, FormContext, type FormState } from './form-context.ts';
import { OrganisationsSection } from './OrganisationsSection.tsx';
import { PeopleSection, RuleHints } from './PeopleSection.tsx';
import { PersonFields } from './PersonFields.tsx';
import { EntrantKindField, PlaceFields } from './PlaceFields.tsx';

const checkDelayMs = 700;

/**
 * The registration form, for a new entry and for editing one. It shows the fields the chosen place
 * and kind of entrant call for, asks the server to check the input as the reader types (debounced),
 * and puts each problem beside the field its path names.
 */
export const RegistrationForm = ({
  contest,
  initial,
  submitLabel,
  liveCheck,
  onSubmit,
}: {
  contest: ContestView;
  initial: RegistrationInput;
  submitLabel: string;
  /** Dry-runs the input against the server as the reader types; `editing` names the registration being edited. */
  liveCheck: true | { editing: string };
  /** Sends the request; throws ApiError with problems when the server refuses it. */
  onSubmit: (request: RegistrationInput) => Promise<void>;
}) => {
  const { t, pick, name } = useI18n();
  const editing = liveCheck === true ? undefined : liveCheck.editing;
  const [input, setInput] = useState(initial);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [showAll, setShowAll] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const place = placeOf(contest, input);
  const { eligibility } = place;
  const layout = useMemo(() => layoutOf(eligibility, input.entrantKind), [eligibility, input.entrantKind]);
  const request = useMemo(() => toRequest(input, layout), [input, layout]);
  const known = useMemo(() => knownFields(input, layout), [input, layout]);
  const placed = useMemo(() => placeProblems(problems, known), [problems, known]);

  // Dry run against the server, a moment after the reader stops typing.
  useEffect(() => {
    if (touched.size === 0 || !input.trackId) return;
    const controller = new AbortController();
    const check = async () => {
      setChecking(true);
      try {
        const result = await registrations.check(contest.id, request, controller.signal, editing);
        setProblems(result.problems);
      } catch (error) {
        // A refused request (400) carries its problems too; any other failure changes nothing,
        // and submitting reports for real.
        if (error instanceof ApiError && error.problems.length > 0) setProblems(error.problems);
      } finally {
        if (!controller.signal.aborted) setChecking(false);
      }
    };
    // check catches its own failures, so a timer may start it without waiting.
    const timer = setTimeout(() => void check(), checkDelayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // `request` changes with every keystroke; that is the point.
  }, [editing, touched.size, contest.id, request, input.trackId]);

  const isVisible = useCallback(
    (key: string) => showAll || key === topKey || [...touched].some((name) => name === key || name.startsWith(`${key}.`)),
    [showAll, touched],
  );

  const form: FormState = {
    input,
    change: (field, value) => setInput((current) => setIn(current, field, value)),
    touch: (field) => setTouched((current) => (current.has(field) ? current : new Set(current).add(field))),
    problemsAt: (field) => (isVisible(field) ? placed.get(field) : undefined),
    disabled: submitting,
  };

  /**
   * A request refused for its shape names only the fields it refused; the dry run names those and
   * every rule the rest breaks, so the reader sees all of it at once.
   */
  const everyProblem = async (error: ApiError) => {
    if (error.code !== 'request.invalid') return error.problems;
    try {
      return (await registrations.check(contest.id, request, undefined, editing)).problems;
    } catch {
      return error.problems;
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setFailure(null);
    try {
      await onSubmit(request);
    } catch (error) {
      setShowAll(true);
      if (error instanceof ApiError) {
        setProblems(await everyProblem(error));
        if (error.problems.length === 0) setFailure(pick(error.messages));
      } else {
        setFailure(t('error.unexpected'));
      }
      setTimeout(() => summaryRef.current?.focus(), 0);
    } finally {
      setSubmitting(false);
    }
  };

  const top = showAll ? problems : (placed.get(topKey) ?? []);
  const teamRules = ruleTexts(eligibility, 'teamSize', 'studentsOnly', 'exclusiveMembers', 'minExperienceYears', 'excludedEmployers');
  const teamSize = eligibility?.teamSize;
  const people = 1 + input.members.length;
  const leaderLabel = input.entrantKind === 'individual' ? t('form.entrant') : input.entrantKind === 'organisation' ? t('form.contact') : t('form.leader');

  return (
    <FormContext.Provider value={form}>
      <form className="registration-form" onSubmit={submit} noValidate data-testid="registration-form">
        <div ref={summaryRef} tabIndex={-1}>
          {failure && (
            <div className="error-summary" role="alert" data-testid="form-failure">
              <p>{failure}</p>
            </div>
          )}
          <ErrorSummary problems={top} hrefOf={(p) => (p.path && known.has(fieldName(p.path)) ? `#${fieldId(fieldName(p.path))}` : undefined)} />
        </div>

        <PlaceFields contest={contest} onPlace={(change) => setInput((current) => withPlace(contest, current, change))} />

        {eligibility ? (
          <>
            <div className="place-rules card">
              <h3>{t('form.placeRules', { place: place.sub ? `${name(place.track)}（${name(place.sub)}）` : name(place.track) })}</h3>
              <RuleHints rules={eligibility.rules.filter((r) => r.rule !== 'declarations')} />
            </div>
            <EntrantKindField allowed={eligibility.entrantKinds} />

            <fieldset className="form-section">
              <legend>{t('form.entry')}</legend>
              <TextField name="title" label={t('form.title')} />
              {layout.teamName && <TextField name="teamName" label={t('form.teamName')} />}
            </fieldset>

            {layout.organisations && (
              <OrganisationsSection
                rules={ruleTexts(eligibility, 'organisationTypes', 'legalEntityOnly', 'leadOrganisation')}
                allowedTypes={eligibility.organisationTypes}
              />
            )}

            <fieldset className="form-section" data-testid="leader-section">
              <legend>{leaderLabel}</legend>
              {input.entrantKind === 'individual' && <RuleHints rules={teamRules.filter((r) => r.rule !== 'teamSize')} />}
              <PersonFields prefix="leader" layout={layout.person} />
            </fieldset>

            {layout.members && (
              <PeopleSection
                list="members"
                title={t('form.members')}
                rowLabel={t('form.member')}
                addLabel={t('form.addMember')}
                rules={teamRules}
                summary={teamSize ? t('form.teamCountOf', { n: people, max: teamSize.max }) : t('form.teamCount', { n: people })}
                layout={layout.person}
              />
            )}
            {layout.members && <p className="muted small">{t('form.inviteLater')}</p>}

            {layout.advisors && (
              <PeopleSection
                list="advisors"
                title={t('form.advisors')}
                rowLabel={t('form.advisor')}
                addLabel={t('form.addAdvisor')}
                rules={ruleTexts(eligibility, 'advisors')}
                summary={eligibility.advisors ? t('form.advisorsMax', { max: eligibility.advisors.max }) : undefined}
                layout={{ ...layout.person, student: false }}
              />
            )}

            <DeclarationsField declarations={eligibility.declarations} />

            <div className="form-actions">
              <Button type="submit" busy={submitting} busyText={t('form.submitting')} data-testid="register-submit">
                {submitLabel}
              </Button>
              {checking && (
                <span className="muted small" aria-live="polite">
                  {t('form.checking')}
                </span>
              )}
            </div>
          </>
        ) : (
          <p className="muted">{t('form.choosePlaceFirst')}</p>
        )}
      </form>
    </FormContext.Provider>
  );
};
