import { z } from "zod";
import { appealCategory } from "@/db/schema";
import { routing } from "@/i18n/routing";
import { DirectoryListOutput, SuggestOutput } from "../directory/directory-schema";
import { REGION_CODES } from "../directory/regions";
import { searchStateBodies } from "../directory/search-state-bodies";
import { suggestBodies } from "../directory/suggest-body";
import { publicProcedure, router } from "../trpc";

export const directoryRouter = router({
  // The directory is public: anyone may see where an appeal can go.
  list: publicProcedure
    .input(z.strictObject({ locale: z.enum(routing.locales), search: z.string().trim().max(100).optional() }))
    .output(DirectoryListOutput)
    .query(({ ctx, input }) => searchStateBodies(ctx.db, input)),
  suggest: publicProcedure
    .input(
      z.strictObject({
        category: z.enum(appealCategory.enumValues),
        region: z.enum(REGION_CODES).nullable(),
      }),
    )
    .output(SuggestOutput)
    .query(({ ctx, input }) => suggestBodies(ctx.db, input)),
});
