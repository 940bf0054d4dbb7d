import { z } from "zod";
import { getDatabase } from "@/db/client";
import { handleRoute } from "@/server/http/handle-route";
import { LOG_PAGE_MAX, readLogPage } from "@/server/moderation/read-log";

export const dynamic = "force-dynamic";

// Only these two: an unknown parameter (a filter the log does not have) is refused, never ignored, so that
// no reader mistakes a page of the whole log for a filtered one.
const LogPageParams = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).default(LOG_PAGE_MAX),
});

// GET /api/moderation-log?after=<seq>&limit=<n>: the public log, oldest first, for anyone to verify.
export const GET = handleRoute("moderation-log", async (request: Request) => {
  const params = LogPageParams.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!params.success) {
    return Response.json(
      { error: "after and limit must be non-negative whole numbers, and there are no other parameters" },
      { status: 400 },
    );
  }
  const { after, limit } = params.data;
  const entries = await readLogPage(getDatabase(), { after, limit });
  const last = entries.at(-1);
  return Response.json({
    entries,
    next: entries.length === Math.min(limit, LOG_PAGE_MAX) && last ? last.seq : null,
  });
});
