import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { heldVotes, type HeldVotesFilter, type HeldVotesReply, type VoteDecision } from '../../api/voting.ts';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Notice } from '../../components/Problems.tsx';
import { useI18n, type MessageKey } from '../../i18n.ts';
import { formatStamp } from '../../lib/format.ts';
import { ActionProblems } from '../review/ActionProblems.tsx';
import { useAction } from '../review/action.ts';
import { decisionTarget, stillShown, toggled, toggledAll } from './held-votes.ts';
import { Table } from '../../components/Table.tsx';

const signalWords: Record<string, MessageKey> = {
  burst: 'voting.signal.burst',
  'shared-address': 'voting.signal.shared-address',
  'shared-subnet': 'voting.signal.shared-subnet',
  'shared-device': 'voting.signal.shared-device',
  'number-block': 'voting.signal.number-block',
  lockstep: 'voting.signal.lockstep',
  'odd-hours': 'voting.signal.odd-hours',
  slow: 'voting.signal.slow',
  spray: 'voting.signal.spray',
};

/** A signal's name in words where the page knows it, else as the server names it. */
const useSignalName = () => {
  const { t } = useI18n();
  return (signal: string) => (Object.hasOwn(signalWords, signal) ? t(signalWords[signal]) : signal);
};

interface Asked {
  decision: VoteDecision;
  scope: 'selected' | 'matching';
  n: number;
}

/**
 * 待审核的投票 The votes held apart, each with why; filtered by a reason or an entry (a tap on
 * either in a row), and counted or rejected — the ticked ones, or every one the filter matches —
 * after a confirmation. The server moves the counts and records the decision in the audit log.
 */
