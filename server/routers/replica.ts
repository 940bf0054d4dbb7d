import { z } from "zod";
import { replicaLag } from "../replica/replica-lag";
import { publicProcedure, readerDb, router } from "../trpc";

export const replicaRouter = router({
  // The delay of the copy this caller's public reads come from (none when they come from the primary).
  lag: publicProcedure
    .output(z.strictObject({ seconds: z.int().min(0).nullable() }).nullable())
    .query(({ ctx }) => replicaLag(readerDb(ctx))),
});
