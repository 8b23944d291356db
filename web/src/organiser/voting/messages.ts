/**
 * The words of the organiser's voting page — held votes, their reasons, decisions, the chart — in
 * Chinese and English; messages.ts takes them in beside the rest. Each key starts with `voting.`.
 * Why a vote was held comes from the server in both languages.
 */
export const votingMessages = {
  'voting.kicker': { zh: '投票管理', en: 'Voting' },
  'voting.open': { zh: '投票管理', en: 'Voting' },
  'voting.phases': { zh: '投票环节', en: 'Votes' },
  'voting.none': { zh: '本赛事没有在擂台进行的投票。', en: 'This contest runs no vote in Leitai.' },
  'voting.showcase': { zh: '查看投票页面', en: 'Open the public vote page' },

  'voting.held.title': { zh: '待审核的投票', en: 'Held votes' },
  'voting.held.explain': {
    zh: '可疑投票先不计入票数，单独存放，待你审核：“计入”后计入票数，“作废”后永不计入。每票都列出被暂扣的原因。',
    en: 'Suspect votes are held apart and not counted until you decide: “Count” adds them to the counts, “Reject” keeps them out for good. Each vote says why it was held.',
  },
  'voting.held.none': { zh: '没有待审核的投票。', en: 'No votes are held.' },
  'voting.held.total': { zh: '共 {n} 票待审核', en: '{n} held {n:vote|votes}' },
  'voting.held.shown': { zh: '（显示前 {n} 票）', en: '(first {n} shown)' },
  'voting.held.filter': { zh: '筛选', en: 'Filter' },
  'voting.held.byReason': { zh: '按原因', en: 'By reason' },
  'voting.held.byEntry': { zh: '作品：{entry}', en: 'Entry: {entry}' },
  'voting.held.clear': { zh: '清除筛选', en: 'Clear the filter' },
  'voting.held.castAt': { zh: '投票时间', en: 'Cast at' },
  'voting.held.entry': { zh: '作品', en: 'Entry' },
  'voting.held.phone': { zh: '手机号', en: 'Phone' },
  'voting.held.address': { zh: 'IP 地址', en: 'Address' },
  'voting.held.reasons': { zh: '暂扣原因', en: 'Why held' },
  'voting.held.select': { zh: '选择 {ref} 的这一票', en: 'Select this vote for {ref}' },
  'voting.held.selectAll': { zh: '全选本页', en: 'Select all shown' },
  'voting.held.selected': { zh: '已选 {n} 票', en: '{n} selected' },
  'voting.held.count': { zh: '计入', en: 'Count' },
  'voting.held.reject': { zh: '作废', en: 'Reject' },
  'voting.held.countSelected': { zh: '计入所选', en: 'Count selected' },
  'voting.held.rejectSelected': { zh: '作废所选', en: 'Reject selected' },
  'voting.held.countMatching': { zh: '全部计入（{n} 票）', en: 'Count all {n}' },
  'voting.held.rejectMatching': { zh: '全部作废（{n} 票）', en: 'Reject all {n}' },
  'voting.held.confirmCount': { zh: '计入 {n} 票？', en: 'Count {n} {n:vote|votes}?' },
  'voting.held.confirmReject': { zh: '作废 {n} 票？', en: 'Reject {n} {n:vote|votes}?' },
  'voting.held.confirmExplain': {
    zh: '此操作会记入审计日志。计入的票马上计入票数；作废的票不再计入。',
    en: 'This is kept in the audit log. Counted votes join the counts at once; rejected votes never count.',
  },
  'voting.held.decided': { zh: '已处理 {n} 票。', en: '{n} {n:vote|votes} decided.' },

  'voting.signal.burst': { zh: '短时集中投票', en: 'Burst' },
  'voting.signal.shared-address': { zh: '同一 IP 多个号码', en: 'Shared address' },
  'voting.signal.shared-subnet': { zh: '同一网段多个号码', en: 'Shared subnet' },
  'voting.signal.shared-device': { zh: '同一设备多个号码', en: 'Shared device' },
  'voting.signal.number-block': { zh: '连号手机', en: 'Number block' },
  'voting.signal.lockstep': { zh: '同步投票团伙', en: 'Lockstep' },
  'voting.signal.odd-hours': { zh: '异常时段', en: 'Odd hours' },

  'voting.chart.title': { zh: '投票走势', en: 'Votes over time' },
  'voting.chart.explain': {
    zh: '每个时段的票数：蓝色为已计入，橙色为待审核。',
    en: 'Votes in each period: blue counted, orange held.',
  },
  'voting.chart.entry': { zh: '作品', en: 'Entry' },
  'voting.chart.allEntries': { zh: '全部作品', en: 'All entries' },
  'voting.chart.bucket': { zh: '时段', en: 'Period' },
  'voting.chart.minute': { zh: '每分钟', en: 'Per minute' },
  'voting.chart.hour': { zh: '每小时', en: 'Per hour' },
  'voting.chart.counted': { zh: '已计入', en: 'Counted' },
  'voting.chart.held': { zh: '待审核', en: 'Held' },
  'voting.chart.none': { zh: '还没有投票。', en: 'No votes yet.' },
  'voting.chart.summary': {
    zh: '已计入 {counted} 票，待审核 {held} 票；最多的时段 {at}：{n} 票。',
    en: '{counted} counted, {held} held; busiest period {at}: {n} votes.',
  },
  'voting.chart.data': { zh: '查看数据', en: 'Show the numbers' },
  'voting.chart.at': { zh: '时段开始', en: 'Period from' },
};
