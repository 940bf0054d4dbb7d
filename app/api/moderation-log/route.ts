import { getDatabase } from "@/db/client";
import { handleRoute } from "@/server/http/handle-route";
import { LOG_PAGE_MAX, readLogPage } from "@/server/moderation/read-log";

export const dynamic = "force-dynamic";

// GET /api/moderation-log?after=<seq>&limit=<n>: the public log, oldest first, for anyone to verify.
export const GET = handleRoute("moderation-log", async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const after = Number(params.get("after") ?? 0);
  const limit = Number(params.get("limit") ?? LOG_PAGE_MAX);
  if (!Number.isSafeInteger(after) || after < 0 || !Number.isSafeInteger(limit) || limit < 1) {
    return Response.json({ error: "after and limit must be non-negative whole numbers" }, { status: 400 });
  }
  const entries = await readLogPage(getDatabase(), { after, limit });
  const last = entries.at(-1);
  return Response.json({
    entries,
    next: entries.length === Math.min(limit, LOG_PAGE_MAX) && last ? last.seq : null,
  });
});