export const HeldVotesSection = ({
  where,
  held,
  filter,
  filterPath,
  timeZone,
}: {
  where: { contestId: string; phaseId: string };
  held: HeldVotesReply;
  filter: HeldVotesFilter;
  /** The page's address with this filter. */
  filterPath: (filter: HeldVotesFilter) => string;
  timeZone: string;
}) => {
  const { t, pick, lang } = useI18n();
  const signalName = useSignalName();
  const id = useId();
  const action = useAction();
  const { votes, total } = held;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [asked, setAsked] = useState<Asked | null>(null);
  const [why, setWhy] = useState('');
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => setSelected((now) => stillShown(now, votes)), [votes]);

  const ask = (decision: VoteDecision, scope: Asked['scope']) => {
    setWhy('');
    setAsked({ decision, scope, n: scope === 'selected' ? selected.size : total });
  };
  const decide = async () => {
    if (!asked) return;
    const target = decisionTarget(asked.scope, selected, filter);
    const reply = await action.run('decide', () => heldVotes.decide(where.contestId, where.phaseId, asked.decision, target, why.trim() || undefined));
    setAsked(null);
    if (reply) setDone(t('voting.held.decided', { n: reply.decided }));
  };
  const rescan = async () => {
    const reply = await action.run('rescan', () => heldVotes.rescan(where.contestId, where.phaseId));
    if (reply) setDone(t('voting.held.rescanned', { n: reply.held }));
  };
  const filtered = Boolean(filter.reason || filter.entry);
  const entryFiltered = filter.entry ? votes.find((v) => v.entry.id === filter.entry)?.entry : undefined;
  const allTicked = votes.length > 0 && votes.every((v) => selected.has(v.id));

  return (
    <section className="section" data-testid="held-votes">
      <h2>{t('voting.held.title')}</h2>
      <p className="muted small">{t('voting.held.explain')}</p>
      <p className="held-rescan">
        <Button variant="secondary" busy={action.busy === 'rescan'} onClick={() => void rescan()} data-testid="held-rescan">
          {t('voting.held.rescan')}
        </Button>{' '}
        <span className="muted small">{t('voting.held.rescanExplain')}</span>
      </p>
      {(held.signals.length > 0 || filtered) && (
        <div className="held-filter" role="group" aria-label={t('voting.held.filter')}>
          <span className="small">{t('voting.held.byReason')}</span>
          {held.signals.map(({ signal, count: n }) => (
            <Link
              key={signal}
              to={filterPath({ ...filter, reason: signal })}
              className={filter.reason === signal ? 'chip is-current' : 'chip'}
              data-testid={`reason-${signal}`}
            >
              {signalName(signal)} <span className="count">{n}</span>
            </Link>
          ))}
          {filter.entry && <span className="chip is-current">{t('voting.held.byEntry', { entry: entryFiltered?.ref ?? filter.entry })}</span>}
          {filtered && (
            <Link to={filterPath({})} className="small" data-testid="held-clear">
              {t('voting.held.clear')}
            </Link>
          )}
        </div>
      )}
      {done !== null && <Notice testId="held-done">{done}</Notice>}
      <ActionProblems error={action.error} testId="held-error" />
      {total === 0 ? (
        <p className="empty" data-testid="held-none">
          {t('voting.held.none')}
        </p>
      ) : (
        <>
          <p data-testid="held-total">
            {t('voting.held.total', { n: total })}
            {votes.length < total && <span className="muted small">{t('voting.held.shown', { n: votes.length })}</span>}
          </p>
          <div className="held-actions">
            <span className="small">{t('voting.held.selected', { n: selected.size })}</span>
            <Button variant="secondary" disabled={selected.size === 0} onClick={() => ask('count', 'selected')} data-testid="count-selected">
              {t('voting.held.countSelected')}
            </Button>
            <Button variant="secondary" disabled={selected.size === 0} onClick={() => ask('reject', 'selected')} data-testid="reject-selected">
              {t('voting.held.rejectSelected')}
            </Button>
            <Button variant="secondary" onClick={() => ask('count', 'matching')} data-testid="count-matching">
              {t('voting.held.countMatching', { n: total })}
            </Button>
            <Button variant="danger" onClick={() => ask('reject', 'matching')} data-testid="reject-matching">
              {t('voting.held.rejectMatching', { n: total })}
            </Button>
          </div>
          <Table
            className="compact held-table"
            testId="held-table"
            heads={
              <>
                <th scope="col">
                  <input
                    type="checkbox"
                    checked={allTicked}
                    onChange={() => setSelected(toggledAll(selected, votes))}
                    aria-label={t('voting.held.selectAll')}
                    data-testid="held-select-all"
                  />
                </th>
                <th scope="col">{t('voting.held.castAt')}</th>
                <th scope="col">{t('voting.held.entry')}</th>
                <th scope="col">{t('voting.held.phone')}</th>
                <th scope="col">{t('voting.held.address')}</th>
                <th scope="col">{t('voting.held.reasons')}</th>
              </>
            }
          >
            {votes.map((vote) => (
              <tr key={vote.id} data-testid="held-vote">
                <td>
                  <input
                    type="checkbox"
                    checked={selected.has(vote.id)}
                    onChange={() => setSelected(toggled(selected, vote.id))}
                    aria-label={t('voting.held.select', { ref: vote.entry.ref })}
                  />
                </td>
                <td className="nowrap">{formatStamp(vote.castAt, lang, timeZone)}</td>
                <td>
                  <Link to={filterPath({ ...filter, entry: vote.entry.id })} title={vote.entry.title}>
                    <span className="ref">{vote.entry.ref}</span>
                  </Link>{' '}
                  <span className="small">{vote.entry.title}</span>
                </td>
                <td className="nowrap">{vote.phone}</td>
                <td className="nowrap">{vote.address}</td>
                <td>
                  <ul className="plain held-reasons">
                    {vote.reasons.map((reason, i) => (
                      <li key={i}>
                        <strong>{signalName(reason.signal)}</strong> <span className="small">{pick(reason.detail)}</span>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </Table>
        </>
      )}
      <ConfirmDialog
        open={asked !== null}
        title={asked ? t(asked.decision === 'count' ? 'voting.held.confirmCount' : 'voting.held.confirmReject', { n: asked.n }) : ''}
        confirmLabel={t(asked?.decision === 'count' ? 'voting.held.count' : 'voting.held.reject')}
        variant={asked?.decision === 'reject' ? 'danger' : 'primary'}
        busy={action.busy === 'decide'}
        onConfirm={() => void decide()}
        onCancel={() => setAsked(null)}
      >
        <p className="small">{t('voting.held.confirmExplain')}</p>
        <div className="field">
          <label htmlFor={`${id}-why`}>
            {t('voting.held.why')} <span className="optional">{t('common.optionalParen')}</span>
          </label>
          <textarea id={`${id}-why`} rows={2} maxLength={500} value={why} onChange={(e) => setWhy(e.target.value)} data-testid="held-why" />
        </div>
      </ConfirmDialog>
    </section>
  );
};
