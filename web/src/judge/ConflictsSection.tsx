import { useMemo, useState, type FormEvent } from 'react';
import { useRevalidator } from 'react-router';
import { judging, type ConflictRequest, type DeclaredConflict } from '../api/judging.ts';
import type { Problem } from '../api/types.ts';
import { Badge } from '../components/Badge.tsx';
import { Button } from '../components/Button.tsx';
import { ErrorSummary, FieldProblems } from '../components/Problems.tsx';
import { useI18n } from '../i18n.ts';
import { placeProblems, topKey } from '../lib/paths.ts';
import { problemsOf } from './problems.ts';

/** What a declaration is about, in a line: an entry by ref and title, an organisation, a person. */
const describe = (conflict: DeclaredConflict) => {
  if (conflict.kind === 'entry') return [conflict.ref, conflict.title].filter(Boolean).join(' ') || conflict.registrationId;
  if (conflict.kind === 'organisation') return conflict.organisation;
  return [conflict.name, conflict.identifier].filter(Boolean).join(' · ');
};

const Declared = ({ contestId, conflict }: { contestId: string; conflict: DeclaredConflict }) => {
  const { t } = useI18n();
  const revalidator = useRevalidator();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const withdraw = async () => {
    setBusy(true);
    try {
      await judging.withdrawConflict(contestId, conflict.id);
      await revalidator.revalidate();
    } catch (error) {
      setProblems(problemsOf(error));
      setBusy(false);
    }
  };
  return (
    <li className="declared-conflict" data-testid="declared-conflict" data-kind={conflict.kind}>
      <Badge>{t(`judge.conflicts.kind.${conflict.kind}`)}</Badge> <span>{describe(conflict)}</span>
      {conflict.note && <span className="small muted"> · {conflict.note}</span>}{' '}
      <Button variant="link" busy={busy} onClick={withdraw} data-testid="withdraw-conflict">
        {t('judge.conflicts.withdraw')}
      </Button>
      <FieldProblems problems={problems} />
    </li>
  );
};

type Kind = 'organisation' | 'person';
const known = new Set(['organisation', 'name', 'identifier', 'note']);

const requestOf = (kind: Kind, values: typeof empty): ConflictRequest => {
  const note = values.note.trim() || undefined;
  return kind === 'organisation'
    ? { kind, organisation: values.organisation, note }
    : { kind, name: values.name.trim() || undefined, identifier: values.identifier.trim() || undefined, note };
};

const empty = { organisation: '', name: '', identifier: '', note: '' };

/** 声明新的利益冲突: an organisation or a person (an entry is declared from its own page). */
const DeclareForm = ({ contestId }: { contestId: string }) => {
  const { t } = useI18n();
  const revalidator = useRevalidator();
  const [kind, setKind] = useState<Kind>('organisation');
  const [values, setValues] = useState(empty);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const placed = useMemo(() => placeProblems(problems, known), [problems]);
  const field = (name: keyof typeof empty, label: string, hint?: string) => (
    <div className={`field${placed.get(name) ? ' has-error' : ''}`}>
      <label htmlFor={`conflict-${name}`}>{label}</label>
      {hint && <div className="hint">{hint}</div>}
      <FieldProblems problems={placed.get(name)} />
      <input id={`conflict-${name}`} value={values[name]} onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))} />
    </div>
  );
  const declare = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblems([]);
    try {
      await judging.declare(contestId, requestOf(kind, values));
      setValues(empty);
      await revalidator.revalidate();
    } catch (error) {
      setProblems(problemsOf(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={declare} noValidate data-testid="declare-conflict">
      <h3>{t('judge.conflicts.add')}</h3>
      <p className="muted small">{t('judge.conflicts.entryHint')}</p>
      <ErrorSummary problems={placed.get(topKey) ?? []} />
      <fieldset className="radios">
        <legend>{t('judge.conflicts.kind')}</legend>
        {(['organisation', 'person'] as const).map((k) => (
          <label key={k} className="check-label">
            <input type="radio" name="conflict-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {t(`judge.conflicts.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      {kind === 'organisation' ? (
        field('organisation', t('judge.conflicts.organisation'))
      ) : (
        <>
          {field('name', t('judge.conflicts.personName'), t('judge.conflicts.personHint'))}
          {field('identifier', t('judge.conflicts.identifier'))}
        </>
      )}
      {field('note', t('judge.conflict.note'))}
      <div className="form-actions">
        <Button type="submit" busy={busy} data-testid="declare-conflict-submit">
          {t('judge.conflicts.submit')}
        </Button>
      </div>
    </form>
  );
};

/** 已声明的利益冲突: the judge's own declarations, each withdrawable, and a form for a new one. */
export const ConflictsSection = ({ contestId, conflicts }: { contestId: string; conflicts: DeclaredConflict[] }) => {
  const { t } = useI18n();
  return (
    <section aria-labelledby="conflicts-heading">
      <h2 id="conflicts-heading">{t('judge.conflicts.title')}</h2>
      {conflicts.length === 0 ? (
        <p className="muted">{t('judge.conflicts.none')}</p>
      ) : (
        <ul className="declared-conflicts" data-testid="declared-conflicts">
          {conflicts.map((conflict) => (
            <Declared key={conflict.id} contestId={contestId} conflict={conflict} />
          ))}
        </ul>
      )}
      <DeclareForm contestId={contestId} />
    </section>
  );
};
