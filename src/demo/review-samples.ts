import type { InviteJudgeRequest } from '../review/judges/schema.ts';
import type { ScoreRequest } from '../review/scoring/service.ts';
import type { Sample } from './samples.ts';

/**
 * What the demo's review in progress (review.ts) is made of: 003's 申请和选拔, whose handbook says
 * "评委将由国际劳工组织北京局、国际劳工组织国际培训中心以及中国人社部的成员组成". Teams, people and
 * organisations are made up and marked 演示; phones are valid mobiles no other sample uses.
 */
export const reviewSeed = 'ilo-digital-social-security-hackathon-2021';
export const reviewRound = 'application-selection';

const teamOf = (leader: [name: string, employer: string, years: number], members: [name: string, years: number][], n: number) => ({
  trackId: 'hackathon',
  entrantKind: 'team' as const,
  leader: { name: leader[0], phone: `137057106${n}0`, employer: leader[1], experienceYears: leader[2] },
  members: members.map(([name, years], i) => ({ name, phone: `137057106${n}${i + 1}`, experienceYears: years })),
});

/** Teams on the hackathon's three themes, each with the 初步概念提案 the application asks for. */
export const reviewTeams: Sample[] = [
  {
    ...teamOf(
      ['陈思远', '杭州某出行平台（演示）', 6],
      [
        ['林晓', 4],
        ['黄志明', 3],
      ],
      1,
    ),
    title: '新业态参保计算器（演示）',
    teamName: '参保行为设计小组',
    topicId: 'encourage-enrolment',
    works: {
      fields: {
        'concept-proposal':
          '面向外卖骑手和网约车司机的小程序：输入每月收入，即可看到按不同档次缴纳养老保险后退休时能领多少，用默认选项和到期提醒促进持续参保。',
      },
    },
  },
  {
    ...teamOf(['孙丽华', '成都某养老服务中心（演示）', 12], [['何明', 5]], 2),
    title: '银龄社保语音助手（演示）',
    teamName: '适老化服务创新队',
    topicId: 'information-education',
    works: {
      fields: { 'concept-proposal': '老年人用方言语音即可查询养老金到账、办理资格认证，子女可远程协助，解决数字信息对老年人的排斥问题。' },
    },
  },
  {
    ...teamOf(
      ['王静怡', '深圳某公益组织（演示）', 8],
      [
        ['李婷', 3],
        ['张蕾', 2],
        ['刘畅', 4],
      ],
      3,
    ),
    title: '她保障：女性灵活就业者生育保险指南（演示）',
    teamName: '她力量设计实验室',
    topicId: 'information-education',
    works: {
      fields: { 'concept-proposal': '以图文故事讲清灵活就业女性如何参加生育保险、产假期间如何申领待遇，附各省政策对照和常见问题。' },
    },
  },
  {
    ...teamOf(['赵国栋', '济南某软件公司（演示）', 10], [['周宁', 6]], 4),
    title: '社保大厅数字孪生排队模拟（演示）',
    teamName: '经办服务优化组',
    topicId: 'administration-services',
    works: {
      fields: { 'concept-proposal': '用经办大厅的取号数据建立数字孪生，模拟窗口布局和接待流程的调整，帮助经办机构缩短群众等候时间。' },
    },
  },
  {
    ...teamOf(
      ['马俊', '郑州某信息技术公司（演示）', 7],
      [
        ['郭芳', 5],
        ['韩磊', 3],
      ],
      5,
    ),
    title: '农民工社保转移接续一站通（演示）',
    teamName: '跨省通办技术队',
    topicId: 'administration-services',
    works: {
      fields: { 'concept-proposal': '农民工换城市打工时，一个页面查清各地缴费记录，在线申请养老保险关系转移接续，并实时查看办理进度。' },
    },
  },
];

/** The demo judge's record as the organiser invites it; the demo judge account accepts it. */
export const demoJudgeInvitation = (email: string): InviteJudgeRequest => ({
  name: '演示评委',
  title: '社会保障专家',
  organisation: '国际劳工组织北京局（演示）',
  email,
  expertise: ['社会保障', '平台从业人员'],
});

/** Judges invited who have not accepted yet: their links wait in the outbox. */
export const invitedJudges: InviteJudgeRequest[] = [
  { name: '林慧敏', title: '研究员', organisation: '人社部信息中心（演示）', email: 'lin.huimin@leitai.demo', expertise: ['社保信息化'] },
  { name: '周文博', title: '培训项目官员', organisation: '国际劳工组织国际培训中心（演示）', email: 'zhou.wenbo@leitai.demo', expertise: ['数字化创新'] },
];

/** The demo judge's first scores on 申请和选拔's rubric (1–10 each): one submitted, one a draft half done. */
export const demoJudgeScores: { title: string; status: 'submitted' | 'draft'; score: ScoreRequest }[] = [
  {
    title: reviewTeams[0].title,
    status: 'submitted',
    score: {
      criteria: {
        'qualification-level': 8,
        'qualification-mix': 7.5,
        experience: 8,
        'concept-relevance': 9,
        'concept-feasibility': 7,
        'regional-representation': 6,
      },
      comment: '选题贴近平台从业人员的实际需要，团队组合合理；建议补充与当地社保经办机构的访谈。',
    },
  },
  {
    title: reviewTeams[1].title,
    status: 'draft',
    score: { criteria: { 'qualification-level': 7, 'qualification-mix': 8, experience: 9 } },
  },
];
