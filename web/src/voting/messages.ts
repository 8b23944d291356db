/**
 * The words of public voting — the showcase, the vote button, the phone proof — in Chinese and
 * English; messages.ts takes them in beside the rest. Each key starts with `vote.`. Refusals come
 * from the server in both languages, not from here.
 */
export const voteMessages = {
  'vote.title': { zh: '作品投票', en: 'Vote' },
  'vote.entryTitle': { zh: '作品详情', en: 'Entry' },
  'vote.open': { zh: '进入投票', en: 'Go to the vote' },
  'vote.openings': { zh: '大众投票', en: 'Public vote' },
  'vote.state.open': { zh: '投票进行中', en: 'Open' },
  'vote.state.upcoming': { zh: '投票未开始', en: 'Not open yet' },
  'vote.state.closed': { zh: '投票已结束', en: 'Closed' },
  'vote.divisions': { zh: '作品类别', en: 'Divisions' },
  'vote.noEntries': { zh: '这一类别暂无作品。', en: 'No entries in this division yet.' },
  'vote.count': { zh: '{n} 票', en: '{n} {n:vote|votes}' },

  'vote.vote': { zh: '投票', en: 'Vote' },
  'vote.voted': { zh: '已投票', en: 'Voted' },
  'vote.retry': { zh: '重试投票', en: 'Try again' },
  'vote.solving': { zh: '正在验证…', en: 'Checking…' },
  'vote.sending': { zh: '正在投票…', en: 'Voting…' },
  'vote.retryHint': {
    zh: '再点一次会重发同一票，不会重复计票。',
    en: 'Tapping again resends the same vote; it is never counted twice.',
  },
  'vote.challengeFailed': {
    zh: '人机验证未完成，请稍后再试。',
    en: 'The check that you are not a robot did not finish. Please try again.',
  },
  'vote.insecure': {
    zh: '此页面须通过 HTTPS 打开才能投票。',
    en: 'This page must be opened over HTTPS to vote.',
  },

  'vote.voter': { zh: '投票手机号 {phone}', en: 'Voting as {phone}' },
  'vote.signOut': { zh: '退出', en: 'Sign out' },
  'vote.howTo': { zh: '点击“投票”，验证手机号后即可投票。', en: 'Tap “Vote” and prove your mobile number to vote.' },
  'vote.left.today': { zh: '今天还可投 {n} 票', en: '{n} {n:vote|votes} left today' },
  'vote.left.total': { zh: '共还可投 {n} 票', en: '{n} {n:vote|votes} left in all' },
  'vote.left.division': { zh: '本类别还可投 {n} 票', en: '{n} {n:vote|votes} left in this division' },
  'vote.left.noneToday': { zh: '今天的票已投完，明天再来', en: 'No votes left today: come back tomorrow' },
  'vote.left.noneTotal': { zh: '你的票已全部投完', en: 'You have used all your votes' },
  'vote.left.noneDivision': { zh: '本类别的票已投完', en: 'No votes left in this division' },

  'vote.phone.title': { zh: '验证手机号', en: 'Prove your mobile number' },
  'vote.phone.why': {
    zh: '每个手机号的票数有限。验证码以短信发送，号码仅用于投票核验，不会公开。',
    en: 'Each number has a limited number of votes. The code comes by SMS; the number is used only to check votes and is never shown.',
  },
  'vote.phone.number': { zh: '手机号（中国大陆）', en: 'Mobile number (mainland China)' },
  'vote.phone.invalid': { zh: '请输入 11 位中国大陆手机号。', en: 'Enter an 11-digit mainland China mobile number.' },
  'vote.phone.sendCode': { zh: '获取验证码', en: 'Send code' },
  'vote.phone.codeSent': { zh: '验证码已发送至 {phone}。', en: 'A code was sent to {phone}.' },
  'vote.phone.code': { zh: '短信验证码', en: 'Code from the SMS' },
  'vote.phone.verify': { zh: '验证并投票', en: 'Verify and vote' },
  'vote.phone.resend': { zh: '重新发送', en: 'Send again' },
  'vote.phone.resendIn': { zh: '{s} 秒后可重新发送', en: 'Send again in {s} s' },
  'vote.phone.otherNumber': { zh: '换一个手机号', en: 'Use another number' },
};
