import { listSnapshots } from "../open-data/read-snapshots";
import { SnapshotListOutput } from "../open-data/snapshot-schema";
import { publicProcedure, router } from "../trpc";

export const openDataRouter = router({
  // The daily snapshots are open data: anyone may list them (docs/open-data.md).
  snapshots: publicProcedure.output(SnapshotListOutput).query(({ ctx }) => listSnapshots(ctx.db)),
});
