import type { RegistrationInputRaw } from '../registration/schema.ts';

/**
 * Sample registrations that `npm start` adds on an empty data directory, each on its contest's own
 * theme, so a newcomer clicks through a living contest. Keyed by the seed's id; editions of a seed
 * get the same samples. Every one is stored with is_demo, and every page marks it 演示数据.
 * ID numbers and credit codes are made up but carry valid check characters.
 */
interface SampleWorks {
  /** Requirements filled with a generated poster (demo/poster.ts). */
  posters?: string[];
  fields?: Record<string, string>;
}

export type Sample = Omit<RegistrationInputRaw, 'declarations'> & { works?: SampleWorks };

const student = (name: string, phone: string, school: string) => ({ name, phone, isFullTimeStudent: true, school });

export const demoSamples: Record<string, Sample[]> = {
  'jjj-social-security-card-2025': [
    {
      title: '社保卡文旅一卡通小程序（演示）',
      trackId: 'app-dev',
      groupId: 'campus',
      entrantKind: 'team',
      teamName: '燕赵一卡通创新小组',
      leader: { ...student('李明轩', '13803110001', '河北师范大学'), idNumber: '130102200304151232' },
      members: [student('王雨桐', '13803110002', '河北师范大学'), student('赵子涵', '13803110003', '南开大学')],
      advisors: [{ name: '陈老师', phone: '13903110004', employer: '河北师范大学' }],
    },
    {
      title: '"一卡通"京津冀通办长图海报（演示）',
      trackId: 'publicity',
      entrantKind: 'individual',
      leader: { name: '周晓雯', phone: '13803110005', employer: '石家庄某设计工作室' },
      works: { posters: ['work'] },
    },
    {
      title: '保定市社保卡就医购药一卡通案例（演示）',
      trackId: 'case-selection',
      entrantKind: 'organisation',
      leader: { name: '孙建国', phone: '13803120006' },
      organisations: [{ name: '保定市人力资源和社会保障局（演示）', type: 'government', isLead: true, hasLegalEntity: true, creditCode: '12130700MB1234567W' }],
    },
  ],
  'hebei-smart-government-data-2022': [
    {
      title: '县域政务数据共享"一网通办"平台（演示）',
      trackId: 'government-services',
      entrantKind: 'team',
      teamName: '正定县数据共享攻坚队',
      leader: { name: '刘志强', phone: '13903110011', employer: '正定县行政审批局' },
      members: [
        { name: '马晓燕', phone: '13903110012' },
        { name: '郭磊', phone: '13903110013' },
        { name: '韩冰', phone: '13903110014' },
      ],
    },
    {
      title: '"信易贷"小微企业信用画像（演示）',
      trackId: 'financial-innovation',
      entrantKind: 'organisation',
      leader: { name: '杨帆', phone: '13903110015' },
      organisations: [{ name: '河北某金融科技有限公司（演示）', type: 'enterprise', isLead: true, hasLegalEntity: true, creditCode: '91130700MA0A1B2C30' }],
    },
  ],
  'yangquan-medical-e-voucher-works-2022': [
    {
      title: '医保电子凭证 一码通行海报（演示）',
      trackId: 'works',
      categoryId: 'graphic-design',
      entrantKind: 'individual',
      leader: { name: '张悦', phone: '13503530021', employer: '阳泉职业技术学院' },
      works: { posters: ['image'] },
    },
    {
      title: '扫码就医不排队（演示）',
      trackId: 'works',
      categoryId: 'copywriting',
      entrantKind: 'individual',
      leader: { name: '王芳', phone: '13503530022' },
      works: { fields: { copy: '扫码就医不排队，医保凭证随身带' } },
    },
    {
      title: '推荐官短视频：三步激活医保电子凭证（演示）',
      trackId: 'ambassador',
      entrantKind: 'individual',
      leader: { name: '赵刚', phone: '13503530023', employer: '阳泉市某社区卫生服务中心' },
    },
  ],
  'ilo-digital-social-security-hackathon-2021': [
    {
      title: '骑手保：外卖骑手社保科普游戏（演示）',
      trackId: 'hackathon',
      entrantKind: 'team',
      teamName: '灵活就业保障设计实验室',
      leader: { name: '吴佳琪', phone: '13705710031', experienceYears: 5, employer: '杭州某互联网公司' },
      members: [
        { name: '郑浩', phone: '13705710032', experienceYears: 3 },
        { name: '冯丽', phone: '13705710033', experienceYears: 8 },
      ],
    },
  ],
  'hebei-data-elements-2025': [
    {
      title: '张家口"东数西算"算力调度数据平台（演示）',
      trackId: 'industrial-manufacturing',
      zoneId: 'zhangjiakou',
      entrantKind: 'organisation',
      leader: { name: '高志远', phone: '13803130041' },
      organisations: [
        { name: '张家口某数据科技有限公司（演示）', type: 'enterprise', isLead: true, hasLegalEntity: true, creditCode: '91350100M000100Y43' },
        { name: '河北北方学院（演示）', type: 'university', isLead: false, hasLegalEntity: true, creditCode: '52130700MJ0000001J' },
      ],
    },
    {
      title: '冬奥城市精细化治理数据中台（演示）',
      trackId: 'urban-governance',
      zoneId: 'zhangjiakou',
      entrantKind: 'organisation',
      leader: { name: '任晓东', phone: '13803130042' },
      organisations: [{ name: '张家口市某区城市管理局（演示）', type: 'government', isLead: true, hasLegalEntity: true, creditCode: '12130700MB1234567W' }],
    },
  ],
};
