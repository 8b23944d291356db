/** Requests and replies of the showcase routes; presenter.ts builds exactly these replies. */
import { z } from 'zod';
import { shownWorksReply } from '../../submission/schema.ts';
import { phaseParams } from '../schema.ts';

export const showcaseQuery = z.object({ division: z.string().max(120).optional().describe('Only the entries of this division') });

export const showcaseEntryParams = phaseParams.extend({ entryId: z.string().max(120) });
export const showcaseFileParams = showcaseEntryParams.extend({ fileId: z.string().max(120) });
export const showcaseFileQuery = z.object({ inline: z.enum(['0', '1']).optional().describe('1: shown in the page (a PDF, picture or video)') });

const divisionView = z.object({ id: z.string(), name: z.string(), nameEn: z.string().optional() });

const entryView = z.object({
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  division: z.string(),
  cover: z.string().nullable().describe("A small JPEG of the entry's first picture, or null"),
});

export const showcaseReply = z.object({
  divisions: z.array(divisionView).describe('The divisions voted on, in the definition’s order'),
  entries: z.array(entryView).describe('The entries voted on, in reference order (of one division when asked)'),
});

export const showcaseEntryReply = z.object({
  entry: entryView.extend({ summary: z.string().nullable().describe('The first text of its works, if any') }),
  works: shownWorksReply,
});
