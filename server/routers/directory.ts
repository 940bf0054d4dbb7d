import { z } from "zod";
import { appealCategory } from "@/db/schema";
import { routing } from "@/i18n/routing";
import { suggestBodyFromText } from "../body-suggestion/suggest-body-from-text";
import { DirectoryListOutput, SuggestOutput } from "../directory/directory-schema";
import { REGION_CODES } from "../directory/regions";
import { searchStateBodies } from "../directory/search-state-bodies";
import { suggestBodies } from "../directory/suggest-body";
import { publicProcedure, readerDb, router, signedInProcedure } from "../trpc";

export const directoryRouter = router({
  // The directory is public: anyone may see where an appeal can go.
  list: publicProcedure
    .input(z.strictObject({ locale: z.enum(routing.locales), search: z.string().trim().max(100).optional() }))
    .output(DirectoryListOutput)
    .query(({ ctx, input }) => searchStateBodies(readerDb(ctx), input)),
  suggest: publicProcedure
    .input(
      z.strictObject({
        category: z.enum(appealCategory.enumValues),
        region: z.enum(REGION_CODES).nullable(),
      }),
    )
    .output(SuggestOutput)
    .query(({ ctx, input }) => suggestBodies(ctx.db, input)),
  // Signed in: whoever files (a citizen, an operator) may ask; each call reads the model, not for crawlers.
  suggestFromText: signedInProcedure
    .input(
      z.strictObject({
        text: z.string().trim().min(20).max(5000),
        category: z.enum(appealCategory.enumValues).nullable(),
        region: z.enum(REGION_CODES).nullable(),
      }),
    )
    .output(SuggestOutput)
    .query(async ({ ctx, input }) =>
      // The score stays inside: the form shows the order, not a number people would read as certainty.
      (await suggestBodyFromText(ctx.db, input)).map(({ score: _score, ...body }) => body),
    ),
});
