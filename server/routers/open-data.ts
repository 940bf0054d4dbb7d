import { z } from "zod";
import { DomainError } from "../errors";
import { listRegisters, registerFigures } from "../open-data/import/register-figures";
import { RegisterExportQuery } from "../open-data/import/register-figures-export";
import { listSnapshots } from "../open-data/read-snapshots";
import { SnapshotListOutput } from "../open-data/snapshot-schema";
import { publicProcedure, router } from "../trpc";

export const openDataRouter = router({
  // The daily snapshots are open data: anyone may list them (docs/open-data.md).
  snapshots: publicProcedure.output(SnapshotListOutput).query(({ ctx }) => listSnapshots(ctx.db)),
  // Registers kept elsewhere and imported, with their figures: open data too, counts only.
  registers: publicProcedure
    .output(z.array(z.object({ source: z.string(), timeZone: z.string(), importedAt: z.date() })))
    .query(({ ctx }) => listRegisters(ctx.db)),
  register: publicProcedure.input(RegisterExportQuery).query(async ({ ctx, input }) => {
    const figures = await registerFigures(ctx.db, input);
    if (!figures) throw new DomainError("NOT_FOUND");
    return figures;
  }),
});
