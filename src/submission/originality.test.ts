import { describe, expect, it } from 'vitest';
import { fingerprintFile } from './originality.ts';
import { fingerprintText } from './originality/fingerprint.ts';
import { pdfWithText } from '../../test/support/test-media.ts';

describe('the fingerprint kept with an accepted file', () => {
  const pdfFacts = { kind: 'pdf', fileKind: 'pdf', mediaType: 'application/pdf', pages: 2, textExtractable: true } as const;

  it('fingerprints a PDF by its text, extracted and sketched in the parser worker, as its text would be here', async () => {
    const storage = { readAll: async () => Buffer.from(pdfWithText(2)) };
    expect(await fingerprintFile(pdfFacts, storage, 'key')).toEqual(fingerprintText('Leitai page 1\nLeitai page 2'));
  });

  it('keeps no fingerprint of a PDF pdfjs cannot read: it is still a submission, just not compared', async () => {
    const storage = { readAll: async () => Buffer.from('%PDF-1.4 nothing else') };
    expect(await fingerprintFile(pdfFacts, storage, 'key')).toBeNull();
  });
});
