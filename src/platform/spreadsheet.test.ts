import { describe, expect, it } from 'vitest';
import { neutraliseText, spreadsheetCell, spreadsheetCsv } from './spreadsheet.ts';

describe('spreadsheet cells', () => {
  it('prefixes a quote to text that a spreadsheet would run as a formula', () => {
    expect(['=HYPERLINK("http://evil.example","点我")', '@SUM(A1:A9)', '+86 139 0000 0001', '-1+2', '\t=1+1', '\r=1+1'].map(neutraliseText)).toEqual([
      `'=HYPERLINK("http://evil.example","点我")`,
      "'@SUM(A1:A9)",
      "'+86 139 0000 0001",
      "'-1+2",
      "'\t=1+1",
      "'\r=1+1",
    ]);
  });

  it('leaves other text alone, formula characters inside it included', () => {
    expect(['一码通行', 'a=b', 'IMG_0001.JPG', ' =1', '13900000001', ''].map(neutraliseText)).toEqual([
      '一码通行',
      'a=b',
      'IMG_0001.JPG',
      ' =1',
      '13900000001',
      '',
    ]);
  });

  it('keeps numbers as numbers, negative ones too, and empty cells empty', () => {
    expect([spreadsheetCell(1024), spreadsheetCell(-3), spreadsheetCell(null), spreadsheetCell(undefined)]).toEqual([1024, -3, null, null]);
  });

  it('writes CSV behind a BOM with every text cell neutralised and CSV quoting kept', () => {
    expect(
      spreadsheetCsv([
        ['title', 'size'],
        ['=HYPERLINK("http://evil.example")', 2048],
        ['@SUM(1,2)', -1],
      ]),
    ).toBe('\uFEFFtitle,size\n"\'=HYPERLINK(""http://evil.example"")",2048\n"\'@SUM(1,2)",-1\n');
  });
});
