import { describe, expect, it } from 'vitest';
import { displayFileName, nameFromTemplate } from './file-names.ts';

describe('the name a file is shown under', () => {
  it('keeps a plain Chinese name as it is', () => {
    expect(displayFileName('平面设计类+一码通行+张悦+13503530021.jpg')).toBe('平面设计类+一码通行+张悦+13503530021.jpg');
  });
  it('drops directories written with either slash', () => {
    expect(displayFileName('../../etc/passwd')).toBe('passwd');
    expect(displayFileName('C:\\Users\\me\\作品.pdf')).toBe('作品.pdf');
  });
  it('removes control and bidirectional characters, and leading dots', () => {
    expect(displayFileName('evil\u0000\u202egpj.exe')).toBe('evilgpj.exe');
    expect(displayFileName('...hidden.pdf')).toBe('hidden.pdf');
  });
  it('shortens a 300-character name to 120, keeping the extension', () => {
    const name = displayFileName(`${'作'.repeat(300)}.mp4`);
    expect([...name].length).toBe(120);
    expect(name.endsWith('.mp4')).toBe(true);
  });
  it('gives a name to an empty one', () => {
    expect(displayFileName('')).toBe('file');
    expect(displayFileName(undefined)).toBe('file');
  });
});

describe('the export name from the definition template', () => {
  it('fills 002 naming: 作品类别+名称+作者姓名+联系电话', () => {
    expect(
      nameFromTemplate(
        '{category}+{title}+{leaderName}+{leaderPhone}',
        { category: '平面设计类', title: '一码通行', leaderName: '张悦', leaderPhone: '13503530021' },
        'jpg',
      ),
    ).toBe('平面设计类+一码通行+张悦+13503530021.jpg');
  });
  it('replaces characters no file system takes', () => {
    expect(nameFromTemplate('{entrantName}+{title}', { entrantName: 'A/B团队', title: '问:答?' }, 'pdf')).toBe('A_B团队+问_答_.pdf');
  });
});
