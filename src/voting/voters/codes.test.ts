import { describe, expect, it } from 'vitest';
import { codeHash, codeLimitKey, codeLimits, codeMatches, codeOf, codeText, codeWrong, tooManyCodes } from './codes.ts';

describe("voters' one-time codes", () => {
  it('are six digits, leading zeros kept', () => {
    expect([codeOf(0), codeOf(42), codeOf(999_999)]).toEqual(['000000', '000042', '999999']);
  });

  it('are kept as a hash salted with their row id, so one code under two ids looks different', () => {
    expect(codeHash('a', '123456')).toMatch(/^[0-9a-f]{64}$/);
    expect(codeHash('a', '123456')).not.toBe(codeHash('b', '123456'));
    expect(codeMatches(codeHash('a', '123456'), 'a', '123456')).toBe(true);
    expect(codeMatches(codeHash('a', '123456'), 'a', '123457')).toBe(false);
    expect(codeMatches(codeHash('a', '123456'), 'b', '123456')).toBe(false);
    expect(codeMatches('not a hash', 'a', '123456')).toBe(false);
  });

  it('are worded in Chinese, naming the contest when the voter is voting in one', () => {
    expect(codeText('012345')).toBe('投票验证码 012345，5 分钟内有效。请勿告诉他人。');
    expect(codeText('012345', '人气大赛')).toBe('您正在为「人气大赛」投票，投票验证码 012345，5 分钟内有效。请勿告诉他人。');
  });

  it('are limited per address first, then per number', () => {
    expect(codeLimits.map((limit) => codeLimitKey(limit, { phone: '13812345678', address: '203.0.113.7' }))).toEqual([
      'voter-code:address-hour:203.0.113.7',
      'voter-code:phone-minute:13812345678',
      'voter-code:phone-hour:13812345678',
    ]);
  });

  it('tell the wait in seconds under two minutes, else in minutes rounded up', () => {
    expect(tooManyCodes(1).localised).toEqual({ zh: '验证码发送过于频繁，请 1 秒后再试', en: 'Too many codes were asked for; try again in 1 second' });
    expect(tooManyCodes(119_000).localised.zh).toBe('验证码发送过于频繁，请 119 秒后再试');
    expect(tooManyCodes(119_001).localised.zh).toBe('验证码发送过于频繁，请 2 分钟后再试');
    expect(tooManyCodes(121_000).localised).toEqual({ zh: '验证码发送过于频繁，请 3 分钟后再试', en: 'Too many codes were asked for; try again in 3 minutes' });
  });

  it('tell the tries left after a wrong one', () => {
    expect(codeWrong(1).localised).toEqual({ zh: '验证码不正确，还可再试 1 次', en: 'Wrong code; 1 try left' });
    expect(codeWrong(0).localised).toEqual({ zh: '验证码不正确，请重新获取验证码', en: 'Wrong code; ask for a new one' });
  });
});
