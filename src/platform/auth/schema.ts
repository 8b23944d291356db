/** Requests and replies of the auth routes; TypeScript types are inferred from these. */
import { z } from 'zod';
import { requiredText } from '../text.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './service.ts';

export const registerBody = z.object({
  email: z.email().max(254),
  password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
  displayName: requiredText({ max: 100 }),
});

/** Sign-in checks no format: any mistake is the same "wrong email or password". */
export const loginBody = z.object({
  email: z.string().min(1).max(254),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const accountRoleReply = z.object({
  role: z.enum(['organiser', 'coordinator', 'participant', 'judge']),
  contestId: z.string().nullable().describe('null: every contest'),
  zoneId: z.string().nullable(),
});

export const accountReply = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(accountRoleReply),
  })
  .meta({ id: 'Account' });

export const signedInReply = z.object({ account: accountReply });
export const meReply = z.object({ account: accountReply.nullable() });

export type AccountReply = z.infer<typeof accountReply>;
