import { getDatabase } from "@/db/client";
import { handleRoute } from "@/server/http/handle-route";
import { listSnapshots } from "@/server/open-data/read-snapshots";

export const dynamic = "force-dynamic";

// GET /open-data/index.json: every daily snapshot of the open data, newest first (docs/open-data.md).
export const GET = handleRoute("open-data/index.json", async () => {
  const snapshots = await listSnapshots(getDatabase());
  return Response.json({
    documentation: "docs/open-data.md",
    snapshots: snapshots.map((s) => ({
      date: s.date,
      created_at: s.createdAt.toISOString(),
      key_id: s.keyId,
      manifest: `/open-data/${s.date}/manifest.json`,
      files: s.files.map((f) => ({
        path: `/open-data/${s.date}/${f.path}`,
        bytes: f.size,
        sha256: f.sha256,
      })),
    })),
  });
});
