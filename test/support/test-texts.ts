import { seededRandom } from './test-images.ts';

/**
 * Test texts for the originality tests: Chinese project descriptions on one contest's themes (社保卡,
 * 医保电子凭证, 政务数据…), made from one vocabulary by seeded PRNGs, so that distinct texts share their
 * terms as real entries of one contest do, but not their sentences; and altered copies of them.
 */

const subjects = ['本项目', '我们团队', '该平台', '本方案', '系统', '这一应用', '本作品', '项目组', '该小程序', '平台'];
const verbs = ['依托', '基于', '围绕', '利用', '结合', '聚焦', '打通', '整合', '对接', '融合'];
const terms = [
  '社保卡',
  '医保电子凭证',
  '政务数据',
  '一网通办',
  '电子证照',
  '健康档案',
  '养老服务',
  '住房公积金',
  '数字人民币',
  '城市大脑',
  '智慧社区',
  '大数据平台',
  '人工智能',
  '区块链',
  '隐私计算',
  '数据要素',
  '适老化改造',
  '跨省通办',
  '移动支付',
  '信用体系',
  '居民服务一卡通',
  '惠民惠农补贴',
  '就业服务',
  '电子社保卡',
];
const actions = ['实现了', '提供了', '构建了', '推动了', '优化了', '提升了', '简化了', '保障了', '完善了', '拓展了'];
const results = [
  '群众办事效率',
  '数据安全共享',
  '一站式服务',
  '精准服务能力',
  '便民惠民水平',
  '业务协同效率',
  '服务覆盖范围',
  '用户使用体验',
  '基层治理能力',
  '资金发放效率',
  '风险防控能力',
  '跨部门数据流转',
];
const tails = [
  '在试点地区取得良好效果',
  '有效降低了运营成本',
  '为基层治理提供有力支撑',
  '受到用户广泛好评',
  '具备推广复制价值',
  '减少了群众跑腿次数',
  '平均办理时长明显缩短',
  '填补了相关领域空白',
  '形成了可持续的运营模式',
  '让老年人也能轻松使用',
];
const places = ['上海', '杭州', '成都', '深圳', '武汉', '西安', '南京', '重庆', '长沙', '青岛', '厦门', '郑州'];
const units = ['万人', '个社区', '家医院', '所学校', '个街道', '家药店'];

/** One sentence (about 30–45 字), with numbers and places that make sentences of different texts differ. */
function sentence(random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const n = () => 2 + Math.floor(random() * 97);
  switch (Math.floor(random() * 5)) {
    case 0:
      return `${pick(subjects)}${pick(verbs)}${pick(terms)}与${pick(terms)}，${pick(actions)}${pick(results)}，${pick(tails)}。`;
    case 1:
      return `截至目前，${pick(subjects)}已在${pick(places)}覆盖${n()}${pick(units)}，${pick(actions)}${pick(results)}。`;
    case 2:
      return `通过${pick(terms)}和${pick(terms)}的深度融合，${pick(subjects)}${pick(actions)}${pick(results)}和${pick(results)}。`;
    case 3:
      return `在${pick(places)}试点期间，${pick(terms)}相关业务办理量增长${n()}%，${pick(tails)}。`;
    default:
      return `下一步，${pick(subjects)}将以${pick(terms)}为抓手，持续${pick(actions).slice(0, 2)}${pick(results)}，${pick(tails)}。`;
  }
}

/** A text of paragraphs of sentences, 150–600 字, different for each seed. */
export function makeOriginalText(seed: number): string {
  const random = seededRandom(seed * 104729 + 3);
  const target = 150 + Math.floor(random() * 400); // the last sentence may pass it by up to ~45 字
  const paragraphs: string[] = [];
  let length = 0;
  while (length < target) {
    const paragraph: string[] = [];
    const sentences = 2 + Math.floor(random() * 3);
    for (let i = 0; i < sentences && length < target; i++) {
      const s = sentence(random);
      paragraph.push(s);
      length += s.length;
    }
    paragraphs.push(paragraph.join(''));
  }
  return paragraphs.join('\n\n');
}

export type TextAlteration =
  | 'a few characters changed'
  | 'sentences reordered'
  | '20% cut'
  | 'punctuation changed'
  | 'a paragraph inserted'
  | 'reordered, characters changed and re-punctuated';

export const textAlterations: readonly TextAlteration[] = [
  'a few characters changed',
  'sentences reordered',
  '20% cut',
  'punctuation changed',
  'a paragraph inserted',
  'reordered, characters changed and re-punctuated',
];

const sentencesOf = (text: string) => text.replace(/\n+/g, '').match(/[^。！？]+[。！？]/g) ?? [];

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Changes one character in 60 (at least 3) to another 字. */
function changeCharacters(text: string, random: () => number): string {
  const characters = Array.from(text);
  const replacements = Array.from('的了和在是有为对以及与将把被从向');
  const count = Math.max(3, Math.round(characters.length / 60));
  for (let i = 0; i < count; i++) {
    const at = Math.floor(random() * characters.length);
    if (/\p{Script=Han}/u.test(characters[at]!)) characters[at] = replacements[Math.floor(random() * replacements.length)]!;
  }
  return characters.join('');
}

/** Half-width and other punctuation, spaces and line breaks in new places. */
function repunctuate(text: string, random: () => number): string {
  return text
    .replace(/，/g, () => (random() < 0.5 ? ', ' : '、'))
    .replace(/。/g, () => (random() < 0.5 ? '! ' : '；\n'))
    .replace(/%/g, '％');
}

/** An altered copy of an original text, as a plagiarist might make it. */
export function alterText(original: string, alteration: TextAlteration, seed: number): string {
  const random = seededRandom(seed * 7 + 5);
  switch (alteration) {
    case 'a few characters changed':
      return changeCharacters(original, random);
    case 'sentences reordered':
      return shuffle(sentencesOf(original), random).join('');
    case '20% cut': {
      const sentences = sentencesOf(original);
      const total = sentences.join('').length;
      const kept = [...sentences];
      let cut = 0;
      while (cut < total * 0.2 && kept.length > 1) {
        const [removed] = kept.splice(Math.floor(random() * kept.length), 1);
        cut += removed!.length;
      }
      return kept.join('');
    }
    case 'punctuation changed':
      return repunctuate(original, random);
    case 'a paragraph inserted': {
      const paragraphs = original.split('\n\n');
      const extra = Array.from({ length: 3 }, () => sentence(random)).join('');
      paragraphs.splice(Math.floor(paragraphs.length / 2), 0, extra);
      return paragraphs.join('\n\n');
    }
    case 'reordered, characters changed and re-punctuated':
      return repunctuate(changeCharacters(shuffle(sentencesOf(original), random).join(''), random), random);
  }
}
