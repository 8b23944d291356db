/** Requests and replies of the voter routes (codes, sessions, the challenge); types are inferred from these. */
import { z } from 'zod';

const phone = z.string().max(40).describe('A mainland mobile number: 11 digits, spaces, dashes and +86 allowed');

export const codeRequestBody = z.object({
  phone,
  contestId: z.string().max(120).optional().describe('The contest the voter is about to vote in: named in the SMS; its outbox holds the SMS by default'),
});

export const codeSentReply = z.object({
  expiresAt: z.string().describe('When the code stops working'),
  resendAfter: z.string().describe('When another code may be sent to this number'),
});

export const sessionBody = z.object({
  phone,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'six digits'),
});

export const voterView = z.object({ phone: z.string().describe('Masked: 138****5678') }).meta({ id: 'Voter' });

export const voterReply = z.object({ voter: voterView });
export const voterMeReply = z.object({ voter: voterView.nullable() });

/** ALTCHA's challenge (v2) as the widget reads it; every parameter is covered by the signature. */
export const challengeReply = z
  .object({
    parameters: z.object({
      algorithm: z.string(),
      nonce: z.string(),
      salt: z.string(),
      cost: z.number(),
      keyLength: z.number(),
      keyPrefix: z.string(),
      keySignature: z.string().optional(),
      memoryCost: z.number().optional(),
      parallelism: z.number().optional(),
      expiresAt: z.number().optional(),
      data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    }),
    signature: z.string().optional(),
  })
  .meta({ id: 'Challenge' });
