import { describe, expect, it } from 'vitest';
import { copyText } from './clipboard.ts';

describe('copying a link', () => {
  it('uses the Clipboard API when there is one', async () => {
    const written: string[] = [];
    expect(await copyText('https://x/join/A', { writeText: async (t) => void written.push(t), copySelection: () => true })).toBe('clipboard');
    expect(written).toEqual(['https://x/join/A']);
  });
  it('falls back to copying the selection when the API is missing or refuses', async () => {
    expect(await copyText('a', { copySelection: () => true })).toBe('selection');
    expect(await copyText('a', { writeText: () => Promise.reject(new Error('denied')), copySelection: () => true })).toBe('selection');
  });
  it('asks to copy by hand when neither works', async () => {
    expect(await copyText('a', { copySelection: () => false })).toBe('manual');
    expect(
      await copyText('a', {
        copySelection: () => {
          throw new Error('no execCommand');
        },
      }),
    ).toBe('manual');
  });
});
