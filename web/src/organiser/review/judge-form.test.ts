import { describe, expect, it } from 'vitest';
import type { ContestView } from '../../api/types.ts';
import { capOf, coverChoices, emptyJudgeForm, expertiseOf, judgeFormOf, judgeRequestOf, toggled } from './judge-form.ts';

describe('the judge form', () => {
  it('splits expertise at commas of either width, 、, semicolons and new lines, dropping blanks and repeats', () => {
    expect(expertiseOf(' 社会保障, 数据安全，人工智能、 医保;社会保障；\n区块链 ,, ')).toEqual(['社会保障', '数据安全', '人工智能', '医保', '区块链']);
    expect(expertiseOf('   ')).toEqual([]);
  });

  it('takes a cap as a whole number above 0, nothing as no cap, and refuses anything else', () => {
    expect([' 12 ', '', '  '].map(capOf)).toEqual([12, null, null]);
    expect(['0', '-3', '2.5', '十', '1e3'].map(capOf)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('sends the trimmed fields, the ticked rounds and covers, and the cap', () => {
    const values = {
      ...emptyJudgeForm,
      name: ' 李明 ',
      title: '教授',
      organisation: ' 河北大学 ',
      expertise: '数据要素，政务服务',
      email: 'li@example.cn ',
      rounds: ['preliminary'],
      covers: ['app-dev/campus'],
      cap: '30',
    };
    expect(judgeRequestOf(values)).toEqual({
      name: '李明',
      title: '教授',
      organisation: '河北大学',
      employer: '',
      school: '',
      expertise: ['数据要素', '政务服务'],
      email: 'li@example.cn',
      phone: '',
      idNumber: '',
      rounds: ['preliminary'],
      covers: ['app-dev/campus'],
      cap: 30,
    });
    expect(judgeRequestOf({ ...values, cap: '0' })).toBeNull();
  });

  it('fills the edit form from a listed judge, masked contacts as shown (the server keeps them when sent back)', () => {
    const judge = {
      name: '王芳',
      title: '',
      organisation: '人社厅',
      employer: '',
      school: '',
      expertise: ['社保卡', '金融科技'],
      phone: '139****0001',
      rounds: [],
      covers: ['publicity'],
      cap: null,
    };
    const values = judgeFormOf(judge);
    expect(values).toEqual({
      ...emptyJudgeForm,
      name: '王芳',
      organisation: '人社厅',
      expertise: '社保卡，金融科技',
      phone: '139****0001',
      covers: ['publicity'],
    });
    expect(judgeRequestOf(values)).toMatchObject({ expertise: ['社保卡', '金融科技'], phone: '139****0001', cap: null });
  });

  it('keeps ticked ids in the definition’s order', () => {
    const order = ['preliminary', 'semifinal', 'final'];
    expect(toggled(['final'], 'preliminary', true, order)).toEqual(['preliminary', 'final']);
    expect(toggled(['preliminary', 'final'], 'preliminary', false, order)).toEqual(['final']);
  });

  it('offers each division, and a track of several divisions as a whole before them', () => {
    const contest = {
      tracks: [
        { id: 'publicity', name: '宣传赛道' },
        { id: 'app-dev', name: '应用开发赛道', nameEn: 'App development' },
      ],
      divisions: [
        { id: 'publicity', name: '宣传赛道', trackId: 'publicity' },
        { id: 'app-dev/society', name: '应用开发赛道（社会组）', trackId: 'app-dev' },
        { id: 'app-dev/campus', name: '应用开发赛道（校园组）', trackId: 'app-dev' },
      ],
    } as unknown as ContestView;
    expect(coverChoices(contest).map((c) => [c.id, c.isTrack])).toEqual([
      ['publicity', false],
      ['app-dev', true],
      ['app-dev/society', false],
      ['app-dev/campus', false],
    ]);
  });
});
