import type { AwardGroupView, AwardTierView, ContestView } from '../../api/types.ts';
import { useI18n } from '../../i18n.ts';
import { formatCny } from '../../lib/format.ts';
import { Table } from '../../components/Table.tsx';

const TierRow = ({ tier, preTax }: { tier: AwardTierView; preTax: boolean }) => {
  const { t, name } = useI18n();
  const count = tier.count !== undefined ? String(tier.count) : (tier.countAsPublished ?? t('awards.some'));
  return (
    <tr data-testid={`tier-${tier.id}`}>
      <th scope="row">
        {name(tier)}
        {tier.decidedBy === 'public-vote' && <div className="muted small">{t('awards.byVote')}</div>}
        {tier.decidedBy === 'finalists-not-placed' && <div className="muted small">{t('awards.finalistsNotPlaced')}</div>}
        {tier.decidedBy === 'finalists' && <div className="muted small">{t('awards.everyFinalist')}</div>}
      </th>
      <td className="num">{count}</td>
      <td className="num money">
        {tier.prizeCny ? (
          <>
            {formatCny(tier.prizeCny)}
            {preTax && <span className="tax-mark">{t('awards.preTax')}</span>}
          </>
        ) : (
          '—'
        )}
      </td>
      <td>{[tier.certificate ? t('awards.certificate') : '', tier.title ?? '', tier.goods ?? ''].filter(Boolean).join(' · ') || '—'}</td>
    </tr>
  );
};

const Group = ({ group, preTax }: { group: AwardGroupView; preTax: boolean }) => {
  const { t, name, lang } = useI18n();
  const title = group.divisions === 'contest' ? t('awards.wholeContest') : group.divisions.map((d) => name(d)).join(lang === 'zh' ? '、' : '; ');
  return (
    <div className="award-group card">
      <h3>{title}</h3>
      <Table
        heads={
          <>
            <th>{t('awards.tier')}</th>
            <th className="num">{t('awards.count')}</th>
            <th className="num">{t('awards.prize')}</th>
            <th>{t('awards.also')}</th>
          </>
        }
      >
        {group.tiers.map((tier) => (
          <TierRow key={tier.id} tier={tier} preTax={preTax} />
        ))}
      </Table>
    </div>
  );
};

export const AwardsSection = ({ contest }: { contest: ContestView }) => {
  const { t } = useI18n();
  const { awards } = contest;
  if (awards.groups.length === 0) return null;
  return (
    <section id="awards" className="section">
      <h2>{t('contest.awards')}</h2>
      <ul className="plain muted small">
        {contest.prizePoolCny > 0 && (
          <li>
            {t('contest.prizePool')} <strong className="money">{formatCny(contest.prizePoolCny)}</strong>
          </li>
        )}
        {awards.preTax && <li>{t('awards.preTaxNote')}</li>}
        {awards.preTax === undefined && contest.prizePoolCny > 0 && <li>{t('awards.taxUnstated')}</li>}
        {awards.oneAwardPerEntry && <li>{t('awards.oneAwardPerEntry')}</li>}
        {contest.prizePayer && <li>{t('awards.payer', { payer: contest.prizePayer })}</li>}
      </ul>
      {awards.groups.map((group, i) => (
        <Group key={i} group={group} preTax={awards.preTax === true} />
      ))}
    </section>
  );
};
