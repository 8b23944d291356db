/** Published chain heads, as `leitai audit head --json` prints them and `audit verify --heads` reads them. */
import { z } from 'zod';
import type { ChainHead } from './rules.ts';

export const publishedHeadSchema = z.object({
  /** The contest id, or '' for the platform's chain. */
  chain: z.string(),
  seq: z.int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

export const publishedHeadsSchema = z.array(publishedHeadSchema);

/** `<seq>:<hash>`, as `--head` takes one chain's published head. */
export const parseHeadArgument = (text: string): ChainHead | undefined => {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  return match && Number(match[1]) >= 1 ? { seq: Number(match[1]), hash: match[2] } : undefined;
};
