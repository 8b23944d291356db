import { demoSamples, type Sample } from './samples.ts';

/**
 * What the demo's vote in progress (voting.ts) is made of: 000's 网上大众投票, which counts for half of
 * the preliminary's score. Entries, people and voters are made up and marked 演示; phones are valid
 * mobiles no other sample uses.
 */
export const votingSeed = 'jjj-social-security-card-2025';
export const votingPhase = 'public-vote';

const withPoster = (sample: Sample): Sample => ({ ...sample, works: { ...sample.works, posters: ['work'] } });

const moreTeams: Sample[] = [
  {
    title: '社保卡京津冀通行创意短视频分镜（演示）',
    trackId: 'publicity',
    entrantKind: 'individual',
    leader: { name: '郑可欣', phone: '13705720011', employer: '天津某传媒公司（演示）' },
  },
  {
    title: '一图读懂社保卡惠民服务（演示）',
    trackId: 'publicity',
    entrantKind: 'individual',
    leader: { name: '韩子墨', phone: '13705720021', employer: '廊坊某社区服务中心（演示）' },
  },
  {
    title: '社保卡电子凭证扫码乘车小程序（演示）',
    trackId: 'app-dev',
    groupId: 'social',
    entrantKind: 'team',
    teamName: '通勤一卡通开发组',
    leader: { name: '冯浩然', phone: '13705720031', employer: '北京某软件公司（演示）' },
    members: [{ name: '曹雅琪', phone: '13705720032' }],
  },
];

/** 000's own samples and three more, in each of the four divisions, each with a poster to show. */
export const votingTeams: Sample[] = [...demoSamples[votingSeed], ...moreTeams].map(withPoster);

/** Honest voters: each comes once, in waking hours, and votes for one to four entries, the popular more. */
export const honestVoterCount = 100;

/**
 * A SIM pool (卡池) bought to lift one entry: eight cards in series, voting one after another from one
 * phone behind one address. The number-block signal holds them: five numbers less than 300 apart for
 * one entry within six hours.
 */
export const simPool = {
  numbers: Array.from({ length: 8 }, (_, i) => `1705123450${i + 1}`),
  address: '223.104.3.77',
  /** Which of votingTeams it votes for. */
  entry: 5,
  minutesApart: 4,
};

/** What phones send as their user agent: a few models, as a crowd's are. */
export const voterAgents = [
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.53',
  'Mozilla/5.0 (Linux; Android 14; V2307A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0 Mobile Safari/537.36 XWEB/1160065 MicroMessenger/8.0.50',
  'Mozilla/5.0 (Linux; Android 13; 22081212C) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Linux; Android 14; PJZ110) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Mobile Safari/537.36 MicroMessenger/8.0.47',
  'Mozilla/5.0 (Linux; Android 12; ALN-AL00) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Linux; Android 14; 23116PN5BC) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0 Mobile Safari/537.36 MicroMessenger/8.0.51',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
];
